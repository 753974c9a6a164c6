// Fetching pages over http(s) with libcurl: timeouts, bounded retries, checked redirects,
// gzip, a per-host delay, robots.txt obeyed, and an on-disk cache so that a second run never
// fetches again.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "artalign/options.hpp"  // FetchOptions: how a Fetcher behaves
#include "util/limits.hpp"
#include "read/page_source.hpp"
#include "read/robots_rules.hpp"

namespace artalign {

struct CurlLibrary;

/// The longest Crawl-delay a robots.txt can impose; longer ones are cut to this, so that one
/// site cannot stall a run past every fetch's max_total_time.
inline constexpr std::chrono::milliseconds kMaxCrawlDelay{60'000};

/// The default cache directory: $XDG_CACHE_HOME/artalign, else ~/.cache/artalign; nullopt
/// when neither variable is set.
std::optional<std::filesystem::path> default_cache_directory();

/// Fetches http and https URLs and nothing else. Redirects are followed one by one, each
/// target checked, so a page can never make artalign read a file: or other URL.
/// Successful answers are cached under FetchOptions::cache_dir, keyed by the requested URL;
/// a cached URL is served from disk without any request. Before the first request to a site
/// (scheme, host and port) it reads that site's /robots.txt once (RFC 9309) and keeps its rules
/// for the Fetcher's lifetime; robots.txt itself is not cached on disk, since the RFC wants it
/// no older than a day and cached pages never expire. Not thread-safe.
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
    /// max_bytes, a Content-Type that is not HTML, or a URL (the first or a redirect's target)
    /// that robots.txt disallows for our product token, including every URL of a site whose
    /// robots.txt answered 5xx or could not be fetched (unless ignore_robots).
    Page fetch(const std::string& url);

    /// Requests sent over the network so far (cache hits are not requests).
    int requests_sent() const { return requests_sent_; }

private:
    struct Answer;
    class FetchClock;
    // What robots.txt says about one site, and why everything is disallowed when it could not be read.
    struct SiteRobots {
        std::string robots_url;
        RobotsRules rules;
        std::string unreadable;  ///< e.g. "answered HTTP 503 (server error)"; empty when read or missing
    };
    // Loads libcurl before the first request; throws FetchError naming `url` when it cannot.
    void load_curl(const std::string& url);
    // Throws FetchError when `url` may not be fetched; fetches the site's robots.txt the first time.
    void check_robots(const std::string& url, const FetchClock& clock);
    SiteRobots read_robots(const std::string& robots_url, const FetchClock& clock);
    // One request to `url`, retried on timeouts, 429 and 5xx within max_attempts and the clock.
    // Throws FetchError when time runs out or the last attempt timed out.
    Answer request_with_retries(const std::string& url, const FetchClock& clock, std::size_t max_bytes);
    Answer request_once(const std::string& url, std::chrono::milliseconds timeout, std::size_t max_bytes);
    // Waits until `host` may be asked again; false, without waiting, when that is not within `time_left`.
    bool wait_for_host(const std::string& host, std::chrono::milliseconds time_left);
    std::optional<Page> read_cache(const std::string& url) const;
    void write_cache(const std::string& url, const Page& page) const;

    FetchOptions options_;
    std::map<std::string, std::chrono::steady_clock::time_point> last_request_;
    std::map<std::string, std::chrono::milliseconds> crawl_delay_;  // by host, from robots.txt
    std::map<std::string, SiteRobots> robots_;                      // by "scheme://host[:port]"
    int requests_sent_ = 0;
    const CurlLibrary* curl_ = nullptr;  // set by load_curl()
};

}  // namespace artalign
