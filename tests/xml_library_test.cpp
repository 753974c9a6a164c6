// Tests for prepare_xml_library: threads whose first use of libxml2 comes at the same moment
// (align-text --batch --jobs N writing TMX) write and parse as one thread does. The race this
// guards against is in libxml2's lazy global set-up; the ThreadSanitizer build reports it.
// This file holds one test case so that its threads are the process's first users of libxml2.
#include "util/xml_library.hpp"

#include <doctest/doctest.h>
#include <libxml/tree.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "parse/html_document.hpp"
#include "write/tmx_writer.hpp"
#include "test_support.hpp"

using namespace artalign;

TEST_CASE("threads first using libxml2 at once write TMX and parse HTML as one thread does") {
    test::ScratchDirectory scratch;
    constexpr int kThreads = 4;
    TmxOptions options;
    options.created = std::chrono::system_clock::from_time_t(1581495960);
    TranslationUnit unit;
    unit.source = "첫 문장이다.";
    unit.target = "The first sentence.";
    unit.bead_type = "1-1";
    std::vector<std::string> titles(kThreads);
    std::vector<std::string> errors(kThreads);
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            ++ready;
            while (ready < kThreads) std::this_thread::yield();  // all start together
            try {
                write_tmx(scratch.path() / ("out" + std::to_string(t) + ".tmx"), {unit}, options);
                const HtmlDocument page("<html><head><title>제목</title></head><body><p>본문</p></body></html>",
                                        "page" + std::to_string(t));
                xmlChar* title = xmlNodeGetContent(xmlDocGetRootElement(page.get())->children);
                titles[t] = reinterpret_cast<const char*>(title);
                xmlFree(title);
            } catch (const std::exception& error) {
                errors[t] = error.what();
            }
        });
    for (std::thread& thread : threads) thread.join();
    const std::string first = test::read_file(scratch.path() / "out0.tmx");
    CHECK(first.find("<seg>The first sentence.</seg>") != std::string::npos);
    for (int t = 0; t < kThreads; ++t) {
        CHECK(errors[t].empty());
        CHECK(titles[t] == "제목");
        CHECK(test::read_file(scratch.path() / ("out" + std::to_string(t) + ".tmx")) == first);
    }
}
