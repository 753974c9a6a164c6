// Aligning one requested pair into an outcome, and the outcome's JSON line both ways.
#include "batch/pair_outcome.hpp"

#include "report/corrections.hpp"
#include "report/memory_units.hpp"

#include <limits>
#include <new>
#include <variant>
#include <vector>

#include "artalign/error.hpp"
#include "util/json_writer.hpp"
#include "util/stop_request.hpp"

namespace artalign {
namespace {

constexpr const char* kSchema = "artalign-pair/1";

PairOutcome aligned_outcome(const PairRequest& request, const AlignedPair& pair, const CoverageReport& report) {
    PairOutcome outcome;
    outcome.key = request.key;
    outcome.id = request.id;
    outcome.status = PairStatus::aligned;
    outcome.source_language = pair.original.language;
    outcome.target_language = pair.translation.language;
    outcome.units = memory_units(pair, report).units;
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

// One required member of an object in the line: its JSON name and the field it stands for.
// pair_outcome_json and parse_pair_outcome both walk the tables below, so the names, their
// order and their types cannot drift apart between writing and reading.
template <typename Record>
struct Field {
    const char* name;
    std::variant<std::string Record::*, double Record::*, std::size_t Record::*, bool Record::*> member;
    const char* earlier_name = nullptr;  ///< what earlier versions called it; still read
};

// The unit's date and title are spelled as in the JSONL output; outcome lines of earlier
// versions called them "date" and "title", which are still read.
const Field<TranslationUnit> kUnitFields[] = {  // then "warning" and "reviewed", when set
    {"source", &TranslationUnit::source},
    {"target", &TranslationUnit::target},
    {"bead", &TranslationUnit::bead_type},
    {"score", &TranslationUnit::score},
    {"source_url", &TranslationUnit::source_url},
    {"target_url", &TranslationUnit::target_url},
    {"article_date", &TranslationUnit::article_date, "date"},
    {"article_title", &TranslationUnit::article_title, "title"},
};
const Field<CoverageIndexEntry> kIndexFields[] = {  // then "summary"
    {"title", &CoverageIndexEntry::title},
    {"original_title", &CoverageIndexEntry::original_title},
    {"href", &CoverageIndexEntry::href},
    {"omitted_paragraphs", &CoverageIndexEntry::omitted_paragraphs},
    {"alignment_score", &CoverageIndexEntry::alignment_score},
    {"likely_not_translation", &CoverageIndexEntry::likely_not_translation},
};
const Field<CoverageSummary> kSummaryFields[] = {
    {"source_sentences", &CoverageSummary::source_sentences}, {"covered_sentences", &CoverageSummary::covered_sentences},
    {"source_chars", &CoverageSummary::source_chars},         {"covered_chars", &CoverageSummary::covered_chars},
    {"untranslated", &CoverageSummary::untranslated},         {"additions", &CoverageSummary::additions},
    {"units", &CoverageSummary::units},
};

void read_value(const JsonValue& value, std::string& field) { field = value.as_string(); }
// null stands for a score that is not a number (JsonWriter writes NaN and infinities so).
void read_value(const JsonValue& value, double& field) {
    field = value.is_null() ? std::numeric_limits<double>::quiet_NaN() : value.as_number();
}
void read_value(const JsonValue& value, std::size_t& field) { field = value.as_size(); }
void read_value(const JsonValue& value, bool& field) { field = value.as_boolean(); }

// Fills `record` from `object`'s members, in the table's order; throws InputError naming
// `source` for the first one missing.
template <typename Record, std::size_t N>
void read_fields(const JsonValue& object, const Field<Record> (&fields)[N], Record& record, const std::string& source) {
    for (const Field<Record>& field : fields) {
        const JsonValue* value = object.find(field.name);
        if (value == nullptr && field.earlier_name != nullptr) value = object.find(field.earlier_name);
        if (value == nullptr) value = &required(object, field.name, source);  // throws: names the member
        std::visit([&](auto member) { read_value(*value, record.*member); }, field.member);
    }
}

// How a table's numbers are written: units' scores keep every digit (the TMX rounds them once,
// not twice); the index's alignment score is rounded like the coverage report's.
enum class Digits { rounded, exact };

void write_value(JsonWriter& json, double number, Digits digits) {
    if (digits == Digits::exact) json.exact(number);
    else json.value(number);
}
template <typename Value>
void write_value(JsonWriter& json, const Value& value, Digits) {
    json.value(value);
}

template <typename Record, std::size_t N>
void write_fields(JsonWriter& json, const Field<Record> (&fields)[N], const Record& record, Digits digits) {
    for (const Field<Record>& field : fields) {
        json.key(field.name);
        std::visit([&](auto member) { write_value(json, record.*member, digits); }, field.member);
    }
}

void write_units(JsonWriter& json, const std::vector<TranslationUnit>& units) {
    json.begin_array();
    for (const TranslationUnit& unit : units) {
        json.begin_object();
        write_fields(json, kUnitFields, unit, Digits::exact);
        if (!unit.warning.empty()) json.key("warning").value(unit.warning);
        if (unit.reviewed) json.key("reviewed").value(true);
        json.end_object();
    }
    json.end_array();
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

PairOutcome process_pair(const Pipeline& pipeline, const PairRequest& request, const AlignedPairHook& hook,
                         const std::optional<std::filesystem::path>& corrections_dir) {
    PairOutcome outcome;
    outcome.key = request.key;
    outcome.id = request.id;
    outcome.page = request.translation_html ? "record " + request.key + " (translation_html)"
                                            : request.input.translation_page.string();
    try {
        PairInput input = request.input;
        // Inline pages are given to the pipeline as they are, named in messages by the record.
        if (request.translation_html) {
            input.translation_page = "record " + request.key + " (translation_html)";
            input.translation_html = request.translation_html;
            if (request.original_html) {
                input.original_page = "record " + request.key + " (original_html)";
                input.original_html = request.original_html;
            }
        }
        AlignedPair pair = pipeline.align_pages(input);
        std::vector<std::string> notes;
        if (corrections_dir) {
            const std::filesystem::path file = *corrections_dir / corrections_file_name(request.key);
            if (std::filesystem::exists(file)) notes = apply_corrections(pair, read_corrections(file), file.string());
        }
        const CoverageReport report = build_coverage_report(pair);
        if (hook) hook(pair, report);
        PairOutcome aligned = aligned_outcome(request, pair, report);
        aligned.notes = std::move(notes);
        return aligned;
    } catch (const Interrupted&) {
        throw;  // not the pair's failure: the run stops
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
    if (outcome.id) json.key("id").value(*outcome.id);
    json.key("status").value(to_string(outcome.status));
    if (!outcome.reason.empty()) json.key("reason").value(outcome.reason);
    if (outcome.status != PairStatus::aligned && !outcome.page.empty() && outcome.page != outcome.key)
        json.key("page").value(outcome.page);
    if (outcome.status == PairStatus::aligned) {
        json.key("source_language").value(outcome.source_language);
        json.key("target_language").value(outcome.target_language);
        json.key("index").begin_object();
        write_fields(json, kIndexFields, outcome.index, Digits::rounded);
        json.key("summary").begin_object();
        write_fields(json, kSummaryFields, outcome.index.summary, Digits::rounded);
        json.end_object().end_object();
        json.key("units");
        write_units(json, outcome.units);
        json.key("coverage").raw(outcome.coverage_json);  // coverage_report_json's line, as it is
    }
    json.end_object();
    return json.str();
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
        outcome.page = optional_string(value, "page");
        if (outcome.status != PairStatus::aligned) return outcome;

        outcome.source_language = required(value, "source_language", source).as_string();
        outcome.target_language = required(value, "target_language", source).as_string();
        for (const JsonValue& item : required(value, "units", source).items()) {
            TranslationUnit unit;
            read_fields(item, kUnitFields, unit, source);
            unit.warning = optional_string(item, "warning");
            const JsonValue* reviewed = item.find("reviewed");
            unit.reviewed = reviewed != nullptr && reviewed->as_boolean();
            outcome.units.push_back(std::move(unit));
        }
        const JsonValue& index = required(value, "index", source);
        read_fields(index, kIndexFields, outcome.index, source);
        read_fields(required(index, "summary", source), kSummaryFields, outcome.index.summary, source);
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
