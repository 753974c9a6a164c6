// Tests for the fetcher against a local HTTP server: redirects, errors, timeouts, gzip,
// retries, the cache, and schemes that must never be followed.
#include "artalign/fetcher.hpp"

#include "artalign/charset.hpp"
#include "artalign/error.hpp"
#include "test_server.hpp"

using namespace artalign;
using namespace std::chrono_literals;

namespace {

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

TEST_CASE("fetching: an answer over the size limit is refused") {
    test::TestServer server;
    FetchOptions options = quick_options();
    options.max_bytes = 100;
    Fetcher fetcher(options);
    CHECK_THROWS_WITH_AS(fetcher.fetch(server.url("/article.html")),
                         (server.url("/article.html") + ": the answer is larger than the limit of 100 bytes").c_str(),
                         FetchError);
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
        CHECK(first.requests_sent() == 2);
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
    Fetcher fetcher(options);
    try {
        fetcher.fetch("http://127.0.0.1:1/page.html");
        FAIL("fetching from a closed port succeeded");
    } catch (const FetchError& error) {
        CHECK(std::string(error.what()).rfind("http://127.0.0.1:1/page.html: cannot fetch: ", 0) == 0);
    }
    CHECK(fetcher.requests_sent() == 3);
}
