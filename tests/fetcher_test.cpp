// Tests for the fetcher against a local HTTP server: redirects, errors, timeouts, gzip,
// retries, the cache, schemes that must never be followed, and robots.txt.
#include "read/fetcher.hpp"

#include <sys/stat.h>

#include <cctype>
#include <filesystem>
#include <fstream>

#include "read/charset.hpp"
#include "read/curl_library.hpp"
#include "artalign/error.hpp"
#include "test_server.hpp"

using namespace artalign;
using namespace std::chrono_literals;

namespace {

// Percent-encodes everything but letters and digits, for a query parameter.
std::string query_escape(const std::string& text) {
    static const char* const hex = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0) {
            out.push_back(c);
        } else {
            out += {'%', hex[byte >> 4], hex[byte & 0xF]};
        }
    }
    return out;
}

FetchOptions quick_options() {
    FetchOptions options;
    options.timeout = 1000ms;
    options.connect_timeout = 1000ms;
    options.retry_backoff = 10ms;
    options.per_host_delay = 0ms;
    return options;
}

}  // namespace

TEST_CASE("fetching: a page, a redirect, gzip") {
    test::TestServer server;
    Fetcher fetcher(quick_options());

    const Page page = fetcher.fetch(server.url("/article.html"));
    CHECK(page.location == server.url("/article.html"));
    CHECK(page.url == server.url("/article.html"));
    CHECK(page.content_type == "text/html; charset=utf-8");
    CHECK(page.content.find("The first paragraph of the local test article") != std::string::npos);

    const Page redirected = fetcher.fetch(server.url("/redirect"));
    CHECK(redirected.location == server.url("/redirect"));
    CHECK(redirected.url == server.url("/article.html"));

    const Page agent = fetcher.fetch(server.url("/user-agent"));
    CHECK(agent.content.find("<p>artalign/") != std::string::npos);
    CHECK(agent.content.find("translation memory") != std::string::npos);

    const Page compressed = fetcher.fetch(server.url("/gzip"));
    CHECK(compressed.content.rfind("<html><head><title>Local test article", 0) == 0);
}

TEST_CASE("libcurl: loaded at run time; a library that cannot be loaded is a one-line error naming it") {
    const std::string missing = "libartalign-test-no-such-curl.so.4";
    try {
        CurlLibrary::open(missing.c_str());
        FAIL("opened a library that does not exist");
    } catch (const std::runtime_error& error) {
        const std::string message = error.what();
        CHECK(message.rfind("cannot load " + missing + " (", 0) == 0);
        CHECK(message.find("install libcurl") != std::string::npos);
        CHECK(message.find('\n') == std::string::npos);
    }
    // A library that loads but is not libcurl: the C library.
    try {
        CurlLibrary::open("libc.so.6");
        FAIL("took the C library for libcurl");
    } catch (const std::runtime_error& error) {
        CHECK(std::string(error.what()).rfind("libc.so.6 has no curl_global_init (", 0) == 0);
    }
    const CurlLibrary& curl = system_curl();
    const bool resolved = curl.easy_init != nullptr && curl.easy_header != nullptr;
    CHECK(resolved);
    CHECK(&system_curl() == &curl);
}

TEST_CASE("fetching: errors name the URL") {
    test::TestServer server;
    Fetcher fetcher(quick_options());
    CHECK_THROWS_WITH_AS(fetcher.fetch(server.url("/missing")),
                         (server.url("/missing") + ": the server answered HTTP 404 (not found)").c_str(), FetchError);
    CHECK_THROWS_WITH_AS(fetcher.fetch(server.url("/image.png")),
                         (server.url("/image.png") + ": the answer is image/png, not an HTML page").c_str(),
                         FetchError);
    CHECK_THROWS_WITH_AS(fetcher.fetch(server.url("/redirect-loop")),
                         (server.url("/redirect-loop") + ": more than 5 redirects").c_str(), FetchError);
    CHECK_THROWS_WITH_AS(fetcher.fetch(server.url("/to-file")),
                         (server.url("/to-file") +
                          ": redirected to file:///etc/passwd, which is not an http(s) URL; refused")
                             .c_str(),
                         FetchError);
    CHECK_THROWS_WITH_AS(fetcher.fetch("file:///etc/passwd"),
                         "file:///etc/passwd: only http and https URLs are fetched", FetchError);
    CHECK_THROWS_WITH_AS(fetcher.fetch("ftp://127.0.0.1/x.html"),
                         "ftp://127.0.0.1/x.html: only http and https URLs are fetched", FetchError);
}

TEST_CASE("fetching: a slow answer times out after every attempt; a 503 is retried") {
    test::TestServer server;
    FetchOptions options = quick_options();
    options.max_attempts = 2;
    Fetcher fetcher(options);
    CHECK_THROWS_WITH_AS(fetcher.fetch(server.url("/slow")),
                         (server.url("/slow") + ": timed out after 1000 ms (2 attempt(s))").c_str(), FetchError);
    const int before = fetcher.requests_sent();
    const Page page = fetcher.fetch(server.url("/flaky"));
    CHECK(page.content.find("Local test article") != std::string::npos);
    CHECK(fetcher.requests_sent() - before == 2);
}

TEST_CASE("fetching: redirects to any scheme but http(s) are refused, loops stop") {
    test::TestServer server;
    Fetcher fetcher(quick_options());
    for (const std::string location : {"javascript:alert(1)", "data:text/html,<p>hi</p>", "ftp://127.0.0.1/x.html",
                                       "mailto:someone@example.com", "file:/etc/passwd", "gopher://127.0.0.1/"}) {
        const std::string url = server.url("/redirect-to?location=" + query_escape(location));
        std::string message;
        try {
            fetcher.fetch(url);
        } catch (const FetchError& error) {
            message = error.what();
        }
        INFO(location, " gave: ", message);
        CHECK(message.rfind(url + ": redirected to ", 0) == 0);
        CHECK(message.find(", which is not an http(s) URL; refused") != std::string::npos);
    }
    const int before = fetcher.requests_sent();
    CHECK_THROWS_WITH_AS(fetcher.fetch(server.url("/ping-pong-a")),
                         (server.url("/ping-pong-a") + ": more than 5 redirects").c_str(), FetchError);
    CHECK(fetcher.requests_sent() - before == 6);
}

TEST_CASE("fetching: one fetch stops at max_total_time, retries and slow answers included") {
    test::TestServer server;
    FetchOptions options = quick_options();
    options.timeout = 100s;  // one attempt alone would wait for the slow answer (60 s)
    options.max_total_time = 1000ms;
    Fetcher fetcher(options);
    const std::string limit = ": cannot finish within the 1 s limit for one fetch, retries and redirects included "
                              "(--max-fetch-time); the last attempt: ";
    // Stopping within 30 s can only be the limit's doing (the answer comes after 60 s): a wide
    // margin for a loaded machine and the sanitizers, where a tight one (2.5 s) is not.
    auto start = std::chrono::steady_clock::now();
    try {
        fetcher.fetch(server.url("/slow?seconds=60"));
        FAIL("a 60 s answer came within a 1 s limit");
    } catch (const FetchError& error) {
        CHECK(std::string(error.what()).rfind(server.url("/slow?seconds=60") + limit, 0) == 0);
    }
    CHECK(std::chrono::steady_clock::now() - start < 30s);

    // A server that is always busy: the backoff (0.4 s, then 0.8 s) would pass the limit
    // before the third attempt.
    options.max_attempts = 10;
    options.retry_backoff = 400ms;
    Fetcher retrying(options);
    start = std::chrono::steady_clock::now();
    CHECK_THROWS_WITH_AS(retrying.fetch(server.url("/busy")),
                         (server.url("/busy") + limit + "HTTP 503 (server error)").c_str(), FetchError);
    CHECK(retrying.requests_sent() == 3);  // robots.txt, then two attempts: the event that shows the limit
    CHECK(std::chrono::steady_clock::now() - start < 30s);  // ten attempts' backoff alone would be 200 s
}

TEST_CASE("fetching: an answer over the size limit is refused, fetched or cached") {
    test::TestServer server;
    test::ScratchDirectory scratch;
    FetchOptions options = quick_options();
    options.cache_dir = scratch.path() / "cache";
    options.max_bytes = 100;
    Fetcher fetcher(options);
    CHECK_THROWS_WITH_AS(fetcher.fetch(server.url("/article.html")),
                         (server.url("/article.html") + ": the answer is over the 100 bytes limit (--max-page-size)").c_str(),
                         FetchError);
    // Cached by a run with a larger limit: still refused, without a request.
    options.max_bytes = kDefaultMaxPageBytes;
    Fetcher(options).fetch(server.url("/again.html"));
    const int before = fetcher.requests_sent();
    CHECK_THROWS_WITH_AS(fetcher.fetch(server.url("/again.html")),
                         (server.url("/again.html") + ": the cached page is 283 bytes, over the 100 bytes limit (--max-page-size)").c_str(),
                         FetchError);
    CHECK(fetcher.requests_sent() == before);
}

TEST_CASE("fetching: the HTTP header's EUC-KR charset decodes the page") {
    test::TestServer server;
    Fetcher fetcher(quick_options());
    const Page page = fetcher.fetch(server.url("/euc-kr"));
    CHECK(page.content_type == "text/html; charset=EUC-KR");
    const DecodedPage decoded = decode_page(page.content, page.content_type, page.location);
    CHECK(decoded.charset == "windows-949");
    CHECK(decoded.origin == "HTTP header");
    CHECK(decoded.text.find("첫째 문단입니다.") != std::string::npos);
}

TEST_CASE("fetching: the cache serves a second fetch without any request, across fetchers") {
    test::TestServer server;
    test::ScratchDirectory scratch;
    FetchOptions options = quick_options();
    options.cache_dir = scratch.path() / "cache";
    {
        Fetcher first(options);
        first.fetch(server.url("/redirect"));
        CHECK(first.requests_sent() == 3);  // robots.txt, the redirect, the article
    }
    Fetcher second(options);
    const Page page = second.fetch(server.url("/redirect"));
    CHECK(second.requests_sent() == 0);
    CHECK(page.url == server.url("/article.html"));
    CHECK(page.content_type == "text/html; charset=utf-8");
    CHECK(page.content.find("Local test article") != std::string::npos);
    // The server agrees: it saw the redirect once.
    Fetcher counter(quick_options());
    CHECK(counter.fetch(server.url("/count?path=/redirect")).content == "1");
}

TEST_CASE("fetching: a FIFO planted as a cache entry is refused at once, never waited on") {
    test::TestServer server;
    test::ScratchDirectory scratch;
    FetchOptions options = quick_options();
    options.cache_dir = scratch.path() / "cache";
    const std::string url = server.url("/article.html");
    Fetcher(options).fetch(url);
    // The entry whose .meta names the URL: its body becomes a FIFO nothing writes to.
    std::filesystem::path body;
    for (const auto& entry : std::filesystem::directory_iterator(*options.cache_dir)) {
        if (entry.path().extension() != ".meta") continue;
        std::ifstream meta(entry.path());
        std::string first;
        if (std::getline(meta, first) && first == url) body = std::filesystem::path(entry.path()).replace_extension(".html");
    }
    REQUIRE(!body.empty());
    std::filesystem::remove(body);
    REQUIRE(::mkfifo(body.c_str(), 0600) == 0);
    CHECK_THROWS_WITH_AS(Fetcher(options).fetch(url),
                         (body.string() + ": is a named pipe, not a regular file (only a file named on the command "
                                          "line may be a pipe)").c_str(),
                         InputError);
}

TEST_CASE("fetching: the per-host delay spaces requests to one host") {
    test::TestServer server;
    FetchOptions options = quick_options();
    options.per_host_delay = 300ms;
    Fetcher fetcher(options);
    const auto start = std::chrono::steady_clock::now();
    fetcher.fetch(server.url("/article.html"));
    fetcher.fetch(server.url("/again.html"));
    CHECK(std::chrono::steady_clock::now() - start >= 300ms);
}

TEST_CASE("fetching: nothing listening is an error naming the URL, after the bounded retries") {
    FetchOptions options = quick_options();
    options.max_attempts = 3;
    // Unreachable robots.txt: the whole site is disallowed, as RFC 9309 says.
    Fetcher polite(options);
    try {
        polite.fetch("http://127.0.0.1:1/page.html");
        FAIL("fetching from a closed port succeeded");
    } catch (const FetchError& error) {
        const std::string message = error.what();
        CHECK(message.rfind("http://127.0.0.1:1/page.html: http://127.0.0.1:1/robots.txt cannot be fetched (", 0) == 0);
        CHECK(message.find("), so the whole site counts as disallowed (RFC 9309; --ignore-robots to fetch anyway)") !=
              std::string::npos);
    }
    CHECK(polite.requests_sent() == 3);

    options.ignore_robots = true;
    Fetcher fetcher(options);
    try {
        fetcher.fetch("http://127.0.0.1:1/page.html");
        FAIL("fetching from a closed port succeeded");
    } catch (const FetchError& error) {
        CHECK(std::string(error.what()).rfind("http://127.0.0.1:1/page.html: cannot fetch: ", 0) == 0);
    }
    CHECK(fetcher.requests_sent() == 3);
}

namespace {

// How many requests the server has had for `path`, asked without reading robots.txt.
int requests_for(const test::TestServer& server, const std::string& path) {
    FetchOptions options = quick_options();
    options.ignore_robots = true;
    return std::stoi(Fetcher(options).fetch(server.url("/count?path=" + path)).content);
}

std::string robots_refusal(const test::TestServer& server, const std::string& path) {
    return server.url(path) + ": disallowed by " + server.url("/robots.txt") + " (--ignore-robots to fetch anyway)";
}

}  // namespace

TEST_CASE("robots.txt: allowed pages are fetched, disallowed ones refused, at every redirect hop") {
    test::TestServer server("rules");
    Fetcher fetcher(quick_options());
    CHECK(fetcher.fetch(server.url("/article.html")).content.find("Local test article") != std::string::npos);
    CHECK_THROWS_WITH_AS(fetcher.fetch(server.url("/again.html")), robots_refusal(server, "/again.html").c_str(),
                         FetchError);
    CHECK_THROWS_WITH_AS(fetcher.fetch(server.url("/redirect-to?location=%2Fagain.html")),
                         robots_refusal(server, "/again.html").c_str(), FetchError);
    CHECK(fetcher.fetch(server.url("/redirect")).url == server.url("/article.html"));
    // robots.txt once for the whole run, and the refused page never asked for.
    CHECK(requests_for(server, "/robots.txt") == 1);
    CHECK(requests_for(server, "/again.html") == 0);

    // Another product token falls to the '*' group, which disallows everything.
    FetchOptions other = quick_options();
    other.user_agent = "OtherBot/2.0";
    CHECK_THROWS_WITH_AS(Fetcher(other).fetch(server.url("/article.html")),
                         robots_refusal(server, "/article.html").c_str(), FetchError);

    FetchOptions ignoring = quick_options();
    ignoring.ignore_robots = true;
    Fetcher ignorer(ignoring);
    CHECK(ignorer.fetch(server.url("/again.html")).content.find("Local test article") != std::string::npos);
    CHECK(ignorer.requests_sent() == 1);  // no robots.txt
}

TEST_CASE("robots.txt: its Crawl-delay lengthens the per-host delay") {
    test::TestServer server("rules");  // Crawl-delay: 0.3
    Fetcher fetcher(quick_options());   // per_host_delay 0
    const auto start = std::chrono::steady_clock::now();
    fetcher.fetch(server.url("/article.html"));
    fetcher.fetch(server.url("/user-agent"));
    // robots.txt, 0.3 s, the article, 0.3 s, the second page.
    CHECK(std::chrono::steady_clock::now() - start >= 600ms);
}

TEST_CASE("robots.txt: a 404 allows everything, a 500 disallows everything, once per run") {
    test::TestServer missing;  // 404
    Fetcher fetcher(quick_options());
    fetcher.fetch(missing.url("/article.html"));
    fetcher.fetch(missing.url("/again.html"));
    CHECK(fetcher.requests_sent() == 3);
    CHECK(requests_for(missing, "/robots.txt") == 1);

    test::TestServer broken("500");
    const std::string refusal = ": " + broken.url("/robots.txt") +
                                " answered HTTP 500 (server error), so the whole site counts as disallowed "
                                "(RFC 9309; --ignore-robots to fetch anyway)";
    CHECK_THROWS_WITH_AS(fetcher.fetch(broken.url("/article.html")), (broken.url("/article.html") + refusal).c_str(),
                         FetchError);
    const int before = fetcher.requests_sent();
    CHECK_THROWS_WITH_AS(fetcher.fetch(broken.url("/again.html")), (broken.url("/again.html") + refusal).c_str(),
                         FetchError);
    CHECK(fetcher.requests_sent() == before);  // remembered, not asked again
    CHECK(requests_for(broken, "/article.html") == 0);

    FetchOptions ignoring = quick_options();
    ignoring.ignore_robots = true;
    CHECK(Fetcher(ignoring).fetch(broken.url("/article.html")).content.find("Local test article") != std::string::npos);
}

TEST_CASE("robots.txt: one that times out disallows the site, and the error says so") {
    test::TestServer server("slow");  // no answer for 3 s
    FetchOptions options = quick_options();
    options.max_attempts = 1;
    Fetcher fetcher(options);
    CHECK_THROWS_WITH_AS(fetcher.fetch(server.url("/article.html")),
                         (server.url("/article.html") + ": " + server.url("/robots.txt") +
                          " cannot be fetched (timed out after 1000 ms (1 attempt(s))), so the whole site counts as "
                          "disallowed (RFC 9309; --ignore-robots to fetch anyway)")
                             .c_str(),
                         FetchError);
}
