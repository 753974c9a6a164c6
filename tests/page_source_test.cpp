// Tests for reading page files and mapping URLs into a local mirror.
#include "read/page_source.hpp"

#include <sys/stat.h>

#include <csignal>
#include <fstream>
#include <limits>
#include <thread>
#include <utility>

#include "artalign/error.hpp"
#include "read/url.hpp"
#include "test_support.hpp"

using namespace artalign;
using artalign::test::ScratchDirectory;

TEST_CASE("read_page_file reads the bytes and reports bad files by name") {
    ScratchDirectory scratch;
    const auto page = scratch.path() / "page.html";
    test::write_file(page, "<html><body>x</body></html>");
    CHECK(read_page_file(page).content == "<html><body>x</body></html>");
    CHECK(read_page_file(page).location == page.string());
    CHECK(read_page_file(page, 27).content.size() == 27);  // exactly the limit is within it
    CHECK(read_page_file(page, std::numeric_limits<std::size_t>::max()).content.size() == 27);  // no limit at all

    const auto missing = scratch.path() / "missing.html";
    CHECK_THROWS_WITH_AS(read_page_file(missing), (missing.string() + ": no such file").c_str(), InputError);
    CHECK_THROWS_WITH_AS(read_page_file(scratch.path()), (scratch.path().string() + ": is a directory, not a page").c_str(),
                         InputError);
    const auto empty = scratch.path() / "empty.html";
    test::write_file(empty, "");
    CHECK_THROWS_WITH_AS(read_page_file(empty), (empty.string() + ": the page is empty").c_str(), InputError);
    CHECK_THROWS_WITH_AS(read_page_file(page, 5),
                         (page.string() + ": page is 27 bytes, over the 5 bytes limit (--max-page-size)").c_str(),
                         InputError);
}

TEST_CASE("a pipe with no size is read only up to the limit; one named in data is refused") {
    ScratchDirectory scratch;
    const auto fifo = scratch.path() / "page.html";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THROWS_WITH_AS(read_page_file(fifo, 1 << 20),
                         (fifo.string() + ": is a named pipe, not a regular file (only a file named on the command "
                                          "line may be a pipe)").c_str(),
                         InputError);
    // The writer stops at the pipe's end once the reader is gone (EPIPE, SIGPIPE ignored).
    const auto old_action = std::signal(SIGPIPE, SIG_IGN);
    std::thread writer([&fifo] {
        std::ofstream out(fifo, std::ios::binary);
        const std::string chunk(64 << 10, '<');
        for (int k = 0; k < 32 && out; ++k) out << chunk;
    });
    CHECK_THROWS_WITH_AS(read_page_file(fifo, 1 << 20, true),
                         (fifo.string() + ": page is over the 1 MB limit (--max-page-size)").c_str(), InputError);
    writer.join();
    std::signal(SIGPIPE, old_action);
}

TEST_CASE("mirror_file maps http(s) URLs to host/path files inside the mirror only") {
    const auto root = test::kSamples / "mirror";
    const auto found = mirror_file(root, "http://www.hani.co.kr/arti/international/america/927886.html");
    REQUIRE(found);
    CHECK(*found == test::kKoreanSample);
    CHECK_FALSE(mirror_file(root, "https://www.hani.co.kr/arti/international/america/000000.html"));
    CHECK_FALSE(mirror_file(root, "file:///www.hani.co.kr/arti/international/america/927886.html"));
    CHECK_FALSE(mirror_file(root, "http://www.hani.co.kr/arti/../../../README.md"));
}

TEST_CASE("no link leads out of the mirror: not through '..' in the path, its escapes, or the host") {
    ScratchDirectory scratch;
    const auto root = scratch.path() / "mirror";
    std::filesystem::create_directories(root / "host/a");
    std::filesystem::create_directories(scratch.path() / "outside");
    test::write_file(root / "host/a/b.html", "inside");
    test::write_file(scratch.path() / "outside/secret.html", "secret");
    CHECK(mirror_file(root, "http://host/a/b.html").value() == root / "host/a/b.html");
    for (const char* url : {"http://host/../outside/secret.html", "http://host/a/../../../outside/secret.html",
                            "http://host/%2e%2e/%2e%2e/outside/secret.html", "http://host/a/..%2f..%2f../outside/secret.html",
                            "http://../outside/secret.html", "http://%2e%2e/outside/secret.html"}) {
        INFO(std::string(url));
        CHECK_FALSE(mirror_file(root, url));
    }
    // An escaped NUL ends the path where libxml2 unescapes it: still inside the mirror.
    CHECK(mirror_file(root, "http://host/a/b.html%00/../../../outside/secret.html").value_or("") ==
          root / "host/a/b.html");
    // Relative links resolve inside the site (RFC 3986 drops ".." above the root), so the
    // mirror's own host directory is the furthest they reach.
    const auto climbed = resolve_url("http://host/a/b.html", "../../../../outside/secret.html");
    REQUIRE(climbed);
    CHECK(*climbed == "http://host/outside/secret.html");
    CHECK_FALSE(mirror_file(root, *climbed));
    // A network-path reference naming ".." as host resolves, but maps to no file.
    CHECK_FALSE(mirror_file(root, resolve_url("http://host/a/b.html", "//../outside/secret.html").value_or("")));
    CHECK_FALSE(infer_mirror_root(root / "host/a/b.html", "http://../a/b.html"));
}

TEST_CASE("mirror_relative_path never leads outside the mirror, whatever the host or path") {
    CHECK(mirror_relative_path("https://WWW.Hani.co.kr/arti/a.html").value() == "www.hani.co.kr/arti/a.html");
    CHECK(mirror_relative_path("http://h/a/").value() == "h/a/index.html");
    CHECK(mirror_relative_path("http://h/a/.").value() == "h/a/index.html");
    CHECK(mirror_relative_path("http://h").value() == "h/index.html");
    CHECK(mirror_relative_path("http://h//a//b.html").value() == "h/a/b.html");
    // Found while writing fuzz_link: libxml2 takes ".." (also spelt %2e%2e) for a host name.
    CHECK_FALSE(mirror_relative_path("http://../secret.html"));
    CHECK_FALSE(mirror_relative_path("http://%2e%2e/secret.html"));
    CHECK_FALSE(mirror_relative_path("http://./a.html"));
    CHECK_FALSE(mirror_relative_path("http://h/a/%2e%2e/%2e%2e/b.html"));
    CHECK_FALSE(mirror_relative_path("ftp://h/a.html"));
}

TEST_CASE("a site on a port other than the default is mirrored under host:port, as wget names it") {
    CHECK(mirror_relative_path("http://Host:8080/a/b.html").value() == "host:8080/a/b.html");
    CHECK(mirror_relative_path("http://host:80/a/b.html").value() == "host/a/b.html");
    CHECK(mirror_relative_path("https://host:443/a/b.html").value() == "host/a/b.html");
    CHECK(mirror_relative_path("https://host:8443/").value() == "host:8443/index.html");
    CHECK(mirror_relative_paths("http://host:8080/a.html?id=3") ==
          std::vector<std::filesystem::path>{"host:8080/a.html?id=3", "host:8080/a.html"});
    // A port does not make "." or ".." a safe host.
    CHECK_FALSE(mirror_relative_path("http://..:8080/secret.html"));
    CHECK_FALSE(mirror_relative_path("http://.:8080/secret.html"));
    CHECK_FALSE(mirror_relative_path("http://host:8080/a/../../../secret.html"));

    ScratchDirectory scratch;
    const auto root = scratch.path() / "mirror";
    std::filesystem::create_directories(root / "host:8080/arti");
    std::filesystem::create_directories(root / "host/arti");
    test::write_file(root / "host:8080/arti/1.html", "on port 8080");
    test::write_file(root / "host/arti/2.html", "on port 80");
    CHECK(mirror_file(root, "http://host:8080/arti/1.html").value_or("") == root / "host:8080/arti/1.html");
    CHECK_FALSE(mirror_file(root, "http://host/arti/1.html"));
    CHECK_FALSE(mirror_file(root, "http://host:8081/arti/1.html"));
    CHECK(mirror_file(root, "http://host:80/arti/2.html").value_or("") == root / "host/arti/2.html");
    CHECK(mirror_url(root, root / "host:8080/arti/1.html").value_or("") == "http://host:8080/arti/1.html");
    // Only https on port 80 is saved under "host:80": its URL must map back there (found by fuzz_link).
    std::filesystem::create_directories(root / "host:80/arti");
    test::write_file(root / "host:80/arti/3.html", "https on port 80");
    const std::string url = mirror_url(root, root / "host:80/arti/3.html").value_or("");
    CHECK(url == "https://host:80/arti/3.html");
    CHECK(mirror_file(root, url).value_or("") == root / "host:80/arti/3.html");
    CHECK(infer_mirror_root(root / "host:8080/arti/1.html", "http://host:8080/arti/1.html").value_or("") ==
          std::filesystem::weakly_canonical(root));
}

TEST_CASE("a URL with a query is found under the name wget --mirror gives it, else without the query") {
    ScratchDirectory scratch;
    const auto root = scratch.path() / "mirror";
    std::filesystem::create_directories(root / "host/dir");
    test::write_file(root / "host/page.html?id=3", "with the query");
    test::write_file(root / "host/page.html", "without");
    test::write_file(root / "host/dir/index.html?x=1", "directory page with a query");
    CHECK(mirror_file(root, "http://host/page.html?id=3").value_or("") == root / "host/page.html?id=3");
    CHECK(mirror_file(root, "http://host/page.html?id=3#top").value_or("") == root / "host/page.html?id=3");
    CHECK(mirror_file(root, "http://host/page.html?id=4").value_or("") == root / "host/page.html");
    CHECK(mirror_file(root, "http://host/page.html").value_or("") == root / "host/page.html");
    CHECK(mirror_file(root, "http://host/dir/?x=1").value_or("") == root / "host/dir/index.html?x=1");
    // wget decodes the query's escapes, so "%3D" is found as "=".
    CHECK(mirror_file(root, "http://host/page.html?id%3D3").value_or("") == root / "host/page.html?id=3");
    CHECK(infer_mirror_root(root / "host/page.html?id=3", "http://host/page.html?id=3").value_or("") ==
          std::filesystem::weakly_canonical(root));
    CHECK(infer_mirror_root(root / "host/page.html", "http://host/page.html?id=4").value_or("") ==
          std::filesystem::weakly_canonical(root));
}

TEST_CASE("a query never leads out of the mirror: '/' in it is escaped as wget escapes it") {
    CHECK(mirror_relative_paths("http://h/a.html?q=a%20b&r=%41") ==
          std::vector<std::filesystem::path>{"h/a.html?q=a b&r=A", "h/a.html"});
    CHECK(mirror_relative_paths("http://h/a.html?x=../../../outside/secret.html") ==
          std::vector<std::filesystem::path>{"h/a.html?x=..%2F..%2F..%2Foutside%2Fsecret.html", "h/a.html"});
    CHECK(mirror_relative_paths("http://h/a.html?x=%2e%2e%2F%2e%2e%2fsecret") ==
          std::vector<std::filesystem::path>{"h/a.html?x=..%2F..%2Fsecret", "h/a.html"});
    CHECK(mirror_relative_paths("http://h/?..") == std::vector<std::filesystem::path>{"h/index.html?..", "h/index.html"});
    CHECK(mirror_relative_paths("http://h/a.html?%00%01%7f%7e") ==
          std::vector<std::filesystem::path>{"h/a.html?%00%01%7F~", "h/a.html"});
    CHECK(mirror_relative_paths("http://h/a.html?") == std::vector<std::filesystem::path>{"h/a.html"});
    CHECK(mirror_relative_paths("http://../a.html?x=1").empty());
    CHECK(mirror_relative_paths("http://h/%2e%2e/a.html?x=1").empty());

    ScratchDirectory scratch;
    const auto root = scratch.path() / "mirror";
    std::filesystem::create_directories(root / "host");
    std::filesystem::create_directories(scratch.path() / "outside");
    test::write_file(scratch.path() / "outside/secret.html", "secret");
    for (const char* url : {"http://host/a.html?/../../outside/secret.html", "http://host/?/../../outside/secret.html",
                            "http://host/a.html?%2F..%2F..%2Foutside%2Fsecret.html"}) {
        INFO(std::string(url));
        CHECK_FALSE(mirror_file(root, url));
    }
}

TEST_CASE("mirror_url gives a page saved with its query a URL with that query, which finds the page again") {
    ScratchDirectory scratch;
    const auto root = scratch.path() / "mirror";
    std::filesystem::create_directories(root / "host");
    const std::pair<const char*, const char*> saved[] = {
        {"page.html?id=3&lang=en", "http://host/page.html?id=3&lang=en"},
        // wget decoded "%20", "%25", "%23" and "%EA%B0%80" into the name: escaped again for a URL.
        {"page.html?q=a b", "http://host/page.html?q=a%20b"},
        {"page.html?100%", "http://host/page.html?100%25"},
        {"page.html?x=%41#y", "http://host/page.html?x=%2541%23y"},
        {"page.html?k=\xEA\xB0\x80", "http://host/page.html?k=%EA%B0%80"},
        // wget's own escapes ('/', control characters) stay.
        {"page.html?x=..%2F..%2Fsecret%00", "http://host/page.html?x=..%2F..%2Fsecret%00"},
        {"index.html?p=1", "http://host/index.html?p=1"},
    };
    for (const auto& [name, url] : saved) {
        INFO(name);
        const auto file = root / "host" / name;
        test::write_file(file, "page");
        CHECK(mirror_url(root, file).value_or("") == url);
        CHECK(mirror_file(root, url).value_or("") == file);
    }
}

TEST_CASE("infer_mirror_root finds the mirror a page sits in from its own URL") {
    const auto root = infer_mirror_root(
        test::kEnglishSample, "https://english.hani.co.kr/arti/english_edition/e_international/928034.html");
    REQUIRE(root);
    CHECK(std::filesystem::equivalent(*root, test::kSamples / "mirror"));
    CHECK_FALSE(infer_mirror_root(test::kEnglishSample, "https://english.hani.co.kr/arti/other/928034.html"));
}

TEST_CASE("mirror_url gives a mirrored file the URL it stands for, and nothing outside the mirror") {
    const auto mirror = test::kSamples / "mirror";
    CHECK(mirror_url(mirror, mirror / "www.hani.co.kr/arti/politics/defense/450298.html").value() ==
          "http://www.hani.co.kr/arti/politics/defense/450298.html");
    CHECK_FALSE(mirror_url(mirror, test::kSamples / "README.md"));
    CHECK_FALSE(mirror_url(mirror, mirror / "toplevel.html"));  // no host directory
}
