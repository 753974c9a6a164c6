// Tests for URL resolution and parsing.
#include "read/url.hpp"

#include "test_support.hpp"

using namespace artalign;

TEST_CASE("relative links resolve against the page URL") {
    const std::string base = "https://english.hani.co.kr/arti/english_edition/e_international/928034.html";
    CHECK(resolve_url(base, "927886.html").value() == "https://english.hani.co.kr/arti/english_edition/e_international/927886.html");
    CHECK(resolve_url(base, "/arti/x.html").value() == "https://english.hani.co.kr/arti/x.html");
    CHECK(resolve_url(base, "//www.hani.co.kr/arti/y.html").value() == "https://www.hani.co.kr/arti/y.html");
    CHECK(resolve_url(base, "http://www.hani.co.kr/arti/z.html").value() == "http://www.hani.co.kr/arti/z.html");
    CHECK(resolve_url(base, "../../a.html").value() == "https://english.hani.co.kr/arti/a.html");
}

TEST_CASE("parse_url splits scheme, host, path and query, lower-casing the first two") {
    const auto parts = parse_url("HTTP://WWW.Hani.co.kr/arti/Politics/1.html?x=1%2F2#top");
    REQUIRE(parts);
    CHECK(parts->scheme == "http");
    CHECK(parts->host == "www.hani.co.kr");
    CHECK(parts->path == "/arti/Politics/1.html");
    CHECK(parts->query == "x=1%2F2");  // escapes kept
    CHECK(parse_url("https://example.com")->path == "/");
    CHECK(parse_url("https://example.com/a.html")->query.empty());
    CHECK_FALSE(parse_url("relative/path.html"));
    CHECK_FALSE(parse_url(""));
}

TEST_CASE("parse_url keeps the port apart; host_and_port names it unless it is the scheme's default") {
    const auto parts = parse_url("http://Example.com:8080/a.html");
    REQUIRE(parts);
    CHECK(parts->host == "example.com");
    CHECK(parts->port == 8080);
    CHECK(parts->path == "/a.html");
    CHECK(host_and_port(*parts) == "example.com:8080");
    CHECK(parse_url("http://example.com/a.html")->port == 0);
    CHECK(host_and_port(*parse_url("http://example.com/a.html")) == "example.com");
    CHECK(host_and_port(*parse_url("http://example.com:80/a.html")) == "example.com");
    CHECK(host_and_port(*parse_url("https://example.com:443/a.html")) == "example.com");
    CHECK(host_and_port(*parse_url("https://example.com:80/a.html")) == "example.com:80");
    CHECK(host_and_port(*parse_url("http://example.com:443/a.html")) == "example.com:443");
}

TEST_CASE("only http and https are web URLs") {
    CHECK(is_web_url("https://example.com/a"));
    CHECK(is_web_url("http://example.com/a"));
    CHECK_FALSE(is_web_url("file:///etc/passwd"));
    CHECK_FALSE(is_web_url("javascript:alert(1)"));
    CHECK_FALSE(is_web_url("ftp://example.com/a"));
    CHECK_FALSE(is_web_url("/arti/a.html"));
}
