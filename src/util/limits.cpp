// The wording of the errors for hitting a protective limit.
#include "util/limits.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "artalign/error.hpp"

namespace artalign {

std::string describe_size(std::uint64_t bytes) {
    constexpr std::uint64_t kKilo = 1024;
    constexpr std::uint64_t kMega = kKilo * 1024;
    constexpr std::uint64_t kGiga = kMega * 1024;
    const auto in_unit = [bytes](std::uint64_t unit, const char* name) {
        // Whole numbers print without a decimal ("64 MB"); others with one ("70.2 MB").
        if (bytes % unit == 0) return fmt::format("{} {}", bytes / unit, name);
        return fmt::format("{:.1f} {}", static_cast<double>(bytes) / static_cast<double>(unit), name);
    };
    if (bytes >= kGiga) return in_unit(kGiga, "GB");
    if (bytes >= kMega) return in_unit(kMega, "MB");
    if (bytes >= kKilo) return in_unit(kKilo, "KB");
    return fmt::format("{} bytes", bytes);
}

std::size_t record_line_limit(std::size_t max_page_bytes) {
    constexpr std::size_t kPagesEscaped = 4;  // two pages, each at most twice as long escaped
    constexpr std::size_t kRestOfRecord = std::size_t{1} << 20;
    if (max_page_bytes > (SIZE_MAX - kRestOfRecord) / kPagesEscaped) return SIZE_MAX;
    return max_page_bytes * kPagesEscaped + kRestOfRecord;
}

std::string page_size_problem(std::uint64_t size, std::uint64_t limit) {
    return "page is " + describe_size(size) + ", over the " + describe_size(limit) + " limit (--max-page-size)";
}

void check_sentence_limit(std::size_t sentences, std::size_t limit, const std::string& subject) {
    if (sentences <= limit) return;
    throw InputError(subject, fmt::format("the article has {} sentences, over the {} limit (--max-sentences)",
                                          sentences, limit));
}

}  // namespace artalign
