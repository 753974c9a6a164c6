// Fetching pages with libcurl (loaded at the first request, read/curl_library.hpp): one easy
// handle per attempt, redirects followed by hand so that every hop is checked, each site's
// robots.txt read before its first page, and a file cache keyed by a hash of the URL.
#include "read/fetcher.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <memory>
#include <string_view>
#include <thread>

#include "util/atomic_file.hpp"
#include "read/curl_library.hpp"
#include "artalign/error.hpp"
#include "read/input_file.hpp"
#include "util/limits.hpp"
#include "read/url.hpp"
#include "artalign/version.hpp"

namespace artalign {
namespace {

// A cache entry's .meta holds three lines: the URL asked for, the URL answered, the Content-Type.
constexpr std::uint64_t kMaxCacheMetaBytes = 64 << 10;

// The body being received, and whether it outgrew the limit (the transfer is then aborted).
struct Sink {
    std::string body;
    std::size_t max_bytes = 0;
    bool too_large = false;
};

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const std::size_t bytes = size * count;
    if (sink->body.size() + bytes > sink->max_bytes) {
        sink->too_large = true;
        return 0;  // makes curl stop with CURLE_WRITE_ERROR
    }
    sink->body.append(data, bytes);
    return bytes;
}

// The path and query of `url` as written ("/a/b.html?x=1"), what robots.txt rules are matched against.
std::string path_and_query(const std::string& url) {
    const std::size_t authority = url.find("//");
    const std::size_t start = url.find_first_of("/?#", authority == std::string::npos ? 0 : authority + 2);
    if (start == std::string::npos) return "/";
    std::string path = url.substr(start, url.find('#', start) - start);
    if (path.empty() || path[0] != '/') path.insert(0, "/");
    return path;
}

// RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt; what follows is ignored.
constexpr std::size_t kMaxRobotsBytes = 512 * 1024;

// FNV-1a, 64 bits: a stable file name for a URL. Collisions are caught by the stored URL.
std::string url_key(const std::string& url) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const char c : url) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    static const char* const digits = "0123456789abcdef";
    std::string key(16, '0');
    for (int k = 15; k >= 0; --k, hash >>= 4) key[static_cast<std::size_t>(k)] = digits[hash & 0xF];
    return key;
}

bool is_html_type(const std::string& content_type) {
    std::string type = content_type.substr(0, content_type.find(';'));
    for (char& c : type) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    while (!type.empty() && type.back() == ' ') type.pop_back();
    return type.empty() || type == "text/html" || type == "application/xhtml+xml";
}

bool transient_status(long status) { return status == 429 || (status >= 500 && status <= 599); }

bool transient_curl_error(CURLcode code) {
    return code == CURLE_OPERATION_TIMEDOUT || code == CURLE_COULDNT_CONNECT || code == CURLE_RECV_ERROR ||
           code == CURLE_SEND_ERROR || code == CURLE_GOT_NOTHING || code == CURLE_PARTIAL_FILE;
}

std::string status_reason(long status) {
    switch (status) {
        case 401: return " (unauthorised)";
        case 403: return " (forbidden)";
        case 404: return " (not found)";
        case 410: return " (gone)";
        case 429: return " (too many requests)";
        default: return status >= 500 ? " (server error)" : "";
    }
}

// "1 s", "120 s", "1500 ms": a limit as it was given.
std::string describe_duration(std::chrono::milliseconds duration) {
    if (duration.count() % 1000 == 0) return std::to_string(duration.count() / 1000) + " s";
    return std::to_string(duration.count()) + " ms";
}

void write_whole_file(const std::filesystem::path& file, const std::string& content) {
    AtomicFile out(file);
    {
        std::ofstream stream(out.temp_path(), std::ios::binary | std::ios::trunc);
        stream << content;
        if (!stream.flush()) throw OutputError(file.string(), "cannot write the cache file");
    }
    out.commit();
}

}  // namespace

struct Fetcher::Answer {
    CURLcode code = CURLE_OK;
    std::string curl_message;
    long status = 0;
    std::string body;
    bool too_large = false;
    std::string content_type;
    std::string redirect_to;
};

// The time one fetch() has left (FetchOptions::max_total_time), and the error for running out.
class Fetcher::FetchClock {
public:
    explicit FetchClock(std::chrono::milliseconds limit)
        : limit_(limit), end_(std::chrono::steady_clock::now() + limit) {}

    std::chrono::milliseconds left() const {
        const auto now = std::chrono::steady_clock::now();
        return now >= end_ ? std::chrono::milliseconds(0)
                           : std::chrono::ceil<std::chrono::milliseconds>(end_ - now);
    }
    bool expired() const { return left().count() == 0; }

    FetchError out_of_time(const std::string& url, const std::string& last_problem) const {
        return FetchError(url, "cannot finish within the " + describe_duration(limit_) +
                                   " limit for one fetch, retries and redirects included (--max-fetch-time)" +
                                   (last_problem.empty() ? "" : "; the last attempt: " + last_problem));
    }

private:
    std::chrono::milliseconds limit_;
    std::chrono::steady_clock::time_point end_;
};

std::optional<std::filesystem::path> default_cache_directory() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0')
        return std::filesystem::path(xdg) / "artalign";
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
        return std::filesystem::path(home) / ".cache" / "artalign";
    return std::nullopt;
}

Fetcher::Fetcher(FetchOptions options) : options_(std::move(options)) {
    if (options_.user_agent.empty())
        options_.user_agent = std::string("artalign/") + kVersion +
                              " (Korean-English translation memory builder; fetches one article and its original)";
    if (options_.max_attempts < 1) options_.max_attempts = 1;
}

Fetcher::~Fetcher() = default;

void Fetcher::load_curl(const std::string& url) {
    if (curl_ != nullptr) return;
    try {
        curl_ = &system_curl();
    } catch (const std::runtime_error& error) {
        throw FetchError(url, error.what());
    }
}

bool Fetcher::wait_for_host(const std::string& host, std::chrono::milliseconds time_left) {
    const auto now = std::chrono::steady_clock::now();
    if (const auto last = last_request_.find(host); last != last_request_.end()) {
        auto delay = options_.per_host_delay;
        if (const auto crawl_delay = crawl_delay_.find(host); crawl_delay != crawl_delay_.end())
            delay = std::max(delay, crawl_delay->second);
        const auto ready = last->second + delay;
        if (ready - now >= time_left) return false;
        if (ready > now) std::this_thread::sleep_for(ready - now);
    }
    last_request_[host] = std::chrono::steady_clock::now();
    return true;
}

Fetcher::Answer Fetcher::request_once(const std::string& url, std::chrono::milliseconds timeout,
                                      std::size_t max_bytes) {
    const CurlLibrary& library = *curl_;
    std::unique_ptr<CURL, decltype(library.easy_cleanup)> handle(library.easy_init(), library.easy_cleanup);
    if (!handle) throw FetchError(url, "libcurl could not start a transfer");
    CURL* curl = handle.get();
    Sink sink;
    sink.max_bytes = max_bytes;
    char error_buffer[CURL_ERROR_SIZE] = {};
    library.easy_setopt(curl, CURLOPT_URL, url.c_str());
    library.easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    library.easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // followed by fetch(), hop by hop
    library.easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes (gzip, deflate)
    library.easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
    library.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
    library.easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(std::max<std::int64_t>(timeout.count(), 1)));  // 0: none
    library.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    library.easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
    library.easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
    library.easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);

    Answer answer;
    answer.code = library.easy_perform(curl);
    ++requests_sent_;
    answer.curl_message = error_buffer[0] != '\0' ? error_buffer : library.easy_strerror(answer.code);
    answer.too_large = sink.too_large;
    answer.body = std::move(sink.body);
    library.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &answer.status);
    const char* content_type = nullptr;
    if (library.easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &content_type) == CURLE_OK && content_type != nullptr)
        answer.content_type = content_type;
    if (answer.status >= 300 && answer.status < 400) {
        struct curl_header* location = nullptr;
        if (library.easy_header(curl, "Location", 0, CURLH_HEADER, -1, &location) == CURLHE_OK && location != nullptr)
            answer.redirect_to = resolve_url(url, location->value).value_or(location->value);
    }
    return answer;
}

Fetcher::Answer Fetcher::request_with_retries(const std::string& url, const FetchClock& clock,
                                              std::size_t max_bytes) {
    Answer answer;
    std::string last_problem;
    auto backoff = options_.retry_backoff;
    for (int attempt = 1;; ++attempt) {
        if (clock.expired() || !wait_for_host(parse_url(url)->host, clock.left()))
            throw clock.out_of_time(url, last_problem);
        const auto time_left = clock.left();
        answer = request_once(url, std::min(options_.timeout, time_left), max_bytes);
        const bool transient = answer.code == CURLE_OK ? transient_status(answer.status)
                                                       : transient_curl_error(answer.code);
        last_problem = answer.code == CURLE_OK ? "HTTP " + std::to_string(answer.status) + status_reason(answer.status)
                                               : answer.curl_message;
        // An attempt cut short by what was left of the whole fetch's time.
        if (answer.code == CURLE_OPERATION_TIMEDOUT && time_left < options_.timeout)
            throw clock.out_of_time(url, last_problem);
        if (!transient || attempt >= options_.max_attempts) {
            if (answer.code == CURLE_OPERATION_TIMEDOUT)
                throw FetchError(url, "timed out after " + std::to_string(options_.timeout.count()) +
                                          " ms (" + std::to_string(attempt) + " attempt(s))");
            break;
        }
        if (backoff >= clock.left()) throw clock.out_of_time(url, last_problem);
        std::this_thread::sleep_for(backoff);
        backoff *= 2;
    }
    return answer;
}

void Fetcher::check_robots(const std::string& url, const FetchClock& clock) {
    if (options_.ignore_robots) return;
    const auto parts = parse_url(url);
    if (!parts) return;  // fetch() refuses it before any request
    const std::string site = parts->scheme + "://" + host_and_port(*parts);
    auto known = robots_.find(site);
    if (known == robots_.end()) {
        known = robots_.emplace(site, read_robots(site + "/robots.txt", clock)).first;
        if (const auto delay = known->second.rules.crawl_delay()) {
            auto& host_delay = crawl_delay_[parts->host];
            host_delay = std::max(host_delay, std::min(*delay, kMaxCrawlDelay));
        }
    }
    const SiteRobots& robots = known->second;
    if (!robots.unreadable.empty())
        throw FetchError(url, robots.robots_url + " " + robots.unreadable +
                                  ", so the whole site counts as disallowed (RFC 9309; --ignore-robots to fetch anyway)");
    if (!robots.rules.allows(path_and_query(url)))
        throw FetchError(url, "disallowed by " + robots.robots_url + " (--ignore-robots to fetch anyway)");
}

Fetcher::SiteRobots Fetcher::read_robots(const std::string& robots_url, const FetchClock& clock) {
    SiteRobots robots{robots_url, RobotsRules::allow_all(), ""};
    std::string current = robots_url;
    try {
        // RFC 9309 §2.3.1.2: follow at least five redirects; past them, or to another scheme,
        // robots.txt counts as missing.
        for (int redirects = 0; redirects <= 5; ++redirects) {
            const Answer answer = request_with_retries(current, clock, kMaxRobotsBytes);
            // 4xx and any other answer fall through every branch: no robots.txt, everything allowed.
            if (answer.code != CURLE_OK && !answer.too_large) {
                robots.unreadable = "cannot be fetched (" + answer.curl_message + ")";
            } else if (answer.status >= 300 && answer.status < 400 && is_web_url(answer.redirect_to)) {
                current = answer.redirect_to;
                continue;
            } else if (answer.status >= 500 || answer.status == 429) {
                // 429 too: a site that asks us to slow down is not read as allowing everything.
                robots.unreadable = "answered HTTP " + std::to_string(answer.status) + status_reason(answer.status);
            } else if (answer.status >= 200 && answer.status < 300) {
                // A robots.txt over the limit is read up to its last complete line.
                const std::string_view body = answer.too_large
                                                  ? std::string_view(answer.body).substr(0, answer.body.rfind('\n') + 1)
                                                  : std::string_view(answer.body);
                robots.rules = RobotsRules::parse(body, robots_product_token(options_.user_agent));
            }
            return robots;
        }
    } catch (const FetchError& error) {
        // Timeouts and running out of the fetch's time: unreachable, as RFC 9309 §2.3.1.4 says.
        std::string problem = error.what();
        if (problem.rfind(current + ": ", 0) == 0) problem.erase(0, current.size() + 2);
        robots.unreadable = "cannot be fetched (" + problem + ")";
    }
    return robots;
}

Page Fetcher::fetch(const std::string& url) {
    if (!is_web_url(url)) throw FetchError(url, "only http and https URLs are fetched");
    if (auto cached = read_cache(url)) return *cached;
    load_curl(url);

    const FetchClock clock(options_.max_total_time);
    std::string current = url;
    for (int redirects = 0;; ++redirects) {
        check_robots(current, clock);
        Answer answer = request_with_retries(current, clock, options_.max_bytes);
        if (answer.too_large)
            throw FetchError(current, "the answer is over the " + describe_size(options_.max_bytes) +
                                          " limit (--max-page-size)");
        if (answer.code != CURLE_OK) throw FetchError(current, "cannot fetch: " + answer.curl_message);
        if (answer.status >= 300 && answer.status < 400 && !answer.redirect_to.empty()) {
            if (!is_web_url(answer.redirect_to))
                throw FetchError(current, "redirected to " + answer.redirect_to +
                                              ", which is not an http(s) URL; refused");
            if (redirects >= options_.max_redirects)
                throw FetchError(url, "more than " + std::to_string(options_.max_redirects) + " redirects");
            current = answer.redirect_to;
            continue;
        }
        if (answer.status >= 300 && answer.status < 400)
            throw FetchError(current, "the server answered HTTP " + std::to_string(answer.status) +
                                          " without a Location to follow");
        if (answer.status >= 400)
            throw FetchError(current, "the server answered HTTP " + std::to_string(answer.status) +
                                          status_reason(answer.status));
        if (!is_html_type(answer.content_type))
            throw FetchError(current, "the answer is " + answer.content_type + ", not an HTML page");
        Page page;
        page.content = std::move(answer.body);
        page.location = url;
        page.url = current;
        page.content_type = answer.content_type;
        if (page.content.empty()) throw FetchError(current, "the server sent an empty page");
        write_cache(url, page);
        return page;
    }
}

std::optional<Page> Fetcher::read_cache(const std::string& url) const {
    if (!options_.cache_dir) return std::nullopt;
    const std::filesystem::path base = *options_.cache_dir / url_key(url);
    const std::filesystem::path meta_file = base.string() + ".meta";
    const std::filesystem::path body_file = base.string() + ".html";
    std::error_code error;
    if (!std::filesystem::exists(meta_file, error) || !std::filesystem::exists(body_file, error)) return std::nullopt;
    // Cache entries must be regular files: a device or FIFO planted in the cache is refused,
    // never read whole or waited on.
    InputRules meta_rules;
    meta_rules.max_bytes = kMaxCacheMetaBytes;
    meta_rules.what = "cache entry";
    std::istringstream meta(read_whole_input(meta_file, meta_rules));
    std::string cached_url;
    Page page;
    if (!std::getline(meta, cached_url) || cached_url != url) return std::nullopt;
    if (!std::getline(meta, page.url) || !std::getline(meta, page.content_type)) return std::nullopt;
    // A page cached under a larger limit is held to this run's.
    const auto size = std::filesystem::file_size(body_file, error);
    if (!error && size > options_.max_bytes)
        throw FetchError(url, "the cached " + page_size_problem(size, options_.max_bytes));
    InputRules body_rules;
    body_rules.max_bytes = options_.max_bytes;
    body_rules.what = "cached page";
    body_rules.limit_option = "--max-page-size";
    page.content = read_whole_input(body_file, body_rules);
    if (page.content.empty()) return std::nullopt;
    page.location = url;
    return page;
}

void Fetcher::write_cache(const std::string& url, const Page& page) const {
    if (!options_.cache_dir) return;
    std::error_code error;
    std::filesystem::create_directories(*options_.cache_dir, error);
    if (error) throw OutputError(options_.cache_dir->string(), "cannot create the cache directory: " + error.message());
    const std::filesystem::path base = *options_.cache_dir / url_key(url);
    // The body first, the metadata last: a cache entry only counts once its .meta exists.
    write_whole_file(base.string() + ".html", page.content);
    write_whole_file(base.string() + ".meta", url + "\n" + page.url + "\n" + page.content_type + "\n");
}

}  // namespace artalign
