// Tests for reading plain-text files: invalid UTF-8 made visible, NUL bytes refused.
#include "read/text_file.hpp"

#include "artalign/error.hpp"
#include "test_support.hpp"

using namespace artalign;
using artalign::test::ScratchDirectory;

TEST_CASE("UTF-8 text comes back in NFC, without a byte-order mark") {
    ScratchDirectory scratch;
    const auto file = scratch.path() / "ko.txt";
    test::write_file(file, "\xEF\xBB\xBF\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB 문장.\n");  // decomposed 한
    CHECK(read_text_file(file) == "한 문장.\n");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD, so nothing invalid reaches an output") {
    ScratchDirectory scratch;
    const auto file = scratch.path() / "bad.txt";
    test::write_file(file, "first\xFF\xFE line\nsecond \xC3 line \xED\xA0\x80.\n");  // bad bytes, a cut sequence, a surrogate
    const std::string text = read_text_file(file);
    CHECK(text.find("first\xEF\xBF\xBD\xEF\xBF\xBD line") == 0);
    CHECK(text.find("second \xEF\xBF\xBD line ") != std::string::npos);
    CHECK(text.find('\xFF') == std::string::npos);
    CHECK(text.find("\xED\xA0\x80") == std::string::npos);
}

TEST_CASE("a NUL byte (UTF-16, binary) is refused, naming the file and the byte") {
    ScratchDirectory scratch;
    const auto file = scratch.path() / "nul.txt";
    test::write_file(file, std::string("one sentence.\0 two.", 19));
    CHECK_THROWS_WITH_AS(read_text_file(file),
                         (file.string() + ": holds a NUL byte at byte 14: not UTF-8 text (UTF-16? convert it with "
                                          "iconv -f UTF-16 -t UTF-8)").c_str(),
                         InputError);
    const auto utf16 = scratch.path() / "utf16.txt";
    test::write_file(utf16, std::string("\xFF\xFEH\0i\0", 6));
    CHECK_THROWS_AS(read_text_file(utf16), InputError);
    CHECK_THROWS_WITH_AS(read_text_file(scratch.path() / "none.txt"),
                         ((scratch.path() / "none.txt").string() + ": no such file").c_str(),
                         InputError);
    CHECK_THROWS_AS(read_text_file(scratch.path()), InputError);
}
