// Tests for charset decoding: declared charsets in order of precedence, legacy Korean, detection.
#include "artalign/charset.hpp"

#include "artalign/error.hpp"
#include "test_support.hpp"

using namespace artalign;

namespace {

// "한국어 기사" in EUC-KR.
const std::string kEucKrWords = "\xC7\xD1\xB1\xB9\xBE\xEE \xB1\xE2\xBB\xE7";

}  // namespace

TEST_CASE("charset labels from Content-Type and <meta>") {
    CHECK(charset_from_content_type("text/html; charset=EUC-KR") == "euc-kr");
    CHECK(charset_from_content_type("text/html;charset=\"utf-8\"") == "utf-8");
    CHECK(charset_from_content_type("text/html") == "");
    CHECK(charset_from_meta("<html><head><meta charset=\"euc-kr\"></head>") == "euc-kr");
    CHECK(charset_from_meta("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ks_c_5601-1987\">") ==
          "ks_c_5601-1987");
    CHECK(charset_from_meta("<p>charset=utf-8 in the text is not a declaration</p>") == "");
    CHECK(converter_for_label("EUC-KR") == "windows-949");
    CHECK(converter_for_label("ks_c_5601-1987") == "windows-949");
    CHECK(converter_for_label("ISO-8859-1") == "windows-1252");
}

TEST_CASE("decoding: header over <meta>, <meta> over guessing, UTF-8 untouched") {
    const std::string euc_kr_page = "<html><head><meta charset=\"euc-kr\"></head><body>" + kEucKrWords + "</body></html>";
    const DecodedPage from_meta = decode_page(euc_kr_page, "", "page.html");
    CHECK(from_meta.charset == "windows-949");
    CHECK(from_meta.origin == "<meta>");
    CHECK(from_meta.text.find("한국어 기사") != std::string::npos);

    const DecodedPage from_header = decode_page("<p>" + kEucKrWords + "</p>", "text/html; charset=EUC-KR", "u");
    CHECK(from_header.origin == "HTTP header");
    CHECK(from_header.text == "<p>한국어 기사</p>");

    const DecodedPage utf8 = decode_page("<p>한국어 기사</p>", "", "u");
    CHECK(utf8.charset == "UTF-8");
    CHECK(utf8.origin == "valid UTF-8");
    CHECK(utf8.text == "<p>한국어 기사</p>");

    const DecodedPage bom = decode_page("\xEF\xBB\xBF<p>x</p>", "text/html; charset=EUC-KR", "u");
    CHECK(bom.origin == "BOM");
    CHECK(bom.text == "<p>x</p>");

    // An unknown declared charset is skipped rather than fatal.
    CHECK(decode_page("<p>plain</p>", "text/html; charset=no-such-charset", "u").text == "<p>plain</p>");
}

TEST_CASE("decoding: undeclared EUC-KR is detected, CP949-only syllables survive") {
    std::string body;
    for (int k = 0; k < 40; ++k) body += "<p>" + kEucKrWords + " " + kEucKrWords + "</p>\n";
    const DecodedPage detected = decode_page("<html><body>" + body + "</body></html>", "", "u");
    CHECK(detected.origin == "detected");
    CHECK(detected.charset == "windows-949");
    CHECK(detected.text.find("한국어 기사 한국어 기사") != std::string::npos);
    // "똠" is in CP949 (0x8C 0x63) but not in KS X 1001 proper.
    CHECK(decode_page("\x8C\x63", "text/html; charset=euc-kr", "u").text == "똠");
}

TEST_CASE("decoding: binary bytes are refused with the source named") {
    const std::string binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    CHECK_THROWS_WITH_AS(decode_page(binary, "", "image.html"),
                         "image.html: looks like a binary file, not an HTML page", InputError);
}
