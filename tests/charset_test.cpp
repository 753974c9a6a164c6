// Tests for charset decoding: declared charsets in order of precedence, legacy Korean, detection.
#include "read/charset.hpp"

#include <unicode/ucnv.h>

#include "artalign/error.hpp"
#include "test_support.hpp"

using namespace artalign;

namespace {

// "한국어 기사" in EUC-KR.
const std::string kEucKrWords = "\xC7\xD1\xB1\xB9\xBE\xEE \xB1\xE2\xBB\xE7";

// `utf8` encoded in `charset` by ICU's converter.
std::string encode(const std::string& utf8, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() * 4 + 16, '\0');
    const int32_t length = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                        static_cast<int32_t>(utf8.size()), &status);
    REQUIRE(U_SUCCESS(status));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

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

TEST_CASE("decoding: ISO-2022-KR, 7-bit with escapes and shift bytes, is text, declared or not") {
    std::string body;
    for (int k = 0; k < 20; ++k) body += "<p>서울시는 한강 공원에 공공자전거 대여소를 두 배로 늘린다고 밝혔다.</p>\n";
    const std::string utf8 = "<html><head><meta charset=\"ISO-2022-KR\"><title>한국어 기사</title></head><body>" + body +
                             "</body></html>";
    const std::string bytes = encode(utf8, "ISO-2022-KR");
    REQUIRE(bytes.find('\x0E') != std::string::npos);  // SO: every Korean run is shifted out and back in
    REQUIRE(bytes.compare(0, 4, "\x1B$)C") == 0);

    const DecodedPage from_header = decode_page(bytes, "text/html; charset=ISO-2022-KR", "kr.html");
    CHECK(from_header.origin == "HTTP header");
    CHECK(from_header.text == utf8);
    const DecodedPage from_meta = decode_page(bytes, "", "kr.html");
    CHECK(from_meta.origin == "<meta>");
    CHECK(from_meta.text == utf8);
    // Without a declaration: 7-bit bytes are valid UTF-8, but the escape sequence sends them
    // to ICU's detector, which knows ISO-2022-KR.
    const std::string undeclared = encode("<html><body>" + body + "</body></html>", "ISO-2022-KR");
    const DecodedPage detected = decode_page(undeclared, "", "kr.html");
    CHECK(detected.origin == "detected");
    CHECK(detected.text == "<html><body>" + body + "</body></html>");
}

TEST_CASE("decoding: any charset ICU converts, even one whose bytes hold NULs (UTF-16 without a BOM)") {
    const std::string utf8 = "<html><body><p>한국어 기사, English text.</p></body></html>";
    CHECK(decode_page(encode(utf8, "UTF-16LE"), "text/html; charset=utf-16le", "u16.html").text == utf8);
    const std::string japanese = "<html><body><p>日本語の記事です。</p></body></html>";
    CHECK(decode_page(encode(japanese, "ISO-2022-JP"), "text/html; charset=iso-2022-jp", "jp.html").text == japanese);
    const std::string ascii = "<html><body>\n<p>English text, line one.</p>\n<p>Line two.</p>\n</body></html>";
    CHECK(decode_page(encode(ascii, "IBM037"), "text/html; charset=IBM037", "ebcdic.html").text == ascii);
}

TEST_CASE("decoding: bytes that are binary in the charset they declare are still refused") {
    const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20);
    CHECK_THROWS_WITH_AS(decode_page(png, "text/html; charset=utf-8", "image.html"),
                         "image.html: looks like a binary file, not an HTML page", InputError);
    CHECK_THROWS_WITH_AS(decode_page(png, "text/html; charset=ISO-2022-KR", "image.html"),
                         "image.html: looks like a binary file, not an HTML page", InputError);
    // Escape and shift bytes without Korean behind them: control characters once decoded.
    const std::string controls(400, '\x0E');
    CHECK_THROWS_WITH_AS(decode_page("<p>" + controls + "</p>", "", "controls.html"),
                         "controls.html: looks like a binary file, not an HTML page", InputError);
}

TEST_CASE("decoding: a page saved as UTF-8 that still declares its old charset is read as UTF-8, with a warning") {
    // Scrapers re-save pages as UTF-8 and keep the meta: the bytes are not valid EUC-KR.
    std::string body;
    for (int k = 0; k < 5; ++k) body += "<p>서울시는 한강 공원에 공공자전거 대여소를 두 배로 늘린다고 밝혔다.</p>\n";
    const std::string page = "<html><head><meta charset=\"euc-kr\"></head><body>" + body + "</body></html>";
    const DecodedPage decoded = decode_page(page, "", "resaved.html");
    CHECK(decoded.text == page);
    CHECK(decoded.charset == "UTF-8");
    CHECK(decoded.origin == "valid UTF-8, not the declared euc-kr");
    CHECK(decoded.warning ==
          "the page declares charset euc-kr (<meta>), but its bytes are not valid in it and are valid UTF-8: read as "
          "UTF-8");
    const DecodedPage from_header = decode_page(page, "text/html; charset=EUC-KR", "resaved.html");
    CHECK(from_header.text == page);
    CHECK(from_header.warning.find("declares charset euc-kr (HTTP header)") != std::string::npos);

    // A real EUC-KR page is not valid UTF-8: read as declared, no warning.
    const DecodedPage euc_kr = decode_page("<meta charset=\"euc-kr\"><p>" + kEucKrWords + "</p>", "", "old.html");
    CHECK(euc_kr.charset == "windows-949");
    CHECK(euc_kr.text.find("한국어 기사") != std::string::npos);
    CHECK(euc_kr.warning.empty());
    // ASCII is valid in both: as declared, no warning.
    CHECK(decode_page("<meta charset=\"euc-kr\"><p>plain</p>", "", "ascii.html").warning.empty());
}
