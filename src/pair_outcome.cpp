// Aligning one requested pair into an outcome, and the outcome's JSON line both ways.
#include "artalign/pair_outcome.hpp"

#include <fmt/format.h>
#include <stdlib.h>

#include <cmath>
#include <fstream>
#include <new>
#include <vector>

#include "artalign/error.hpp"
#include "artalign/json_writer.hpp"

namespace artalign {
namespace {

constexpr const char* kSchema = "artalign-pair/1";

// A private directory for inline pages, removed with everything in it.
class TemporaryDirectory {
public:
    TemporaryDirectory() {
        std::string pattern = (std::filesystem::temp_directory_path() / "artalign-pair-XXXXXX").string();
        std::vector<char> name(pattern.begin(), pattern.end());
        name.push_back('\0');
        if (::mkdtemp(name.data()) == nullptr) throw OutputError(pattern, "cannot create a temporary directory");
        path_ = name.data();
    }
    ~TemporaryDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TemporaryDirectory(const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

    std::filesystem::path write(const std::string& name, const std::string& content) const {
        const auto file = path_ / name;
        std::ofstream out(file, std::ios::binary);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.close();
        if (!out) throw OutputError(file.string(), "cannot write an inline page to a temporary file");
        return file;
    }

private:
    std::filesystem::path path_;
};

PairOutcome aligned_outcome(const PairRequest& request, const AlignedPair& pair, const CoverageReport& report) {
    PairOutcome outcome;
    outcome.key = request.key;
    outcome.id = request.id;
    outcome.status = PairStatus::aligned;
    outcome.source_language = pair.original.language;
    outcome.target_language = pair.translation.language;
    outcome.units = pair.translation_units();
    // As artalign align marks them, so that batch and align give the same units.
    if (report.likely_not_translation) {
        for (TranslationUnit& unit : outcome.units) unit.warning = "probably not a translation";
    }
    outcome.index.title = pair.translation.title;
    outcome.index.original_title = pair.original.title;
    outcome.index.summary = report.summary;
    outcome.index.omitted_paragraphs = report.omitted_paragraphs;
    outcome.index.alignment_score = report.alignment_score;
    outcome.index.likely_not_translation = report.likely_not_translation;
    outcome.coverage_json = coverage_report_json(pair, report, 0);
    return outcome;
}

const JsonValue& required(const JsonValue& object, const char* name, const std::string& source) {
    const JsonValue* value = object.find(name);
    if (value == nullptr) throw InputError(source, std::string("not an artalign pair record: no \"") + name + "\"");
    return *value;
}

std::string optional_string(const JsonValue& object, const char* name) {
    const JsonValue* value = object.find(name);
    return value == nullptr ? std::string() : value->as_string();
}

// Written by hand rather than with JsonWriter so that scores keep every digit ({} is the
// shortest text that reads back as the same double): the TMX rounds them once, not twice.
std::string units_json(const std::vector<TranslationUnit>& units) {
    std::string out = "[";
    for (const TranslationUnit& unit : units) {
        if (out.size() > 1) out.push_back(',');
        out += "{\"source\":" + json_quote(unit.source) + ",\"target\":" + json_quote(unit.target) +
               ",\"bead\":" + json_quote(unit.bead_type) +
               ",\"score\":" + (std::isfinite(unit.score) ? fmt::format("{}", unit.score) : std::string("0")) +
               ",\"source_url\":" + json_quote(unit.source_url) + ",\"target_url\":" + json_quote(unit.target_url) +
               ",\"date\":" + json_quote(unit.article_date) + ",\"title\":" + json_quote(unit.article_title);
        if (!unit.warning.empty()) out += ",\"warning\":" + json_quote(unit.warning);
        out.push_back('}');
    }
    out.push_back(']');
    return out;
}

}  // namespace

const char* to_string(PairStatus status) {
    switch (status) {
        case PairStatus::aligned: return "aligned";
        case PairStatus::skipped: return "skipped";
        case PairStatus::failed: return "failed";
    }
    return "failed";
}

PairOutcome process_pair(const Pipeline& pipeline, const PairRequest& request, const AlignedPairHook& hook) {
    PairOutcome outcome;
    outcome.key = request.key;
    outcome.id = request.id;
    try {
        PairInput input = request.input;
        std::optional<TemporaryDirectory> inline_pages;
        if (request.translation_html) {
            inline_pages.emplace();
            input.translation_page = inline_pages->write("translation.html", *request.translation_html);
            if (request.original_html) input.original_page = inline_pages->write("original.html", *request.original_html);
        }
        const AlignedPair pair = pipeline.align_pages(input);
        const CoverageReport report = build_coverage_report(pair);
        if (hook) hook(pair, report);
        return aligned_outcome(request, pair, report);
    } catch (const NotTranslatedArticleError& error) {
        outcome.status = PairStatus::skipped;
        outcome.reason = error.what();
    } catch (const Error& error) {
        outcome.status = PairStatus::failed;
        outcome.reason = error.what();
    } catch (const std::bad_alloc&) {
        outcome.status = PairStatus::failed;
        outcome.reason = request.key + ": out of memory";
    } catch (const std::exception& error) {
        outcome.status = PairStatus::failed;
        outcome.reason = request.key + ": internal error: " + error.what();
    }
    return outcome;
}

std::string pair_outcome_json(const PairOutcome& outcome) {
    JsonWriter json;
    json.begin_object().key("schema").value(kSchema).key("key").value(outcome.key);
    std::string line = json.str();
    // JsonWriter has no raw values, so the id (any scalar) and the coverage object are spliced in.
    if (outcome.id) line += ",\"id\":" + json_serialize(*outcome.id);

    JsonWriter rest;
    rest.begin_object().key("status").value(to_string(outcome.status));
    if (!outcome.reason.empty()) rest.key("reason").value(outcome.reason);
    if (outcome.status == PairStatus::aligned) {
        rest.key("source_language").value(outcome.source_language);
        rest.key("target_language").value(outcome.target_language);
        const CoverageIndexEntry& index = outcome.index;
        const CoverageSummary& s = index.summary;
        rest.key("index").begin_object()
            .key("title").value(index.title)
            .key("original_title").value(index.original_title)
            .key("href").value(index.href)
            .key("omitted_paragraphs").value(index.omitted_paragraphs)
            .key("alignment_score").value(index.alignment_score)
            .key("likely_not_translation").value(index.likely_not_translation)
            .key("summary").begin_object()
            .key("source_sentences").value(s.source_sentences)
            .key("covered_sentences").value(s.covered_sentences)
            .key("source_chars").value(s.source_chars)
            .key("covered_chars").value(s.covered_chars)
            .key("untranslated").value(s.untranslated)
            .key("additions").value(s.additions)
            .key("units").value(s.units)
            .end_object()
            .end_object();
    }
    rest.end_object();
    std::string tail = rest.str();  // {"status":...}
    line += "," + tail.substr(1, tail.size() - 2);
    if (outcome.status == PairStatus::aligned) line += ",\"units\":" + units_json(outcome.units);
    if (outcome.status == PairStatus::aligned) line += ",\"coverage\":" + outcome.coverage_json;
    line += "}";
    return line;
}

PairOutcome parse_pair_outcome(const JsonValue& value, const std::string& source) {
    if (!value.is_object()) throw InputError(source, "not an artalign pair record: not a JSON object");
    try {
        if (required(value, "schema", source).as_string() != kSchema)
            throw InputError(source, std::string("not an artalign pair record: schema is not ") + kSchema);
        PairOutcome outcome;
        outcome.key = required(value, "key", source).as_string();
        if (const JsonValue* id = value.find("id")) outcome.id = *id;
        const std::string& status = required(value, "status", source).as_string();
        if (status == "aligned") outcome.status = PairStatus::aligned;
        else if (status == "skipped") outcome.status = PairStatus::skipped;
        else if (status == "failed") outcome.status = PairStatus::failed;
        else throw InputError(source, "unknown status \"" + status + "\"");
        outcome.reason = optional_string(value, "reason");
        if (outcome.status != PairStatus::aligned) return outcome;

        outcome.source_language = required(value, "source_language", source).as_string();
        outcome.target_language = required(value, "target_language", source).as_string();
        for (const JsonValue& item : required(value, "units", source).items()) {
            TranslationUnit unit;
            unit.source = required(item, "source", source).as_string();
            unit.target = required(item, "target", source).as_string();
            unit.bead_type = required(item, "bead", source).as_string();
            unit.score = required(item, "score", source).as_number();
            unit.source_url = required(item, "source_url", source).as_string();
            unit.target_url = required(item, "target_url", source).as_string();
            unit.article_date = required(item, "date", source).as_string();
            unit.article_title = required(item, "title", source).as_string();
            unit.warning = optional_string(item, "warning");
            outcome.units.push_back(std::move(unit));
        }
        const JsonValue& index = required(value, "index", source);
        outcome.index.title = required(index, "title", source).as_string();
        outcome.index.original_title = required(index, "original_title", source).as_string();
        outcome.index.href = required(index, "href", source).as_string();
        outcome.index.omitted_paragraphs = required(index, "omitted_paragraphs", source).as_size();
        outcome.index.alignment_score = required(index, "alignment_score", source).as_number();
        outcome.index.likely_not_translation = required(index, "likely_not_translation", source).as_boolean();
        const JsonValue& summary = required(index, "summary", source);
        CoverageSummary& s = outcome.index.summary;
        s.source_sentences = required(summary, "source_sentences", source).as_size();
        s.covered_sentences = required(summary, "covered_sentences", source).as_size();
        s.source_chars = required(summary, "source_chars", source).as_size();
        s.covered_chars = required(summary, "covered_chars", source).as_size();
        s.untranslated = required(summary, "untranslated", source).as_size();
        s.additions = required(summary, "additions", source).as_size();
        s.units = required(summary, "units", source).as_size();
        outcome.coverage_json = json_serialize(required(value, "coverage", source));
        return outcome;
    } catch (const InputError& error) {
        // Type errors from the accessors carry no subject; give them the record's.
        const std::string message = error.what();
        if (message.rfind(source, 0) == 0) throw;
        throw InputError(source, "not an artalign pair record: " + message);
    }
}

}  // namespace artalign
