// Plain text into lines, paragraphs and segments (align-text, learn-lexicon, segment).
#include <doctest/doctest.h>

#include "segment/plain_text.hpp"

using namespace artalign;

TEST_CASE("text_lines splits at newlines, drops a trailing CR and adds no line after the last newline") {
    CHECK(text_lines("a\r\nb\n") == std::vector<std::string>{"a", "b"});
    CHECK(text_lines("a\n\nb") == std::vector<std::string>{"a", "", "b"});
    CHECK(text_lines("").empty());
}

TEST_CASE("text_paragraphs joins the lines of each paragraph; blank lines separate them") {
    CHECK(text_paragraphs("  One  line\ncontinued.\n \t\n\nTwo.\n") ==
          std::vector<std::string>{"One line continued.", "Two."});
    CHECK(text_paragraphs("\n \n").empty());
}

TEST_CASE("text_segments without a splitter: lines keep empty ones, paragraph lines number blocks") {
    const SegmentList lines = text_segments("a\n\n b \n", TextLayout::lines, nullptr);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].text.empty());
    CHECK(lines[2].text == "b");
    CHECK(lines[2].block == 0);

    const SegmentList blocks = text_segments("a\nb\n\n\nc\n", TextLayout::paragraph_lines, nullptr);
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[1].block == 0);
    CHECK(blocks[2].text == "c");
    CHECK(blocks[2].block == 1);
}
