// What a pipeline is told about reading pages: how pages are fetched, and the default limits
// that protect a run from hostile or broken input.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace artalign {

/// A page file or fetched answer larger than this is refused (--max-page-size). News pages
/// are well under 1 MB; 64 MB leaves room for pages padded with inline images.
inline constexpr std::size_t kDefaultMaxPageBytes = std::size_t{64} << 20;

/// One fetch, with its retries, redirects and waits for the host, gives up after this long
/// (--max-fetch-time): four attempts' worth of the default 30 s per attempt.
inline constexpr std::chrono::seconds kDefaultMaxFetchTime{120};

/// An article that splits into more sentences than this is refused before alignment
/// (--max-sentences). News articles have a few dozen, long features a few hundred; the
/// aligner's worst case (texts that are not a pair, whose band widens to the whole table)
/// grows with the product of both sides' counts: 2,000 against 2,000 took 2.7 s and 0.35 GB,
/// 5,000 against 5,000 took 22 s and 1.9 GB, per batch worker (docs/reliability.md).
inline constexpr std::size_t kDefaultMaxSentences = 2000;

/// How pages are fetched over http(s). The defaults suit polite crawling of news sites.
struct FetchOptions {
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds timeout{30'000};       ///< for the whole transfer of one attempt
    int max_attempts = 3;                            ///< 1 + retries, for timeouts, 429 and 5xx
    std::chrono::milliseconds retry_backoff{1'000};  ///< doubled after each failed attempt
    int max_redirects = 5;
    std::chrono::milliseconds per_host_delay{1'000}; ///< between two requests to one host
    std::size_t max_bytes = kDefaultMaxPageBytes;    ///< larger answers are refused
    /// One fetch in all: every attempt, backoff, redirect and wait for the host. Each
    /// attempt's `timeout` is cut short to what is left of it.
    std::chrono::milliseconds max_total_time = kDefaultMaxFetchTime;
    std::optional<std::filesystem::path> cache_dir;  ///< no cache when empty
    std::string user_agent;                          ///< empty: "artalign/VERSION (...)"
    /// Fetch what robots.txt disallows too, and skip robots.txt and its Crawl-delay (--ignore-robots).
    bool ignore_robots = false;
};

}  // namespace artalign
