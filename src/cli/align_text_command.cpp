// `artalign align-text`: aligns two plain-text files (original and translation) and writes
// the beads as JSON lines, TSV or TMX.
#include "commands.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>

#include "arguments.hpp"
#include "keep_until_exit.hpp"
#include "text_batch.hpp"
#include "align/aligner.hpp"
#include "util/atomic_file.hpp"
#include "util/data_directory.hpp"
#include "util/fixed_decimal.hpp"
#include "artalign/error.hpp"
#include "artalign/pipeline.hpp"
#include "pipeline/resources_impl.hpp"
#include "parse/script_share.hpp"
#include "align/lexicon_learning.hpp"
#include "segment/plain_text.hpp"
#include "segment/segmenter.hpp"
#include "write/tmx_append.hpp"
#include "write/tmx_validator.hpp"
#include "write/tmx_writer.hpp"
#include "language_option.hpp"
#include "output_checks.hpp"

namespace artalign::cli {
namespace {

// "3,4": the indices joined by `separator`, appended to `out`.
void append_index_list(std::string& out, const std::vector<std::size_t>& indices, char separator) {
    for (std::size_t k = 0; k < indices.size(); ++k) {
        if (k > 0) out.push_back(separator);
        const fmt::format_int digits(indices[k]);
        out.append(digits.data(), digits.size());
    }
}

// A bead's score with three decimals; "null" in JSON for one that is not a number.
void append_score(std::string& out, double score, bool json) {
    if (json && !std::isfinite(score)) out += "null";
    else append_fixed_decimal(out, score, 3);
}

// One line a bead, appended to one string: JSON lines or TSV. The JSON object is written
// directly (what JsonWriter would write for it): its keys and values are all plain ASCII, and a
// writer's state and escaping cost more than the line for thousands of beads.
std::string render(const std::string& format, const Alignment& alignment, const SegmentList& source,
                   const SegmentList& target) {
    std::string out;
    const bool json = format == "jsonl";
    for (const Bead& bead : alignment.beads) {
        if (json) {
            out += "{\"source\":[";
            append_index_list(out, bead.source, ',');
            out += "],\"target\":[";
            append_index_list(out, bead.target, ',');
            out += "],\"score\":";
            append_score(out, bead.score, true);
            out += ",\"type\":\"";
            out += bead.type();
            out += "\"}";
        } else {
            append_index_list(out, bead.source, ',');
            out.push_back('\t');
            append_index_list(out, bead.target, ',');
            out.push_back('\t');
            append_score(out, bead.score, false);
            out.push_back('\t');
            out += joined_text(source, bead.source);
            out.push_back('\t');
            out += joined_text(target, bead.target);
        }
        out.push_back('\n');
    }
    return out;
}

// Which of the two languages `segments` are written in, by the scripts of their letters (as the
// pipeline tells a page in the wrong language): 0 source, 1 target, -1 neither clearly.
int written_in(const SegmentList& segments, const ScriptShare& source, const ScriptShare& target) {
    ScriptShare::LetterCounts counts;
    for (const Segment& segment : segments) ScriptShare::count(segment.text, source, target, counts);
    const auto [source_share, target_share] = counts.shares();
    if (source_share > 0.5 && source_share >= target_share) return 0;
    if (target_share > 0.5 && target_share > source_share) return 1;
    return -1;
}

// The scripts of the two languages, looked up once a run (ICU's locale data is slow to ask).
struct LanguageScripts {
    ScriptShare source;
    ScriptShare target;
};

// The languages' scripts; nullopt when ICU knows no script of one of them (then no warning).
std::optional<LanguageScripts> language_scripts(const std::string& source_language, const std::string& target_language) {
    try {
        return LanguageScripts{ScriptShare(source_language), ScriptShare(target_language)};
    } catch (const DataError&) {
        return std::nullopt;
    }
}

// A warning when both texts are in one language (Korean against Korean): the units are then no
// translation, whatever xml:lang says. Empty when not, or when ICU knows no script of a language.
std::string same_language_warning(const SegmentList& source, const SegmentList& target,
                                  const std::optional<LanguageScripts>& scripts) {
    if (!scripts) return {};
    const int source_side = written_in(source, scripts->source, scripts->target);
    if (source_side < 0 || source_side != written_in(target, scripts->source, scripts->target)) return {};
    const ScriptShare& both = source_side == 0 ? scripts->source : scripts->target;
    return fmt::format("both texts are in {} ({}): not an original and its translation", both.language_name(),
                       both.script_names());
}

AnchorKind kind_named(const std::string& name) {
    for (std::size_t k = 0; k < kAnchorKindCount; ++k) {
        if (name == anchor_kind_name(static_cast<AnchorKind>(k))) return static_cast<AnchorKind>(k);
    }
    throw UsageError("unknown anchor kind '" + name + "' (number, latin, name, short-name, word, mark, all)");
}

}  // namespace

namespace {

// What every pair of one run shares: the options, and the data loaded once.
struct TextRun {
    std::string format;
    TextLayout layout = TextLayout::lines;
    std::string source_language;
    std::string target_language;
    AlignOptions options;
    bool quiet = false;
    std::string source_segmentation;  // the languages to split sentences by, without --presplit
    std::string target_segmentation;
    std::shared_ptr<const Resources> resources;  // segmentation and anchor data, loaded once
    std::optional<LanguageScripts> scripts;      // for same_language_warning
    bool dedupe = true;  // with --append
};

// What one thread aligns with: its own splitters and anchor extractor (not thread-safe), made
// from the run's shared data.
struct TextWorker {
    explicit TextWorker(const TextRun& run)
        : aligner(run.options, run.resources->impl().anchor_extractor()) {
        if (run.layout != TextLayout::sentences) return;
        source_splitter = run.resources->impl().splitter(run.source_segmentation);
        target_splitter = run.resources->impl().splitter(run.target_segmentation);
    }
    Aligner aligner;
    std::optional<SentenceSplitter> source_splitter;  // only without --presplit
    std::optional<SentenceSplitter> target_splitter;
};

// The pair's translation units, for a TMX only (JSON lines and TSV write the beads), each with
// `warning` when there is one (written as <prop type="x-warning">).
std::vector<TranslationUnit> units_with_warning(const SegmentList& source, const SegmentList& target,
                                                const Alignment& alignment, const std::string& warning) {
    std::vector<TranslationUnit> units = translation_units(source, target, alignment.beads);
    for (TranslationUnit& unit : units) {
        if (!warning.empty()) unit.warning = warning;
    }
    return units;
}

TmxOptions tmx_options(const TextRun& run) {
    TmxOptions tmx;
    tmx.source_language = run.source_language;
    tmx.target_language = run.target_language;
    return tmx;
}

// Aligns one pair and writes its output (standard output when `output` is empty). A file
// output is returned written but not committed, with the summary line to print once it is in
// place: a batch commits its outputs in groups (OutputGroup). In a batch, the summary line
// starts with the output's name. With `append`, merges the units into that memory instead.
FinishedPair align_pair(const TextRun& run, const TextWorker& worker, const std::string& source_file,
                        const std::string& target_file, const std::optional<std::string>& output, bool in_batch,
                        const std::optional<std::string>& append = std::nullopt) {
    const auto& source_splitter = worker.source_splitter;
    const auto& target_splitter = worker.target_splitter;
    const SegmentList source = read_text_segments(source_file, run.layout, source_splitter ? &*source_splitter : nullptr);
    const SegmentList target = read_text_segments(target_file, run.layout, target_splitter ? &*target_splitter : nullptr);
    const Alignment alignment = worker.aligner.align(source, target);

    FinishedPair finished;
    const std::string warning = same_language_warning(source, target, run.scripts);
    if (!warning.empty()) fmt::print(stderr, "artalign: warning: {}\n", warning);
    if (append) {
        const AppendReport report =
            append_tmx(*append, units_with_warning(source, target, alignment, warning), tmx_options(run),
                       tmx_dtd_path(data_directory()), run.dedupe, AppendHints{"--source-language", false});
        if (!run.quiet)
            fmt::print("appended {} units to {} ({} were there, {} new units already in it)\n", report.added, *append,
                       report.existing_units, report.already_there);
    } else if (run.format == "tmx") {
        write_tmx(*output, units_with_warning(source, target, alignment, warning), tmx_options(run));
    } else {
        const std::string text = render(run.format, alignment, source, target);
        if (output && !output->empty()) {
            // An output that already holds this text is kept, not replaced: a batch run again
            // over the same pairs then costs no new files.
            finished.output = AtomicFile::with_content(*output, text);
        } else {
            write_standard_output(text);
        }
    }
    if (!run.quiet) {
        finished.summary = fmt::format(
            "{}alignment score {:.2f}, {:.1f}% of source characters aligned, {:.1f}% of pairs anchored, {} beads{}\n",
            in_batch ? *output + ": " : std::string(), alignment.score, 100.0 * alignment.coverage,
            100.0 * alignment.anchored, alignment.beads.size(),
            alignment.mismatched ? "; warning: these texts do not look like an original and its translation" : "");
    }
    return finished;
}

}  // namespace

int run_align_text(const std::vector<std::string>& arguments) {
    ArgumentParser parser("artalign align-text --source ORIGINAL.txt --target TRANSLATION.txt [-o OUT | --append MEMORY.tmx] [options]\n"
                          "       artalign align-text --batch LIST [--jobs N] [options]",
                          "Aligns a plain-text original (Korean) with its translation (English). Paragraphs are\n"
                          "separated by blank lines and split into sentences, or with --presplit each line is one\n"
                          "segment. Writes one bead a line: 0-based segment indices of each side and a score.\n"
                          "With --batch, aligns every pair of LIST (one a line: SOURCE<TAB>TARGET<TAB>OUTPUT, as\n"
                          "hunalign -batch; '-' reads the list from standard input) in one process, loading the\n"
                          "data once; a pair that fails is reported and the others go on (exit code 1).");
    parser.add_option("source", 0, "FILE", "the original text (required without --batch)");
    parser.add_option("target", 0, "FILE", "the translation (required without --batch)");
    parser.add_option("batch", 0, "LIST", "align every SOURCE<TAB>TARGET<TAB>OUTPUT line of LIST ('-': standard input)");
    parser.add_option("jobs", 'j', "N", "with --batch: worker threads (default 1)");
    parser.add_flag("presplit", 0, "each line is one segment; do not split sentences");
    parser.add_flag("paragraphs", 0, "with --presplit: blank lines end paragraphs and are not segments");
    parser.add_flag("two-stage", 0, "align paragraphs first, then sentences inside aligned paragraphs");
    parser.add_option("format", 0, "FORMAT", "jsonl (default), tsv (indices, score, texts) or tmx");
    parser.add_option("output", 'o', "FILE", "where to write (default: standard output; required for tmx)");
    parser.add_option("append", 0, "MEMORY", "merge the aligned units into this existing TMX (as align --append)");
    parser.add_flag("no-dedupe", 0, "with --append: add units the memory already holds too");
    parser.add_option("without", 0, "KINDS", "switch anchor kinds off, comma-separated: number,latin,name,short-name,word,mark,all");
    parser.add_option("source-language", 0, "LANG", "language of the original (default ko)");
    parser.add_option("target-language", 0, "LANG", "language of the translation (default en)");
    parser.add_option("lexicon", 0, "FILE", "extra lexicon TSV (e.g. from learn-lexicon or batch --save-lexicon)");
    parser.add_flag("quiet", 'q', "print no summary line");
    parser.parse(arguments, 0, 0);
    if (parser.print_help_if_asked()) return 0;
    const auto batch = parser.option("batch");
    const auto source_file = parser.option("source");
    const auto target_file = parser.option("target");
    const auto output = parser.option("output");
    if (batch) {
        if (source_file || target_file || output)
            throw UsageError("--batch takes the files from its list: no --source, --target or --output");
        if (batch->empty()) throw UsageError("--batch wants a list file or '-'");
    } else {
        if (!source_file || !target_file) throw UsageError("missing --source FILE or --target FILE");
        if (parser.option("jobs")) throw UsageError("--jobs goes with --batch");
    }
    TextRun run;
    run.format = parser.option("format").value_or("jsonl");
    if (run.format != "jsonl" && run.format != "tsv" && run.format != "tmx")
        throw UsageError("unknown --format '" + run.format + "' (jsonl, tsv or tmx)");
    const auto append = parser.option("append");
    if (append && batch) throw UsageError("--append goes with --source and --target, not --batch");
    if (append && output) throw UsageError("give -o/--output or --append, not both");
    if (append && append->empty()) throw UsageError("--append needs a MEMORY.tmx");
    if (append && parser.option("format") && run.format != "tmx")
        throw UsageError("--append merges into a TMX memory; it cannot be used with --format " + run.format);
    if (parser.flag("no-dedupe") && !append) throw UsageError("--no-dedupe goes with --append");
    run.dedupe = !parser.flag("no-dedupe");
    if (!batch && run.format == "tmx" && !append && (!output || output->empty()))
        throw UsageError("--format tmx needs -o/--output FILE");
    if (!batch) {
        std::vector<std::filesystem::path> inputs{*source_file, *target_file};
        if (const auto lexicon = parser.option("lexicon")) inputs.emplace_back(*lexicon);
        if (output && !output->empty()) check_outputs_apart({*output}, inputs);
        if (append) check_outputs_apart({*append}, inputs);
    }
    const unsigned jobs = parser.option("jobs") ? parse_jobs(*parser.option("jobs")) : 1;

    AlignOptions& options = run.options;
    if (const auto without = parser.option("without")) {
        std::stringstream list(*without);
        std::string name;
        while (std::getline(list, name, ',')) {
            if (name == "all") {
                for (AnchorWeight& weight : options.anchors) weight.enabled = false;
            } else {
                const AnchorKind kind = kind_named(name);
                options.anchors[static_cast<std::size_t>(kind)].enabled = false;
                // "name" is every transliterated name, however short.
                if (kind == AnchorKind::name)
                    options.anchors[static_cast<std::size_t>(AnchorKind::short_name)].enabled = false;
            }
        }
    }
    run.source_language = parser.option("source-language").value_or("ko");
    run.target_language = parser.option("target-language").value_or("en");
    // Presplit text is not segmented: its languages only label the output, so any tag will do.
    const bool presplit = parser.flag("presplit");
    const std::string source_segmentation = presplit ? language_tag("--source-language", run.source_language)
                                                     : supported_language("--source-language", run.source_language);
    const std::string target_segmentation = presplit ? language_tag("--target-language", run.target_language)
                                                     : supported_language("--target-language", run.target_language);
    run.quiet = parser.flag("quiet");

    if (parser.flag("two-stage")) options.paragraph_stage = true;
    if (parser.flag("paragraphs") && !parser.flag("presplit")) throw UsageError("--paragraphs goes with --presplit");
    run.layout = !parser.flag("presplit")    ? TextLayout::sentences
                 : parser.flag("paragraphs") ? TextLayout::paragraph_lines
                                             : TextLayout::lines;
    const std::vector<TextJob> list = batch ? read_text_jobs(*batch) : std::vector<TextJob>{};
    if (batch) check_text_jobs_apart(list, *batch, parser.option("lexicon"));
    run.source_segmentation = source_segmentation;
    run.target_segmentation = target_segmentation;
    ResourceOptions resources;
    resources.pages = false;  // plain text: no site profiles, no extraction rules to compile
    resources.segmentation = run.layout == TextLayout::sentences;  // presplit: no splitter
    if (const auto lexicon = parser.option("lexicon")) resources.lexicon_files.emplace_back(*lexicon);
    run.resources = Resources::load(resources);
    run.scripts = language_scripts(run.source_language, run.target_language);

    keep_until_exit(run.resources);
    if (!batch) {
        const auto worker = std::make_shared<const TextWorker>(run);
        keep_until_exit(worker);
        const FinishedPair finished = align_pair(run, *worker, *source_file, *target_file, output, false, append);
        if (finished.output) finished.output->commit();
        std::fputs(finished.summary.c_str(), stderr);
        return 0;
    }
    const std::size_t failed = run_text_jobs(list, jobs, [&run]() -> TextJobRunner {
        // Each thread its own splitters and extractor (caches, transliterator), sharing the loaded data.
        auto worker = std::make_shared<const TextWorker>(run);
        keep_until_exit(worker);
        return [&run, worker](const TextJob& job) {
            return align_pair(run, *worker, job.source, job.target, job.output, true);
        };
    });
    if (!run.quiet)
        fmt::print(stderr, "{} pairs aligned, {} failed\n", list.size() - failed, failed);
    return failed > 0 ? 1 : 0;
}

}  // namespace artalign::cli
