// Small UTF-8 text helpers shared by every stage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace artalign {

/// The lines of `text`, each without its '\n' and a '\r' before it. A last line without a
/// '\n' counts; nothing follows a final '\n' ("a\n" is one line, "" none).
std::vector<std::string_view> split_lines(std::string_view text);

/// Collapses runs of Unicode white space (including no-break spaces) to one space and trims.
std::string collapse_whitespace(std::string_view text);

/// Unicode NFC normalisation. Invalid UTF-8 sequences become U+FFFD. Text already in NFC, as
/// most is, is returned as it is (moved, not copied, when the caller passes an rvalue).
std::string normalize_nfc(std::string text);

/// next_code_point() for a sequence of two or more bytes.
int32_t next_multibyte_code_point(std::string_view text, std::size_t& offset);

/// Decodes the code point starting at byte `offset` (< text.size()) and moves `offset` past it.
/// Returns -1 for an invalid or truncated sequence (then `offset` skips at least one byte).
/// Inline for ASCII and for most three-byte sequences (Hangul, CJK punctuation), which make up
/// nearly all of Korean-English text.
inline int32_t next_code_point(std::string_view text, std::size_t& offset) {
    const auto byte = static_cast<unsigned char>(text[offset]);
    if (byte < 0x80) {
        ++offset;
        return byte;
    }
    // Leads E1-EC and EE-EF take any two continuation bytes (E0 and ED restrict the second).
    if (byte >= 0xE1 && byte <= 0xEF && byte != 0xED && offset + 2 < text.size()) {
        const auto second = static_cast<unsigned char>(text[offset + 1]);
        const auto third = static_cast<unsigned char>(text[offset + 2]);
        if ((second & 0xC0) == 0x80 && (third & 0xC0) == 0x80) {
            offset += 3;
            return ((byte & 0x0F) << 12) | ((second & 0x3F) << 6) | (third & 0x3F);
        }
    }
    return next_multibyte_code_point(text, offset);
}

/// True when the three bytes at `offset` are a Hangul syllable (U+AC00 to U+D7A3, EA B0 80 to
/// ED 9E A3), most of Korean text, checked without decoding: valid three-byte sequences sort
/// as their code points do, and between those two every lead with two continuation bytes is one.
inline bool is_hangul_syllable_at(std::string_view text, std::size_t offset) {
    if (offset + 2 >= text.size()) return false;
    const auto first = static_cast<unsigned char>(text[offset]);
    const auto second = static_cast<unsigned char>(text[offset + 1]);
    const auto third = static_cast<unsigned char>(text[offset + 2]);
    const std::uint32_t bytes = (std::uint32_t{first} << 16) | (std::uint32_t{second} << 8) | third;
    return bytes >= 0xEAB080 && bytes <= 0xED9EA3 && (second & 0xC0) == 0x80 && (third & 0xC0) == 0x80;
}

/// True when `text` is well-formed UTF-8 (no invalid, truncated, overlong or surrogate sequence).
bool is_valid_utf8(std::string_view text);

/// Number of Unicode code points in valid UTF-8 text.
std::size_t count_code_points(std::string_view text);

/// `text` as code points; invalid sequences become U+FFFD.
std::u32string to_code_points(std::string_view text);
/// The same into `out`, reusing its storage.
void assign_code_points(std::string_view text, std::u32string& out);

/// Code points back to UTF-8.
std::string to_utf8(std::u32string_view text);
/// The same appended to `out`: keys spelled in a reused buffer allocate nothing once it has grown.
void append_utf8(std::u32string_view text, std::string& out);

}  // namespace artalign
