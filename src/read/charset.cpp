// Decoding page bytes to UTF-8 with ICU: declared charsets first, the detector as a fallback.
#include "read/charset.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "artalign/error.hpp"
#include "util/text.hpp"

namespace artalign {
namespace {

struct CloseConverter {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};
struct CloseDetector {
    void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return out;
}

std::string trim_label(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t\r\n\"'");
    if (begin == std::string_view::npos) return {};
    const auto end = text.find_first_of(" \t\r\n\"';,>/", begin);
    return std::string(text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
}

// The value after "charset=" in `text` (already lower-cased), or empty.
std::string charset_parameter(const std::string& lowered, std::size_t from = 0) {
    const auto at = lowered.find("charset", from);
    if (at == std::string::npos) return {};
    std::size_t k = at + 7;
    while (k < lowered.size() && (lowered[k] == ' ' || lowered[k] == '\t')) ++k;
    if (k >= lowered.size() || lowered[k] != '=') return {};
    return trim_label(std::string_view(lowered).substr(k + 1));
}

// Binary files hold NULs or many C0 control bytes; text and HTML do not, once decoded. In raw
// bytes of an undeclared charset, ESC, SO and SI are not counted: the 7-bit ISO-2022 encodings
// (ISO-2022-KR shifts every Korean run out and back in) are made of them.
bool looks_binary(std::string_view text, bool allow_iso2022_controls) {
    const std::string_view head = text.substr(0, 8192);
    std::size_t controls = 0;
    for (const char byte : head) {
        const auto c = static_cast<unsigned char>(byte);
        if (c == 0) return true;
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r' || c == '\f') continue;
        if (allow_iso2022_controls && (c == 0x1B || c == 0x0E || c == 0x0F)) continue;
        ++controls;
    }
    return controls * 20 > head.size();  // more than 5 %
}

// An ISO-2022 designation ("ESC $ ) C" for KR, "ESC $ B" for JP...): 7-bit bytes that are valid
// UTF-8 but mean something else.
bool has_iso2022_escape(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 65536);
    for (std::size_t at = head.find('\x1B'); at != std::string_view::npos; at = head.find('\x1B', at + 1)) {
        if (at + 1 < head.size() && (head[at + 1] == '$' || head[at + 1] == '(')) return true;
    }
    return false;
}

bool converter_exists(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, CloseConverter> converter(ucnv_open(name.c_str(), &status));
    return U_SUCCESS(status) && converter != nullptr;
}

std::string convert(std::string_view bytes, const std::string& converter_name, const std::string& source) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, CloseConverter> from(ucnv_open(converter_name.c_str(), &status));
    if (U_FAILURE(status)) throw DataError(source, "ICU cannot open charset converter " + converter_name);
    std::unique_ptr<UConverter, CloseConverter> to(ucnv_open("UTF-8", &status));
    if (U_FAILURE(status)) throw DataError(source, "ICU cannot open the UTF-8 converter");
    // Most charsets give at most 3 UTF-8 bytes for each input byte (a byte maps to at most one
    // BMP character); the few that can give more (SCSU, BOCU-1) get a second, larger try. Room
    // is left for the terminator ICU writes when it fits.
    for (const std::size_t per_byte : {std::size_t{3}, std::size_t{4}}) {
        std::string out(bytes.size() * per_byte + 16, '\0');
        char* target = out.data();
        const char* input = bytes.data();
        status = U_ZERO_ERROR;
        ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &input, bytes.data() + bytes.size(),
                       nullptr, nullptr, nullptr, nullptr, true, true, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR && per_byte == 3) continue;
        if (U_FAILURE(status))
            throw DataError(source, "converting from " + converter_name + " failed: " + u_errorName(status));
        out.resize(static_cast<std::size_t>(target - out.data()));
        return out;
    }
    throw DataError(source, "converting from " + converter_name + " failed: the text grew more than 4 times");
}

// True when every byte sequence of `bytes` is valid in `converter_name` (no illegal or
// unassigned sequence, which ICU would otherwise replace).
bool valid_in(std::string_view bytes, const std::string& converter_name) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, CloseConverter> converter(ucnv_open(converter_name.c_str(), &status));
    if (U_FAILURE(status)) return false;
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) return false;
    std::vector<UChar> chunk(4096);
    const char* input = bytes.data();
    const char* const end = bytes.data() + bytes.size();
    do {
        UChar* target = chunk.data();
        status = U_ZERO_ERROR;
        ucnv_toUnicode(converter.get(), &target, chunk.data() + chunk.size(), &input, end, nullptr, true, &status);
    } while (status == U_BUFFER_OVERFLOW_ERROR);
    return U_SUCCESS(status);
}

bool all_ascii(std::string_view bytes) {
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string detect(std::string_view bytes, const std::string& source) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, CloseDetector> detector(ucsdet_open(&status));
    if (U_FAILURE(status)) throw DataError(source, "ICU charset detector unavailable");
    ucsdet_enableInputFilter(detector.get(), true);  // ignore markup, look at text
    // The detector reads at most its sample; 64 KB is plenty and keeps big pages cheap.
    const std::string_view sample = bytes.substr(0, 65536);
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
    if (U_FAILURE(status) || match == nullptr) return "UTF-8";
    const char* name = ucsdet_getName(match, &status);
    if (U_FAILURE(status) || name == nullptr) return "UTF-8";
    return converter_for_label(name);
}

}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
    return charset_parameter(lower_ascii(content_type));
}

std::string charset_from_meta(std::string_view html) {
    const std::string head = lower_ascii(html.substr(0, 4096));
    std::size_t at = 0;
    while ((at = head.find("<meta", at)) != std::string::npos) {
        const auto end = head.find('>', at);
        const std::string tag = head.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (std::string label = charset_parameter(tag); !label.empty()) return label;
        at += 5;
    }
    return {};
}

std::string converter_for_label(std::string_view label) {
    const std::string lowered = lower_ascii(label);
    for (const char* korean : {"euc-kr", "euc_kr", "euckr", "cp949", "ms949", "uhc", "windows-949", "x-windows-949",
                               "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "korean", "iso-ir-149",
                               "csksc56011987", "csEUCKR"}) {
        if (lowered == lower_ascii(korean)) return "windows-949";
    }
    for (const char* western : {"iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252"}) {
        if (lowered == western) return "windows-1252";
    }
    if (lowered == "utf8" || lowered == "utf-8" || lowered == "unicode-1-1-utf-8") return "UTF-8";
    return std::string(label);
}

DecodedPage decode_page(std::string_view bytes, std::string_view content_type, const std::string& source) {
    DecodedPage page;
    // A byte-order mark wins over everything (as in the WHATWG encoding sniffing algorithm).
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        page.text = std::string(bytes.substr(3));
        page.charset = "UTF-8";
        page.origin = "BOM";
        if (!is_valid_utf8(page.text)) page.text = convert(bytes.substr(3), "UTF-8", source);
        return page;
    }
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        page.charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        page.origin = "BOM";
        page.text = convert(bytes.substr(2), page.charset, source);
        return page;
    }
    for (const auto& [label, origin] : {std::pair{charset_from_content_type(content_type), "HTTP header"},
                                        std::pair{charset_from_meta(bytes), "<meta>"}}) {
        if (label.empty()) continue;
        const std::string converter = converter_for_label(label);
        if (!converter_exists(converter)) continue;
        page.charset = converter;
        page.origin = origin;
        // A page re-saved as UTF-8 that kept its old declaration: what browsers would show as
        // mojibake. Only when the declared charset cannot read the bytes and UTF-8 can.
        if (converter != "UTF-8" && !all_ascii(bytes) && is_valid_utf8(bytes) && !has_iso2022_escape(bytes) &&
            !valid_in(bytes, converter)) {
            page.charset = "UTF-8";
            page.origin = "valid UTF-8, not the declared " + label;
            page.warning = "the page declares charset " + label + " (" + origin +
                           "), but its bytes are not valid in it and are valid UTF-8: read as UTF-8";
        }
        break;
    }
    if (page.charset.empty()) {
        if (looks_binary(bytes, true)) throw InputError(source, "looks like a binary file, not an HTML page");
        if (is_valid_utf8(bytes) && !has_iso2022_escape(bytes)) {
            page.charset = "UTF-8";
            page.origin = "valid UTF-8";
        } else {
            page.charset = detect(bytes, source);
            page.origin = "detected";
        }
    }
    if (page.charset == "UTF-8" && is_valid_utf8(bytes)) {
        page.text = std::string(bytes);
    } else {
        page.text = convert(bytes, page.charset, source);
    }
    // Judged on the decoded text: a declared charset may legitimately use NULs (UTF-16) or
    // control bytes (ISO-2022, EBCDIC) that its text does not hold.
    if (looks_binary(page.text, false)) throw InputError(source, "looks like a binary file, not an HTML page");
    return page;
}

}  // namespace artalign
