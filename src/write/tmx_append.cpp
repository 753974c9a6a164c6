// Appending units to an existing TMX memory: read safely in chunks, keep its bytes, splice the
// new units in before </body>, validate the merged file, then replace atomically.
#include "write/tmx_append.hpp"

#include <fmt/format.h>
#include <libxml/tree.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <cstdint>
#include <optional>
#include <string_view>

#include "util/atomic_file.hpp"
#include "artalign/error.hpp"
#include "util/output_lock.hpp"
#include "util/output_target.hpp"
#include "write/tmx_validator.hpp"
#include "util/unit_set.hpp"
#include "write/unit_selection.hpp"
#include "read/byte_source.hpp"
#include "write/tmx_checks.hpp"
#include "write/tmx_elements.hpp"
#include "write/tmx_reading.hpp"

namespace artalign {
namespace {

std::string node_text(xmlNode* node) {
    xmlChar* content = xmlNodeGetContent(node);
    std::string text = content == nullptr ? std::string() : reinterpret_cast<const char*>(content);
    xmlFree(content);
    return text;
}

std::string first_problem(const TmxReport& report) {
    if (report.problems.empty()) return "unknown problem";
    const TmxProblem& problem = report.problems.front();
    return problem.line > 0 ? fmt::format("line {}: {}", problem.line, problem.message) : problem.message;
}

// The memory's bytes seen as code units: one byte (UTF-8 and the other ASCII-compatible
// encodings, where "<", ">" and white space are single bytes that never occur inside a
// multi-byte character) or two (UTF-16, either byte order).
struct CodeUnits {
    int width = 1;
    bool big_endian = false;
};

CodeUnits code_units_of(detail::ByteSource& bytes) {
    unsigned char start[4] = {};
    const std::size_t got = bytes.read_at(0, reinterpret_cast<char*>(start), sizeof start);
    if (got >= 2 && start[0] == 0xFF && start[1] == 0xFE) return {2, false};
    if (got >= 2 && start[0] == 0xFE && start[1] == 0xFF) return {2, true};
    if (got == 4 && start[0] == '<' && start[1] == 0 && start[2] == '?' && start[3] == 0) return {2, false};
    if (got == 4 && start[0] == 0 && start[1] == '<' && start[2] == 0 && start[3] == '?') return {2, true};
    return {};
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Compares code units at `at` with ASCII `word`.
bool has_at(std::u32string_view text, std::size_t at, std::string_view word) {
    if (at + word.size() > text.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        if (text[at + k] != static_cast<char32_t>(static_cast<unsigned char>(word[k]))) return false;
    }
    return true;
}

std::size_t find_ascii(std::u32string_view text, std::string_view word, std::size_t from) {
    for (std::size_t at = from; at + word.size() <= text.size(); ++at) {
        if (has_at(text, at, word)) return at;
    }
    return std::u32string_view::npos;
}

std::size_t rfind_ascii(std::u32string_view text, std::string_view word, std::size_t before) {
    for (std::size_t at = std::min(before, text.size()); at-- > 0;) {
        if (has_at(text, at, word)) return at;
    }
    return std::u32string_view::npos;
}

// Skips white space, comments and processing instructions; false on an unterminated one.
bool skip_misc(std::u32string_view& rest) {
    for (;;) {
        while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
        const char* closer = has_at(rest, 0, "<!--") ? "-->" : has_at(rest, 0, "<?") ? "?>" : nullptr;
        if (closer == nullptr) return true;
        const auto end = find_ascii(rest, closer, 2);
        if (end == std::u32string_view::npos) return false;
        rest.remove_prefix(end + std::string_view(closer).size());
    }
}

// True when `rest` is comments, PIs and white space, "</tmx>", and more of the same to the end.
bool closes_tmx(std::u32string_view rest) {
    if (!skip_misc(rest) || !has_at(rest, 0, "</tmx")) return false;
    rest.remove_prefix(5);
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    if (rest.empty() || rest.front() != '>') return false;
    rest.remove_prefix(1);
    return skip_misc(rest) && rest.empty();
}

// Where the new units go, in code units of the text searched. The document is known to be
// well-formed TMX with <body> as the last element of <tmx>, so the last "</body" followed only
// by the end of the document is the real one (one inside a later comment or PI cannot be
// followed by a proper end).
struct Insertion {
    std::size_t at;            // where the new units start: the line of </body> (after its
                               // indentation's start), or the start of a self-closing <body/>
    std::size_t resume;        // where the memory's bytes resume (== at unless self-closing)
    bool self_closing;         // <body/>: becomes <body> ... </body>
    bool needs_line_break;     // </body> shares its line with other markup
    bool crlf;                 // the memory ends its lines with CR LF
};

std::optional<Insertion> find_insertion(std::u32string_view text) {
    const auto tag_end = [&](std::size_t from, std::string_view closer) -> std::optional<std::size_t> {
        std::size_t k = from;
        while (k < text.size() && is_space(text[k])) ++k;
        if (!has_at(text, k, closer)) return std::nullopt;
        return k + closer.size();
    };
    const auto crlf_before = [&](std::size_t at) {
        const auto line_end = rfind_ascii(text, "\n", at);
        return line_end != std::u32string_view::npos && line_end > 0 && text[line_end - 1] == '\r';
    };
    for (std::size_t at = rfind_ascii(text, "</body", text.size()); at != std::u32string_view::npos;
         at = rfind_ascii(text, "</body", at)) {
        const auto end = tag_end(at + 6, ">");
        if (!end || !closes_tmx(text.substr(*end))) continue;
        std::size_t line = at;  // insert at the start of the line when only indentation precedes </body>
        while (line > 0 && (text[line - 1] == ' ' || text[line - 1] == '\t')) --line;
        const bool own_line = line > 0 && text[line - 1] == '\n';
        return Insertion{own_line ? line : at, own_line ? line : at, false, !own_line, crlf_before(at)};
    }
    for (std::size_t at = rfind_ascii(text, "<body", text.size()); at != std::u32string_view::npos;
         at = rfind_ascii(text, "<body", at)) {
        const auto end = tag_end(at + 5, "/>");
        if (end && closes_tmx(text.substr(*end))) return Insertion{at, *end, true, false, crlf_before(at)};
    }
    return std::nullopt;
}

// find_insertion over a file, reading only its tail: the body ends near the end of the
// document, after which come only comments and white space. The window grows when they are
// long. Offsets come back in bytes.
std::optional<Insertion> find_insertion(detail::ByteSource& bytes, CodeUnits units) {
    const std::uint64_t size = bytes.size();
    for (std::uint64_t window = 64 * 1024;; window *= 4) {
        std::uint64_t start = size > window ? size - window : 0;
        start -= start % static_cast<std::uint64_t>(units.width);
        std::string tail(static_cast<std::size_t>(size - start), '\0');
        tail.resize(bytes.read_at(start, tail.data(), tail.size()));
        std::u32string text;
        for (std::size_t k = 0; k + static_cast<std::size_t>(units.width) <= tail.size(); k += static_cast<std::size_t>(units.width)) {
            const auto byte = [&](std::size_t n) { return static_cast<char32_t>(static_cast<unsigned char>(tail[k + n])); };
            text.push_back(units.width == 1 ? byte(0) : units.big_endian ? (byte(0) << 8 | byte(1)) : (byte(1) << 8 | byte(0)));
        }
        if (auto found = find_insertion(text)) {
            found->at = static_cast<std::size_t>(start) + found->at * static_cast<std::size_t>(units.width);
            found->resume = static_cast<std::size_t>(start) + found->resume * static_cast<std::size_t>(units.width);
            return found;
        }
        if (start == 0) return std::nullopt;
    }
}

// Copies bytes [from, to) of `bytes` to the end of `file`, a chunk at a time.
void copy_range(detail::ByteSource& bytes, std::uint64_t from, std::uint64_t to, AtomicFile& file) {
    std::string chunk(1 << 20, '\0');
    while (from < to) {
        const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), to - from));
        const std::size_t got = bytes.read_at(from, chunk.data(), want);
        if (got != want) throw InputError(bytes.name(), "changed while it was being read; left as it was");
        file.append(std::string_view(chunk.data(), got));
        from += got;
    }
}

// The <tu> lines of a document written by TmxElementWriter: everything between the line after
// "<body>" and the line holding "</body>".
std::string_view unit_lines(std::string_view document) {
    const auto body = document.find("<body>");
    const auto first = document.find('\n', body);
    const auto close = document.rfind("</body>");
    const auto last = document.rfind('\n', close);
    if (body == std::string_view::npos || first == std::string_view::npos || close == std::string_view::npos ||
        last == std::string_view::npos || last < first)
        return {};
    return document.substr(first + 1, last - first);
}

// A tuid that is a number, as a decimal without leading zeros ("" for any other tuid).
std::string decimal_tuid(std::string_view tuid) {
    if (tuid.empty() || !std::all_of(tuid.begin(), tuid.end(), [](char c) { return c >= '0' && c <= '9'; })) return {};
    const auto first = tuid.find_first_not_of('0');
    return first == std::string_view::npos ? "0" : std::string(tuid.substr(first));
}

bool decimal_less(const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

std::string decimal_plus_one(std::string number) {
    for (std::size_t k = number.size(); k-- > 0;) {
        if (number[k] != '9') {
            ++number[k];
            return number;
        }
        number[k] = '0';
    }
    return "1" + number;
}

// The new units as the memory holds its own: its version's language attribute, its line
// ends, its encoding (characters it cannot hold as character references, &#NNNN;).
class UnitBlock {
public:
    UnitBlock(const std::string& memory, const std::string& encoding, CodeUnits units)
        : memory_(memory), utf8_(units.width == 1 && (encoding.empty() || detail::same_language(encoding, "UTF-8"))) {
        if (utf8_) return;
        const std::string name = units.width == 2 ? (units.big_endian ? "UTF-16BE" : "UTF-16LE") : encoding;
        UErrorCode status = U_ZERO_ERROR;
        converter_.reset(ucnv_open(name.c_str(), &status));
        if (U_SUCCESS(status))
            ucnv_setFromUCallBack(converter_.get(), UCNV_FROM_U_CALLBACK_ESCAPE, UCNV_ESCAPE_XML_DEC, nullptr, nullptr,
                                  &status);
        if (U_FAILURE(status) || !converter_)
            throw InputError(memory, fmt::format("is encoded in {}, which artalign can read but not write new units in; "
                                                 "left as it was", encoding));
    }

    std::string encode(std::string_view text, bool crlf) const {
        std::string lines;
        for (const char c : text) {
            if (c == '\n' && crlf) lines += '\r';
            lines += c;
        }
        if (utf8_) return lines;
        const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(lines);
        UErrorCode status = U_ZERO_ERROR;
        const int32_t length = unicode.extract(nullptr, 0, converter_.get(), status);
        std::string out(static_cast<std::size_t>(length), '\0');
        status = U_ZERO_ERROR;
        unicode.extract(out.data(), length, converter_.get(), status);
        if (U_FAILURE(status)) throw InputError(memory_, fmt::format("cannot encode the new units: {}", u_errorName(status)));
        return out;
    }

private:
    struct CloseConverter {
        void operator()(UConverter* converter) const { ucnv_close(converter); }
    };
    std::string memory_;
    bool utf8_;
    std::unique_ptr<UConverter, CloseConverter> converter_;
};

// What to tell a translator whose memory's srclang is not this run's source language: the
// option that makes the run's source its srclang, when one of the run's two languages is it.
std::string srclang_advice(const std::string& srclang, const TmxOptions& options, const AppendHints& hints) {
    const auto primary = [](const std::string& tag) {
        std::string code = tag.substr(0, tag.find('-'));
        for (char& c : code) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        return code;
    };
    const bool usable = detail::is_language_tag(srclang) && primary(srclang).size() >= 2;
    if (usable && (primary(srclang) == primary(options.source_language) ||
                   (hints.can_swap && primary(srclang) == primary(options.target_language))))
        return fmt::format("give {} {} or another memory", hints.srclang_option, srclang);
    return fmt::format("this run's units are {} and {}; append them to a memory whose srclang is one of those or *all*",
                       options.source_language, options.target_language);
}

}  // namespace

// The public header cannot name util's constant: its default is written out there.
static_assert(kDefaultLockTimeout == std::chrono::seconds(60), "append_tmx's default lock_timeout in artalign/tmx.hpp");

AppendReport append_tmx(const std::filesystem::path& memory, const std::vector<TranslationUnit>& units,
                        const TmxOptions& options, const std::filesystem::path& dtd, bool dedupe,
                        const AppendHints& hints, std::chrono::milliseconds lock_timeout) {
    const std::string name = output_display_name(memory);
    const OutputTarget resolved = resolve_output(memory);
    if (resolved.kind != OutputKind::file)
        throw InputError(name, (resolved.kind == OutputKind::standard_output ? std::string("cannot be merged into")
                                                                               : "is " + file_kind_name(resolved.path)) +
                                   "; --append merges into a regular file (-o writes to a device or pipe)");
    if (!resolved.exists)
        throw InputError(name, "no such file (--append merges into an existing memory; -o starts a new one)");
    const OutputLock lock = OutputLock::acquire(memory, lock_timeout);
    // The memory is read in chunks, never whole, and through one descriptor from the check to
    // the copy, so that a large memory costs little memory.
    detail::ByteSource bytes(memory);
    const CodeUnits code_units = code_units_of(bytes);

    AppendReport result;
    UnitSet existing_keys;  // 128-bit hashes: 16-32 bytes a unit of the memory, whatever its text
    // The new units' texts, and the tuid of the memory's first unit with each (found during
    // the scan): memory for the new units only, however large the memory.
    std::vector<TranslationUnit> cleaned_units;
    UnitSet new_keys;
    std::map<std::string, std::optional<std::string>> existing_tuids;  // duplicate_key -> tuid
    for (const TranslationUnit& unit : units) {
        TranslationUnit cleaned = unit;
        cleaned.source = clean_segment_text(unit.source);
        cleaned.target = clean_segment_text(unit.target);
        if (dedupe && !cleaned.source.empty() && !cleaned.target.empty()) {
            new_keys.insert(cleaned.source, cleaned.target);
            existing_tuids.emplace(duplicate_key(cleaned.source, cleaned.target), std::nullopt);
        }
        cleaned_units.push_back(std::move(cleaned));
    }
    std::string highest_tuid;  // the highest numeric tuid, in decimal: tuids can be any size
    std::optional<bool> xml_lang_form;  // the memory's first <tuv> names its language with xml:lang
    TmxReport report;
    {
        // Keys and tuids are gathered unit by unit during the check, before the memory is
        // known to be acceptable; they are only used when it is.
        const auto gather = [&](xmlNode* tu) {
            std::string tuid_text;
            if (xmlChar* tuid = xmlGetNoNsProp(tu, reinterpret_cast<const xmlChar*>("tuid"))) {
                tuid_text = reinterpret_cast<const char*>(tuid);
                xmlFree(tuid);
                const std::string number = decimal_tuid(tuid_text);
                if (!number.empty() && (highest_tuid.empty() || decimal_less(highest_tuid, number))) highest_tuid = number;
            }
            std::optional<std::string> source;
            std::optional<std::string> target;
            detail::for_each_child(tu, "tuv", [&](xmlNode* tuv) {
                if (!xml_lang_form) xml_lang_form = xmlHasNsProp(tuv, reinterpret_cast<const xmlChar*>("lang"), XML_XML_NAMESPACE) != nullptr;
                const std::string language = detail::tuv_language(tuv);
                std::optional<std::string>* side = nullptr;
                if (detail::same_language(language, options.source_language)) {
                    side = &source;
                } else if (detail::same_language(language, options.target_language)) {
                    side = &target;
                }
                if (side == nullptr || side->has_value()) return;  // other languages; first tuv wins
                detail::for_each_child(tuv, "seg", [&](xmlNode* seg) { *side = clean_segment_text(node_text(seg)); });
            });
            if (dedupe && source && target) {
                existing_keys.insert(*source, *target);
                if (new_keys.contains(*source, *target)) {
                    const auto found = existing_tuids.find(duplicate_key(*source, *target));
                    if (found != existing_tuids.end() && !found->second) found->second = tuid_text;
                }
            }
        };
        report = detail::scan_tmx(bytes, dtd, gather);
        if (report.declares_entities)
            throw InputError(name, "its DOCTYPE declares entities; refused without expanding or fetching anything");
        if (!report.well_formed) throw InputError(name, "not well-formed XML (" + first_problem(report) + ")");
        if (!report.is_tmx) throw InputError(name, "not a TMX memory (" + first_problem(report) + ")");
        if (!report.srclang.empty() && report.srclang != "*all*" &&
            !detail::same_language(report.srclang, options.source_language))
            throw InputError(name, fmt::format("its srclang is '{}' but this run's source language is '{}' ({})",
                                               report.srclang, options.source_language,
                                               srclang_advice(report.srclang, options, hints)));
        if (!report.valid())
            throw InputError(name, fmt::format("not valid TMX {} ({}); 'artalign validate {}' lists every problem",
                                               report.version, first_problem(report), name));
        result.existing_units = report.units;
    }
    const UnitBlock encoder(name, report.encoding, code_units);

    std::vector<TranslationUnit> fresh;
    std::vector<std::size_t> fresh_places;  // fresh[k] is units[fresh_places[k]]
    result.places.resize(units.size());
    for (std::size_t k = 0; k < cleaned_units.size(); ++k) {
        TranslationUnit& cleaned = cleaned_units[k];
        if (cleaned.source.empty() || cleaned.target.empty()) {
            ++result.empty;
        } else if (dedupe && existing_keys.contains(cleaned.source, cleaned.target)) {
            ++result.already_there;
            const auto found = existing_tuids.find(duplicate_key(cleaned.source, cleaned.target));
            result.places[k] = {found != existing_tuids.end() ? found->second.value_or("") : "", true};
        } else {
            fresh.push_back(std::move(cleaned));
            fresh_places.push_back(k);
        }
    }
    if (fresh.empty()) return result;  // nothing new: the memory is not rewritten

    // The new units in UTF-8, numbered on from the highest numeric tuid (any other tuid holds
    // something other than digits, or leading zeros, so it cannot equal a new one).
    const std::unique_ptr<xmlBuffer, void (*)(xmlBuffer*)> buffer(xmlBufferCreate(), xmlBufferFree);
    if (!buffer) throw OutputError(name, "cannot build the new units (out of memory?)");
    {
        detail::TmxElementWriter writer(buffer.get());
        const std::string created = tmx_timestamp(options.created);
        writer.begin_document(options, created);
        // As the memory's own units do; in an empty memory, as its version does.
        const bool xml_lang = xml_lang_form.value_or(detail::tmx_minor_version(report.version) >= 3);
        const char* language_attribute = xml_lang ? "xml:lang" : "lang";
        std::string tuid = highest_tuid.empty() ? "0" : highest_tuid;
        for (std::size_t k = 0; k < fresh.size(); ++k) {
            tuid = decimal_plus_one(tuid);
            writer.unit(fresh[k], tuid, created, options, language_attribute);
            result.places[fresh_places[k]].tuid = tuid;
        }
        writer.end_document();
    }
    const std::string_view block(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                                 static_cast<std::size_t>(xmlBufferLength(buffer.get())));
    const std::string_view lines = unit_lines(block);
    const auto insertion = find_insertion(bytes, code_units);
    if (lines.empty() || !insertion) throw InputError(name, "cannot find where its <body> ends; left as it was");

    // The merged file: the memory's bytes up to the insertion point, the new units, the rest.
    AtomicFile file(memory);
    copy_range(bytes, 0, insertion->at, file);
    if (insertion->self_closing) {
        file.append(encoder.encode("<body>\n" + std::string(lines) + "  </body>", insertion->crlf));
    } else {
        file.append(encoder.encode((insertion->needs_line_break ? "\n" : "") + std::string(lines), insertion->crlf));
    }
    copy_range(bytes, insertion->resume, bytes.size(), file);

    const TmxReport check = validate_tmx(file.temp_path(), dtd);
    if (!check.valid())
        throw OutputError(name, "the merged memory does not validate (" + first_problem(check) + "); left as it was");
    if (check.units != result.existing_units + fresh.size())
        throw OutputError(name, fmt::format("the merged memory has {} units, expected {}; left as it was", check.units,
                                            result.existing_units + fresh.size()));
    file.commit();
    result.added = fresh.size();
    return result;
}

}  // namespace artalign
