// A run's outputs from its ordered outcomes: TMX, coverage JSONL, HTML index and summary.
#include "batch/run_assembly.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>

#include "util/atomic_file.hpp"
#include "artalign/error.hpp"
#include "util/json_writer.hpp"
#include "report/report_html.hpp"
#include "write/unit_stream.hpp"
#include "write/unit_selection.hpp"
#include "util/unit_set.hpp"

namespace artalign {

namespace {

// Labels the rows of the pair page `page` with `places`, when the page is there (an earlier
// run without pages may have aligned the pair).
void label_page(const std::filesystem::path& page, const std::vector<MemoryPlace>& places) {
    std::ifstream in(page, std::ios::binary);
    if (!in) return;
    std::string html{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw OutputError(page.string(), "cannot read the pair's page to label its rows");
    try {
        html = label_memory_rows(html, places);
    } catch (const std::invalid_argument& error) {
        throw OutputError(page.string(), std::string("cannot label its rows with the memory's tuids: ") + error.what() +
                                             " (a page of another run?)");
    }
    write_file_atomically(page, html);
}

}  // namespace

struct RunAssembler::State {
    explicit State(const RunOutputs& run_outputs)
        : outputs(run_outputs), tmx(open_unit_stream(run_outputs.format, run_outputs.tmx, run_outputs.tmx_options)) {
        if (!tmx) throw std::invalid_argument("unknown unit format " + outputs.format);
        if (outputs.coverage_jsonl) coverage_file.emplace(*outputs.coverage_jsonl);
        // Check now that the other outputs can be written, rather than after the work.
        if (outputs.index_html) AtomicFile check(*outputs.index_html);
        if (outputs.summary_json) AtomicFile check(*outputs.summary_json);
        label_pages = outputs.label_pages && outputs.index_html && outputs.format == "tmx";
    }

    RunOutputs outputs;
    std::unique_ptr<UnitStream> tmx;  // the memory: TMX, TSV or JSONL
    bool languages_set = false;
    bool reversed = false;  // the translations are the memory's source
    bool label_pages = false;  // outputs.label_pages, for a memory with tuids
    UnitSet seen;
    std::optional<AtomicFile> coverage_file;  // a line appended a pair; a failed write says why (errno)
    std::vector<CoverageIndexEntry> index;
};

RunAssembler::RunAssembler(const RunOutputs& outputs) : state_(std::make_unique<State>(outputs)) {
    summary_.min_score = outputs.min_score;
}

RunAssembler::~RunAssembler() = default;

void RunAssembler::add(const PairOutcome& outcome) {
    State& s = *state_;
    ++summary_.pairs;
    if (outcome.status != PairStatus::aligned && s.outputs.index_html) {
        // The index is the reviewers' work queue: pairs that did not align are on it, with why.
        CoverageIndexEntry entry;
        entry.status = to_string(outcome.status);
        entry.reason = outcome.reason;
        entry.key = outcome.key;
        s.index.push_back(std::move(entry));
    }
    // A pair is named by its page, as batch's keys name it, whether the outcome came from batch
    // or from stream (whose keys are record ids).
    const std::string& name = outcome.page.empty() ? outcome.key : outcome.page;
    switch (outcome.status) {
        case PairStatus::skipped:
            ++summary_.skipped;
            summary_.skips.emplace_back(name, outcome.reason);
            return;
        case PairStatus::failed:
            ++summary_.failed;
            summary_.failures.emplace_back(name, outcome.reason);
            return;
        case PairStatus::aligned: break;
    }
    ++summary_.aligned;
    if (!s.languages_set) {
        const MemoryLanguages languages =
            choose_memory_languages(s.outputs.languages, outcome.source_language, outcome.target_language);
        s.tmx->set_languages(languages.source, languages.target);
        s.reversed = languages.reversed;
        s.languages_set = true;
    }
    std::vector<TranslationUnit> reversed_units;
    if (s.reversed) {
        reversed_units = outcome.units;
        swap_sides(reversed_units);
    }
    // With pages to label, every unit's tuid is remembered with its texts, so a repeat names
    // the unit it repeats (whether its own pair has a page or not).
    const std::size_t first_tuid = s.outputs.tmx_options.first_tuid;
    const std::size_t pair_first_tuid = first_tuid + summary_.units;
    std::vector<MemoryPlace> places;  // parallel to the units, when labelling
    const auto place = [&](std::string tuid, const char* repeats) {
        if (s.label_pages) places.push_back({std::move(tuid), repeats});
    };
    for (const TranslationUnit& unit : s.reversed ? reversed_units : outcome.units) {
        const std::string source = clean_segment_text(unit.source);
        const std::string target = clean_segment_text(unit.target);
        const bool empty = source.empty() || target.empty();
        // A unit empty once cleaned is counted as before (empty, or a repeat), whatever its score.
        if (unit.score < s.outputs.min_score && !empty) {
            ++summary_.below_min_score;
            place("", "");
            continue;
        }
        const std::size_t tuid = first_tuid + summary_.units;  // if it is written
        if (s.label_pages && !empty) {
            if (const std::size_t earlier = s.seen.insert_numbered(source, target, tuid); earlier != 0) {
                ++summary_.duplicates;
                place(std::to_string(earlier), earlier < pair_first_tuid ? "another pair's unit" : "an earlier unit of this pair");
                continue;
            }
        } else if (!s.seen.insert(source, target)) {
            ++summary_.duplicates;
            place("", "");
            continue;
        }
        if (s.tmx->add(unit)) {
            ++summary_.units;
            place(std::to_string(tuid), "");
        } else {
            ++summary_.empty;
            place("", "");
        }
    }
    if (s.label_pages && !outcome.index.href.empty())
        label_page(s.outputs.index_html->parent_path() / outcome.index.href, places);
    const CoverageSummary& pair = outcome.index.summary;
    CoverageSummary& total = summary_.coverage;
    total.source_sentences += pair.source_sentences;
    total.covered_sentences += pair.covered_sentences;
    total.source_chars += pair.source_chars;
    total.covered_chars += pair.covered_chars;
    total.untranslated += pair.untranslated;
    total.additions += pair.additions;
    total.units += pair.units;
    if (s.coverage_file) s.coverage_file->append(outcome.coverage_json + '\n');
    if (s.outputs.index_html) {
        s.index.push_back(outcome.index);
        for (const TranslationUnit& unit : outcome.units) s.index.back().reviewed_units += unit.reviewed ? 1 : 0;
    }
}

// Every output completed and fsynced beside its target first (all that can fail: a full disk, a
// target turned into a directory), then only renames; the TMX, which matters most, last.
RunSummary RunAssembler::finish() {
    State& s = *state_;
    s.tmx->finish();
    if (s.coverage_file) s.coverage_file->sync();
    std::optional<AtomicFile> index_file;
    if (s.outputs.index_html) {
        const std::string heading = fmt::format("Coverage of {} aligned article pairs", summary_.aligned);
        index_file.emplace(*s.outputs.index_html);
        index_file->write(render_coverage_index_html(s.index, heading));
        index_file->sync();
    }
    std::optional<AtomicFile> summary_file;
    if (s.outputs.summary_json) {
        summary_file.emplace(*s.outputs.summary_json);
        summary_file->write(summary_.json() + "\n");
        summary_file->sync();
    }

    if (s.coverage_file) s.coverage_file->commit();
    if (index_file) index_file->commit();
    if (summary_file) summary_file->commit();
    s.tmx->commit();
    return summary_;
}

std::string RunSummary::json() const {
    JsonWriter json(2);
    json.begin_object()
        .key("schema").value("artalign-run/1")
        .key("pairs").value(pairs)
        .key("aligned").value(aligned)
        .key("skipped").value(skipped)
        .key("failed").value(failed)
        .key("resumed").value(resumed)
        .key("units").value(units)
        .key("duplicate_units").value(duplicates)
        .key("empty_units").value(empty);
    if (min_score > 0) json.key("min_score").value(min_score).key("below_min_score_units").value(below_min_score);
    json.key("coverage").begin_object()
        .key("source_sentences").value(coverage.source_sentences)
        .key("covered_sentences").value(coverage.covered_sentences)
        .key("sentence_share").value(coverage.sentence_share())
        .key("source_chars").value(coverage.source_chars)
        .key("covered_chars").value(coverage.covered_chars)
        .key("char_share").value(coverage.char_share())
        .key("untranslated").value(coverage.untranslated)
        .key("additions").value(coverage.additions)
        .end_object();
    for (const auto& [name, list] : {std::pair{"skips", &skips}, std::pair{"failures", &failures}}) {
        json.key(name).begin_array();
        for (const auto& [key, reason] : *list) json.begin_object().key("key").value(key).key("reason").value(reason).end_object();
        json.end_array();
    }
    json.end_object();
    return json.str();
}

std::string RunSummary::text() const {
    std::string out = fmt::format("{} pairs: {} aligned, {} skipped, {} failed", pairs, aligned, skipped, failed);
    if (resumed > 0) out += fmt::format(" ({} taken from the journal)", resumed);
    out += fmt::format("\n{} units written ({} exact repeats left out", units, duplicates);
    if (min_score > 0) out += fmt::format(", {} below --min-score {}", below_min_score, min_score);
    out += ")\n";
    out += fmt::format("coverage: {} of {} original sentences ({:.1f}%) and {:.1f}% of characters have a counterpart\n",
                       coverage.covered_sentences, coverage.source_sentences, 100.0 * coverage.sentence_share(),
                       100.0 * coverage.char_share());
    for (const auto& [key, reason] : failures) out += fmt::format("failed: {}\n", reason);
    if (!skips.empty()) out += fmt::format("skipped {} pages that are not translated articles (see the summary JSON)\n", skips.size());
    return out;
}

}  // namespace artalign
