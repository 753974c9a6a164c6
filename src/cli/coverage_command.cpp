// `artalign coverage`: what the translation left out, for people (or as JSON with --json).
#include <fmt/color.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <utility>
#include <cstdlib>

#include "arguments.hpp"
#include "util/atomic_file.hpp"
#include "report/coverage_report.hpp"
#include "util/data_directory.hpp"
#include "commands.hpp"
#include "output_checks.hpp"
#include "page_options.hpp"
#include "report_output.hpp"

namespace artalign::cli {
namespace {

constexpr const char* kUsage = "artalign coverage EN_PAGE [KO_PAGE] [--json] [--report FILE] [options]";

// Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
bool use_colour() { return ::isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr; }

std::string styled(bool colour, const std::string& text, fmt::text_style style) {
    return colour ? fmt::format(style, "{}", text) : text;
}

std::string shorten(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters only
    return text.substr(0, cut) + "…";
}

std::string render_for_people(const AlignedPair& pair, const CoverageReport& report, bool colour) {
    const CoverageSummary& s = report.summary;
    std::string out;
    out += styled(colour, pair.translation.title, fmt::emphasis::bold) + "\n";
    out += fmt::format("  {:<14}{}  {}\n", "original", pair.original.url, pair.original.published);
    out += fmt::format("  {:<14}{}  {}\n\n", "translation", pair.translation.url, pair.translation.published);
    for (const std::string& warning : report.warnings)
        out += styled(colour, "  warning: " + warning, fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold) + "\n";
    const auto verdict_colour = report.likely_not_translation ? fmt::terminal_color::red
                                : report.omitted_paragraphs > 0 || s.untranslated > 0 ? fmt::terminal_color::yellow
                                                                                        : fmt::terminal_color::green;
    const std::pair<std::string, std::string> rows[] = {
        {"verdict", styled(colour, report.verdict, fmt::fg(verdict_colour))},
        {"sentences", fmt::format("{} of {} covered ({:.1f}%)", s.covered_sentences, s.source_sentences, 100.0 * s.sentence_share())},
        {"characters", fmt::format("{:.1f}% covered ({} of {})", 100.0 * s.char_share(), s.covered_chars, s.source_chars)},
        {"untranslated", fmt::format("{} sentences, {} of {} paragraphs omitted", s.untranslated, report.omitted_paragraphs,
                                     report.source_paragraphs)},
        {"added", fmt::format("{} translation-only sentences", s.additions)},
        {"units", fmt::format("{} ({} weak)", s.units, report.weak_beads.size())},
        {"score", fmt::format("{:.2f}", report.alignment_score)},
    };
    for (const auto& [label, value] : rows) out += fmt::format("  {:<14}{}\n", label, value);

    const auto list = [&](const char* heading, const std::vector<SentenceLocation>& sentences, fmt::terminal_color tone) {
        if (sentences.empty()) return;
        out += fmt::format("\n{}\n", styled(colour, heading, fmt::fg(tone) | fmt::emphasis::bold));
        for (const SentenceLocation& sentence : sentences)
            out += fmt::format("  {:<26}{}\n", sentence.place, shorten(sentence.text, 160));
    };
    list("Untranslated sentences of the original:", report.untranslated, fmt::terminal_color::red);
    list("Sentences only in the translation:", report.additions, fmt::terminal_color::blue);
    if (!report.weak_beads.empty()) {
        out += fmt::format("\n{}\n", styled(colour, "Weak alignments:", fmt::fg(fmt::terminal_color::yellow) | fmt::emphasis::bold));
        for (const std::size_t b : report.weak_beads) {
            const Bead& bead = pair.beads[b];
            out += fmt::format("  bead {:<4} {:.2f}  {}\n", b + 1, bead.score,
                               shorten(pair.original_segments[bead.source.front()].text, 120));
        }
    }
    return out;
}

}  // namespace

int run_coverage(const std::vector<std::string>& arguments) {
    ArgumentParser parser(kUsage,
                          "Shows how much of the original the translation covers: untranslated sentences and\n"
                          "paragraphs, translation-only sentences, weak alignments and a verdict.");
    add_page_options(parser);
    parser.add_flag("json", 0, "print the report as one JSON object (schema: docs/coverage.md)");
    parser.add_option("output", 'o', "FILE", "write to FILE (atomically) instead of standard output");
    parser.add_option("report", 0, "FILE", "also write the report as FILE.html (a page to read) or FILE.json");
    parser.add_flag("quiet", 'q', "print nothing but errors (with --report or -o)");
    parser.parse(arguments, 0, 2);
    if (parser.print_help_if_asked()) return 0;
    const PairInput input = pair_input(parser, kUsage);
    const auto report_file = parser.option("report");
    if (report_file) check_report_file_name(*report_file);
    {
        std::vector<std::filesystem::path> outputs;
        if (const auto output = parser.option("output")) outputs.emplace_back(*output);
        if (report_file) outputs.emplace_back(*report_file);
        std::vector<std::filesystem::path> inputs{input.translation_page};
        if (input.original_page) inputs.push_back(*input.original_page);
        check_outputs_apart(outputs, inputs);
    }

    PipelineOptions pipeline_options = page_options(parser);
    pipeline_options.allow_page_pipes = true;  // the pages named on the command line
    const Pipeline pipeline(Resources::load(resource_options(parser)), std::move(pipeline_options));
    const AlignedPair pair = pipeline.align_pages(input);
    print_page_warnings(pair);
    const CoverageReport report = build_coverage_report(pair);
    if (report_file) write_report_file(*report_file, pair, report);

    const auto output = parser.option("output");
    const std::string text = parser.flag("json") ? coverage_report_json(pair, report) + "\n"
                                                 : render_for_people(pair, report, !output && use_colour());
    if (output) {
        write_file_atomically(*output, text);
    } else if (!parser.flag("quiet")) {
        write_standard_output(text);
    }
    // The people's view already shows warnings on standard output; elsewhere say them on stderr.
    if (parser.flag("json") || output || parser.flag("quiet")) {
        for (const std::string& warning : report.warnings) fmt::print(stderr, "artalign: warning: {}\n", warning);
    }
    return 0;
}

}  // namespace artalign::cli
