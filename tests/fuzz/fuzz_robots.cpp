// Fuzz target: parsing robots.txt and matching paths against it. Input: a product token line,
// then the robots.txt; each of its lines is also tried as a path. Nothing may throw or hang; a
// robots.txt without any Disallow must allow everything; a Crawl-delay stays within a day.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "read/robots_rules.hpp"

namespace {

bool contains_ignoring_case(std::string_view text, std::string_view word) {
    const auto found = std::search(text.begin(), text.end(), word.begin(), word.end(), [](char a, char b) {
        return (a >= 'A' && a <= 'Z' ? a + 32 : a) == b;
    });
    return found != text.end();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = std::min(input.find('\n'), input.size());
    const std::string_view token = input.substr(0, newline);
    const std::string_view text = input.substr(std::min(newline + 1, input.size()));

    const artalign::RobotsRules rules = artalign::RobotsRules::parse(text, token);
    if (const auto delay = rules.crawl_delay(); delay && (delay->count() < 0 || *delay > std::chrono::hours(24)))
        __builtin_trap();
    const bool may_disallow = contains_ignoring_case(text, "disallow");
    std::string_view rest = text;
    for (int paths = 0; paths < 64; ++paths) {
        const std::size_t end = std::min(rest.find('\n'), rest.size());
        const std::string_view path = rest.substr(0, end);
        if (!rules.allows(path) && !may_disallow) __builtin_trap();
        if (artalign::RobotsRules::disallow_all().allows(std::string("/") + std::string(path))) __builtin_trap();
        if (end == rest.size()) break;
        rest.remove_prefix(end + 1);
    }
    return 0;
}
