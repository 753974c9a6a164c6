// Small UTF-8 text helpers shared by every stage.
#include "util/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstring>

#include "artalign/error.hpp"

namespace artalign {

int32_t next_multibyte_code_point(std::string_view text, std::size_t& offset) {
    auto i = static_cast<int32_t>(offset);
    UChar32 c = 0;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"  // inside ICU's macro
    U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
#pragma GCC diagnostic pop
    offset = static_cast<std::size_t>(i);
    return c;
}

namespace {

// Unicode white space, zero-width space and BOM; the ASCII answer without asking ICU.
bool is_white_space(int32_t c) {
    if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
    if (c > 0x3000) return c == 0xFEFF;  // U+3000 is the last of Unicode's white space
    return u_isUWhiteSpace(c) || c == 0x200B;
}

}  // namespace

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

bool is_valid_utf8(std::string_view text) {
    int32_t i = 0;
    const auto length = static_cast<int32_t>(text.size());
    while (i < length) {
        // Runs of ASCII, most of any text or HTML page, eight bytes at a time.
        if (i + 8 <= length) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + i, sizeof word);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        UChar32 c = 0;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"  // inside ICU's macro
        U8_NEXT(text.data(), i, length, c);
#pragma GCC diagnostic pop
        if (c < 0) return false;
    }
    return true;
}

namespace {

// True when collapse_whitespace() would return `text` as it is, as most lines of a text already
// are: valid UTF-8 whose only white space is single ASCII spaces between other characters.
bool is_collapsed(std::string_view text) {
    if (!text.empty() && (text.front() == ' ' || text.back() == ' ')) return false;
    bool after_space = false;
    std::size_t offset = 0;
    while (offset < text.size()) {
        const auto byte = static_cast<unsigned char>(text[offset]);
        if (byte > ' ' && byte < 0x80) {  // printable ASCII, without decoding
            ++offset;
            after_space = false;
        } else if (byte == ' ') {
            if (after_space) return false;
            ++offset;
            after_space = true;
        } else if (is_hangul_syllable_at(text, offset)) {
            offset += 3;
            after_space = false;
        } else {
            const int32_t c = next_code_point(text, offset);
            if (c < 0 || is_white_space(c)) return false;
            after_space = false;
        }
    }
    return true;
}

}  // namespace

std::string collapse_whitespace(std::string_view text) {
    if (is_collapsed(text)) return std::string(text);
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    // Kept characters are copied a run at a time, not one by one: `run` is where the run of
    // kept bytes not yet copied starts.
    std::size_t run = std::string_view::npos;
    std::size_t offset = 0;
    auto flush = [&out, &run, text](std::size_t end) {
        if (run != std::string_view::npos) out.append(text.substr(run, end - run));
        run = std::string_view::npos;
    };
    while (offset < text.size()) {
        const std::size_t start = offset;
        const int32_t c = next_code_point(text, offset);
        if (is_white_space(c)) {
            flush(start);
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            pending_space = false;
        }
        if (c < 0) {
            flush(start);
            out.append("\xEF\xBF\xBD");  // U+FFFD for an invalid sequence
        } else if (run == std::string_view::npos) {
            run = start;
        }
    }
    flush(text.size());
    return out;
}

namespace {

// ICU's NFC instance, fetched once. The function-local static's guard is what orders its first
// fetch before the other threads' use in a way ThreadSanitizer sees (ICU's own once-only guard
// is made of atomics compiled without ThreadSanitizer, so it reported a race).
const icu::Normalizer2& nfc_normalizer() {
    static const icu::Normalizer2& nfc = [] () -> const icu::Normalizer2& {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* instance = icu::Normalizer2::getNFCInstance(status);
        if (U_FAILURE(status)) throw DataError("ICU", std::string("NFC data unavailable: ") + u_errorName(status));
        return *instance;
    }();
    return nfc;
}

// True when `text` is valid UTF-8 made only of ASCII, Hangul syllables and characters ICU calls
// normalisation-inert (most punctuation, Han): all in NFC, none combining with the character
// before it (only the characters that NFC_Quick_Check calls Maybe do), so the text is in NFC.
// False says nothing: ICU decides. Nearly all of Korean-English text is answered here, at a
// fraction of ICU's cost.
bool is_plainly_nfc(std::string_view text, const icu::Normalizer2& nfc) {
    std::size_t offset = 0;
    while (offset < text.size()) {
        // Runs of ASCII eight bytes at a time.
        if (offset + 8 <= text.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + offset, sizeof word);
            if ((word & 0x8080808080808080ULL) == 0) {
                offset += 8;
                continue;
            }
        }
        if (is_hangul_syllable_at(text, offset)) {
            offset += 3;
            continue;
        }
        const int32_t c = next_code_point(text, offset);
        if (c < 0) return false;  // invalid UTF-8: ICU's path makes it U+FFFD
        if (c >= 0x80 && !nfc.isInert(c)) return false;
    }
    return true;
}

// NFC by ICU, in UTF-8 when the text is valid and already normalised, else through UTF-16.
std::string normalize_with_icu(std::string_view text, const icu::Normalizer2& nfc) {
    UErrorCode status = U_ZERO_ERROR;
    if (is_valid_utf8(text) && nfc.isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status) &&
        U_SUCCESS(status))
        return std::string(text);
    status = U_ZERO_ERROR;
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    if (nfc.isNormalized(input, status) && U_SUCCESS(status)) {
        std::string out;
        return input.toUTF8String(out);
    }
    status = U_ZERO_ERROR;
    const icu::UnicodeString normalized = nfc.normalize(input, status);
    if (U_FAILURE(status)) throw DataError("ICU", std::string("NFC normalisation failed: ") + u_errorName(status));
    std::string out;
    return normalized.toUTF8String(out);
}

}  // namespace

std::string normalize_nfc(std::string text) {
    const icu::Normalizer2& nfc = nfc_normalizer();
    if (is_plainly_nfc(text, nfc)) return text;
    return normalize_with_icu(text, nfc);
}

std::size_t count_code_points(std::string_view text) {
    // Every byte but a continuation byte (10xxxxxx) starts a code point; continuation bytes are
    // counted eight at a time, by their high bit set and the next bit clear.
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    std::size_t continuations = 0;
    std::size_t k = 0;
    for (; k + 8 <= text.size(); k += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + k, sizeof word);
        const std::uint64_t marks = (word & ~(word << 1) & kHighBits) >> 7;  // 1 in each continuation byte
        continuations += static_cast<std::size_t>((marks * 0x0101010101010101ULL) >> 56);
    }
    for (; k < text.size(); ++k) {
        if ((static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) ++continuations;
    }
    return text.size() - continuations;
}

std::u32string to_code_points(std::string_view text) {
    std::u32string out;
    assign_code_points(text, out);
    return out;
}

void assign_code_points(std::string_view text, std::u32string& out) {
    // Sized for the most code points the bytes can hold, then cut to those decoded: no
    // capacity check per code point (anchor extraction decodes every sentence).
    out.resize(text.size());
    char32_t* next = out.data();
    std::size_t offset = 0;
    while (offset < text.size()) {
        const int32_t c = next_code_point(text, offset);
        *next++ = c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
    }
    out.resize(static_cast<std::size_t>(next - out.data()));
}

std::string to_utf8(std::u32string_view text) {
    std::string out;
    append_utf8(text, out);
    return out;
}

void append_utf8(std::u32string_view text, std::string& out) {
    // Sized for four bytes a code point, then cut to those written: no capacity check per byte.
    const std::size_t start = out.size();
    out.resize(start + 4 * text.size());
    char* next = out.data() + start;
    for (const char32_t c : text) {
        if (c < 0x80) {
            *next++ = static_cast<char>(c);
        } else if (c < 0x800) {
            *next++ = static_cast<char>(0xC0 | (c >> 6));
            *next++ = static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *next++ = static_cast<char>(0xE0 | (c >> 12));
            *next++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            *next++ = static_cast<char>(0x80 | (c & 0x3F));
        } else {
            *next++ = static_cast<char>(0xF0 | (c >> 18));
            *next++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            *next++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            *next++ = static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    out.resize(static_cast<std::size_t>(next - out.data()));
}

}  // namespace artalign
