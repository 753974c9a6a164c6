// Decoding a page's bytes to UTF-8: the HTTP header, a byte-order mark, <meta charset>, then
// ICU's charset detector; legacy Korean encodings (EUC-KR, CP949) included.
#pragma once

#include <string>
#include <string_view>

namespace artalign {

/// A page's text in UTF-8 and how its charset was chosen.
struct DecodedPage {
    std::string text;     ///< UTF-8; bytes the charset cannot map become U+FFFD
    std::string charset;  ///< the ICU converter used, e.g. "UTF-8" or "windows-949"
    std::string origin;   ///< "BOM", "HTTP header", "<meta>", "valid UTF-8", "detected", or
                          ///< "valid UTF-8, not the declared LABEL"
    std::string warning;  ///< why the declared charset was not used, for the user; else empty
};

/// The charset parameter of a Content-Type value ("text/html; charset=EUC-KR" -> "EUC-KR"),
/// unquoted; empty when there is none.
std::string charset_from_content_type(std::string_view content_type);

/// The charset a page declares in its first 4 KB: <meta charset=...> or
/// <meta http-equiv="Content-Type" content="...; charset=...">; empty when none.
std::string charset_from_meta(std::string_view html);

/// The ICU converter name for a charset label as browsers read it (WHATWG Encoding): EUC-KR,
/// KS_C_5601-1987 and CP949 all mean windows-949, ISO-8859-1 means windows-1252.
std::string converter_for_label(std::string_view label);

/// Converts `bytes` to UTF-8. The charset is, in order: a byte-order mark, the charset of
/// `content_type` (the HTTP header, may be empty), the page's <meta>, UTF-8 when the bytes are
/// valid UTF-8 without an ISO-2022 escape sequence, else ICU's detector (ucsdet). A page
/// saved as UTF-8 that still declares its old charset (bytes invalid in the declared charset
/// and valid UTF-8, not all ASCII) is read as UTF-8, with a `warning`. A declared
/// charset ICU does not know is skipped; any charset ICU converts is read (UTF-16 without a
/// BOM, ISO-2022-KR/JP/CN, EBCDIC...). Throws InputError naming `source` when the page looks
/// binary: NULs or many control characters in the decoded text (and, with no charset declared,
/// in the raw bytes, ESC, SO and SI aside); DataError when ICU's converters fail.
DecodedPage decode_page(std::string_view bytes, std::string_view content_type, const std::string& source);

}  // namespace artalign
