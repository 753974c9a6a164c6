// Numbers on the command line: syntax checked first, then std::from_chars (no locale, no
// whitespace skipping).
#include "util/parse_number.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

namespace artalign {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<std::uint64_t> read_whole_number(std::string_view text) {
    if (text.empty()) return std::nullopt;
    for (const char c : text) {
        if (!is_digit(c)) return std::nullopt;
    }
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<double> read_decimal(std::string_view text) {
    std::size_t digits = 0;
    std::size_t points = 0;
    for (const char c : text) {
        if (is_digit(c)) ++digits;
        else if (c == '.') ++points;
        else return std::nullopt;
    }
    if (digits == 0 || points > 1) return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace artalign
