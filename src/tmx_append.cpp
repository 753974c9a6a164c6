// Appending units to an existing TMX memory: read safely in chunks, keep its bytes, splice the
// new units in before </body>, validate the merged file, then replace atomically.
#include "artalign/tmx_append.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

#include "artalign/atomic_file.hpp"
#include "artalign/error.hpp"
#include "artalign/output_lock.hpp"
#include "artalign/output_target.hpp"
#include "artalign/tmx_validator.hpp"
#include "artalign/unit_set.hpp"
#include "detail/byte_source.hpp"
#include "tmx_reading.hpp"

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

// Skips white space, comments and processing instructions; false on an unterminated one.
bool skip_misc(std::string_view& rest) {
    for (;;) {
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t' || rest.front() == '\r' || rest.front() == '\n'))
            rest.remove_prefix(1);
        const char* closer = rest.substr(0, 4) == "<!--" ? "-->" : rest.substr(0, 2) == "<?" ? "?>" : nullptr;
        if (closer == nullptr) return true;
        const auto end = rest.find(closer, 2);
        if (end == std::string_view::npos) return false;
        rest.remove_prefix(end + std::string_view(closer).size());
    }
}

// True when `rest` is optional white space, ">" ... i.e. the end of a tag, then only
// comments, PIs and white space, "</tmx>", and more of the same to the end of the file.
bool closes_tmx(std::string_view rest) {
    if (!skip_misc(rest) || rest.substr(0, 5) != "</tmx") return false;
    rest.remove_prefix(5);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t' || rest.front() == '\r' || rest.front() == '\n'))
        rest.remove_prefix(1);
    if (rest.empty() || rest.front() != '>') return false;
    rest.remove_prefix(1);
    return skip_misc(rest) && rest.empty();
}

// Where the memory's body ends. The document is known to be well-formed TMX with <body> as
// the last element of <tmx>, so the last "</body" followed only by the end of the document is
// the real one (one inside a later comment or PI cannot be followed by a proper end).
struct BodyEnd {
    std::size_t start;             // of "</body" or of "<body" when self-closing
    std::size_t end;               // one past the tag's ">"
    bool self_closing;
};

std::optional<BodyEnd> find_body_end(std::string_view text) {
    const auto tag_end = [&](std::size_t from, std::string_view closer) -> std::optional<std::size_t> {
        std::size_t k = from;
        while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\n')) ++k;
        if (text.substr(k, closer.size()) != closer) return std::nullopt;
        return k + closer.size();
    };
    for (std::size_t at = text.rfind("</body"); at != std::string_view::npos;
         at = at == 0 ? std::string_view::npos : text.rfind("</body", at - 1)) {
        const auto end = tag_end(at + 6, ">");
        if (end && closes_tmx(text.substr(*end))) return BodyEnd{at, *end, false};
    }
    for (std::size_t at = text.rfind("<body"); at != std::string_view::npos;
         at = at == 0 ? std::string_view::npos : text.rfind("<body", at - 1)) {
        const auto end = tag_end(at + 5, "/>");
        if (end && closes_tmx(text.substr(*end))) return BodyEnd{at, *end, true};
    }
    return std::nullopt;
}

// find_body_end over a file, reading only its tail: the body ends near the end of the
// document, after which come only comments and white space. The window grows when they are long.
std::optional<BodyEnd> find_body_end(detail::ByteSource& bytes) {
    const std::uint64_t size = bytes.size();
    for (std::uint64_t window = 64 * 1024;; window *= 4) {
        const std::uint64_t start = size > window ? size - window : 0;
        std::string tail(static_cast<std::size_t>(size - start), '\0');
        tail.resize(bytes.read_at(start, tail.data(), tail.size()));
        if (auto found = find_body_end(tail)) {
            found->start += start;
            found->end += start;
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

// The <tu> lines of a document written by tmx_document: everything between the line after
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

}  // namespace

AppendReport append_tmx(const std::filesystem::path& memory, const std::vector<TranslationUnit>& units,
                        const TmxOptions& options, const std::filesystem::path& dtd, bool dedupe,
                        std::chrono::milliseconds lock_timeout) {
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
    {
        char start[2] = {};
        const std::string_view bom(start, bytes.read_at(0, start, sizeof start));
        if (bom == "\xFF\xFE" || bom == "\xFE\xFF")
            throw InputError(name, "is UTF-16; artalign appends to UTF-8 TMX only (convert it with iconv -t UTF-8)");
    }

    AppendReport result;
    UnitSet existing_keys;  // 128-bit hashes: 16-32 bytes a unit of the memory, whatever its text
    std::size_t highest_tuid = 0;
    {
        // Keys and tuids are gathered unit by unit during the check, before the memory is
        // known to be acceptable; they are only used when it is.
        const auto gather = [&](xmlNode* tu) {
            if (xmlChar* tuid = xmlGetNoNsProp(tu, reinterpret_cast<const xmlChar*>("tuid"))) {
                const std::string_view digits(reinterpret_cast<const char*>(tuid));
                std::size_t value = 0;
                const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
                if (error == std::errc() && end == digits.data() + digits.size() && value > highest_tuid)
                    highest_tuid = value;
                xmlFree(tuid);
            }
            std::optional<std::string> source;
            std::optional<std::string> target;
            detail::for_each_child(tu, "tuv", [&](xmlNode* tuv) {
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
            if (dedupe && source && target) existing_keys.insert(*source, *target);
        };
        const TmxReport report = detail::scan_tmx(bytes, dtd, gather);
        if (report.declares_entities)
            throw InputError(name, "its DOCTYPE declares entities; refused without expanding or fetching anything");
        if (!report.well_formed) throw InputError(name, "not well-formed XML (" + first_problem(report) + ")");
        if (!report.is_tmx) throw InputError(name, "not a TMX memory (" + first_problem(report) + ")");
        if (!report.encoding.empty() && !detail::same_language(report.encoding, "UTF-8"))
            throw InputError(name, "is encoded in " + report.encoding +
                                       "; artalign appends to UTF-8 TMX only (convert it with iconv -t UTF-8)");
        if (!report.srclang.empty() && !detail::same_language(report.srclang, options.source_language))
            throw InputError(name, fmt::format("its srclang is '{}' but this run's source language is '{}' "
                                               "(give --srclang {} or another memory)",
                                               report.srclang, options.source_language, report.srclang));
        if (!report.valid())
            throw InputError(name, fmt::format("not valid TMX 1.4b ({}); 'artalign validate {}' lists every problem",
                                               first_problem(report), name));
        result.existing_units = report.units;
    }

    std::vector<TranslationUnit> fresh;
    for (const TranslationUnit& unit : units) {
        TranslationUnit cleaned = unit;
        cleaned.source = clean_segment_text(unit.source);
        cleaned.target = clean_segment_text(unit.target);
        if (cleaned.source.empty() || cleaned.target.empty()) {
            ++result.empty;
        } else if (dedupe && existing_keys.contains(cleaned.source, cleaned.target)) {
            ++result.already_there;
        } else {
            fresh.push_back(std::move(cleaned));
        }
    }
    if (fresh.empty()) return result;  // nothing new: the memory is not rewritten

    TmxOptions numbered = options;
    numbered.first_tuid = highest_tuid + 1;
    const std::string written = tmx_document(fresh, numbered);
    const std::string_view block = unit_lines(written);
    const auto body_end = find_body_end(bytes);
    if (block.empty() || !body_end)
        throw InputError(name, "cannot find where its <body> ends; left as it was");

    // The merged file: the memory's bytes up to the insertion point, the new units, the rest.
    AtomicFile file(memory);
    if (body_end->self_closing) {
        copy_range(bytes, 0, body_end->start, file);
        file.append("<body>\n");
        file.append(block);
        file.append("  </body>");
        copy_range(bytes, body_end->end, bytes.size(), file);
    } else {
        // Insert at the start of the line holding </body> when only indentation precedes it.
        std::uint64_t at = body_end->start;
        char previous = '\0';  // the byte before `at`
        while (at > 0 && bytes.read_at(at - 1, &previous, 1) == 1 && (previous == ' ' || previous == '\t')) --at;
        copy_range(bytes, 0, at, file);
        if (at == 0 || previous != '\n') file.append("\n");
        file.append(block);
        copy_range(bytes, at, bytes.size(), file);
    }

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
