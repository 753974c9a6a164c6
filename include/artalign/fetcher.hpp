// Fetching pages over http(s) with libcurl: timeouts, bounded retries, checked redirects,
// gzip, a per-host delay and an on-disk cache so that a second run never fetches again.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "artalign/limits.hpp"
#include "artalign/page_source.hpp"

namespace artalign {

/// How a Fetcher behaves. The defaults suit polite crawling of news sites.
struct FetchOptions {
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds timeout{30'000};       ///< for the whole transfer of one attempt
    int max_attempts = 3;                            ///< 1 + retries, for timeouts, 429 and 5xx
    std::chrono::milliseconds retry_backoff{1'000};  ///< doubled after each failed attempt
    int max_redirects = 5;
    std::chrono::milliseconds per_host_delay{1'000}; ///< between two requests to one host
    std::size_t max_bytes = kDefaultMaxPageBytes;    ///< larger answers are refused
    /// One fetch() in all: every attempt, backoff, redirect and wait for the host. Each
    /// attempt's `timeout` is cut short to what is left of it.
    std::chrono::milliseconds max_total_time = kDefaultMaxFetchTime;
    std::optional<std::filesystem::path> cache_dir;  ///< no cache when empty
    std::string user_agent;                          ///< empty: "artalign/VERSION (...)"
};

/// The default cache directory: $XDG_CACHE_HOME/artalign, else ~/.cache/artalign; nullopt
/// when neither variable is set.
std::optional<std::filesystem::path> default_cache_directory();

/// Fetches http and https URLs and nothing else. Redirects are followed one by one, each
/// target checked, so a page can never make artalign read a file: or other URL.
/// Successful answers are cached under FetchOptions::cache_dir, keyed by the requested URL;
/// a cached URL is served from disk without any request. Not thread-safe.
///
///     Fetcher fetcher(options);
///     Page page = fetcher.fetch("https://english.hani.co.kr/arti/english_edition/e_national/1.html");
class Fetcher {
public:
    explicit Fetcher(FetchOptions options = {});
    ~Fetcher();
    Fetcher(const Fetcher&) = delete;
    Fetcher& operator=(const Fetcher&) = delete;

    /// The page at `url`: content as received (decompressed), location = the requested URL,
    /// url = the final URL after redirects, content_type from the answer.
    /// Throws FetchError naming the URL for: a scheme other than http(s), a network failure or
    /// timeout after every attempt, no answer within max_total_time, an HTTP status >= 400, too
    /// many redirects or a redirect to another scheme, an answer (or a cached page) larger than
    /// max_bytes, or a Content-Type that is not HTML.
    Page fetch(const std::string& url);

    /// Requests sent over the network so far (cache hits are not requests).
    int requests_sent() const { return requests_sent_; }

private:
    struct Answer;
    Answer request_once(const std::string& url, std::chrono::milliseconds timeout);
    // Waits until `host` may be asked again; false, without waiting, when that is not within `time_left`.
    bool wait_for_host(const std::string& host, std::chrono::milliseconds time_left);
    std::optional<Page> read_cache(const std::string& url) const;
    void write_cache(const std::string& url, const Page& page) const;

    FetchOptions options_;
    std::map<std::string, std::chrono::steady_clock::time_point> last_request_;
    int requests_sent_ = 0;
};

}  // namespace artalign
