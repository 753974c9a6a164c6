// `artalign align-text`: aligns two plain-text files (original and translation) and writes
// the beads as JSON lines, TSV or TMX.
#include "commands.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <sstream>

#include "arguments.hpp"
#include "artalign/aligner.hpp"
#include "artalign/atomic_file.hpp"
#include "artalign/data_directory.hpp"
#include "artalign/pipeline.hpp"
#include "artalign/lexicon_learning.hpp"
#include "artalign/segmenter.hpp"
#include "artalign/text.hpp"
#include "artalign/text_file.hpp"
#include "artalign/tmx_writer.hpp"
#include "language_option.hpp"

namespace artalign::cli {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

}  // namespace

// TextLayout::lines keeps empty lines as segments, so that indices are line numbers.
SegmentList text_segments(const std::string& file, TextLayout layout, const std::string& language) {
    const std::string text = read_text_file(file);
    const std::vector<std::string> lines = lines_of(text);
    if (layout == TextLayout::lines) {
        SegmentList segments;
        for (std::size_t k = 0; k < lines.size(); ++k) segments.push_back(Segment{collapse_whitespace(lines[k]), 0});
        return segments;
    }
    if (layout == TextLayout::paragraph_lines) {
        SegmentList segments;
        std::size_t block = 0;
        for (const std::string& line : lines) {
            std::string clean = collapse_whitespace(line);
            if (clean.empty()) {
                if (!segments.empty() && segments.back().block == block) ++block;
            } else {
                segments.push_back(Segment{std::move(clean), block});
            }
        }
        return segments;
    }
    std::vector<std::string> paragraphs;
    std::string paragraph;
    for (const std::string& line : lines) {
        const std::string clean = collapse_whitespace(line);
        if (clean.empty()) {
            if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
            paragraph.clear();
        } else {
            paragraph += (paragraph.empty() ? "" : " ") + clean;
        }
    }
    if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
    return SentenceSplitter::for_language(language, data_directory()).split(paragraphs);
}

namespace {

std::string index_list(const std::vector<std::size_t>& indices, const char* separator) {
    std::string out;
    for (const std::size_t k : indices) {
        if (!out.empty()) out += separator;
        out += std::to_string(k);
    }
    return out;
}

std::string render(const std::string& format, const Alignment& alignment, const SegmentList& source,
                   const SegmentList& target) {
    std::ostringstream out;
    for (const Bead& bead : alignment.beads) {
        if (format == "jsonl") {
            out << "{\"source\":[" << index_list(bead.source, ",") << "],\"target\":[" << index_list(bead.target, ",")
                << "],\"score\":" << fmt::format("{:.3f}", bead.score) << ",\"type\":\"" << bead.type() << "\"}\n";
        } else {
            out << index_list(bead.source, ",") << '\t' << index_list(bead.target, ",") << '\t'
                << fmt::format("{:.3f}", bead.score) << '\t' << joined_text(source, bead.source) << '\t'
                << joined_text(target, bead.target) << '\n';
        }
    }
    return out.str();
}

AnchorKind kind_named(const std::string& name) {
    for (std::size_t k = 0; k < kAnchorKindCount; ++k) {
        if (name == anchor_kind_name(static_cast<AnchorKind>(k))) return static_cast<AnchorKind>(k);
    }
    throw UsageError("unknown anchor kind '" + name + "' (number, latin, name, short-name, word, mark, all)");
}

}  // namespace

int run_align_text(const std::vector<std::string>& arguments) {
    ArgumentParser parser("artalign align-text --source ORIGINAL.txt --target TRANSLATION.txt [options]",
                          "Aligns a plain-text original (Korean) with its translation (English). Paragraphs are\n"
                          "separated by blank lines and split into sentences, or with --presplit each line is one\n"
                          "segment. Writes one bead a line: 0-based segment indices of each side and a score.");
    parser.add_option("source", 0, "FILE", "the original text (required)");
    parser.add_option("target", 0, "FILE", "the translation (required)");
    parser.add_flag("presplit", 0, "each line is one segment; do not split sentences");
    parser.add_flag("paragraphs", 0, "with --presplit: blank lines end paragraphs and are not segments");
    parser.add_flag("two-stage", 0, "align paragraphs first, then sentences inside aligned paragraphs");
    parser.add_option("format", 0, "FORMAT", "jsonl (default), tsv (indices, score, texts) or tmx");
    parser.add_option("output", 'o', "FILE", "where to write (default: standard output; required for tmx)");
    parser.add_option("without", 0, "KINDS", "switch anchor kinds off, comma-separated: number,latin,name,short-name,word,mark,all");
    parser.add_option("source-language", 0, "LANG", "language of the original (default ko)");
    parser.add_option("target-language", 0, "LANG", "language of the translation (default en)");
    parser.add_option("lexicon", 0, "FILE", "extra lexicon TSV (e.g. from learn-lexicon or batch --save-lexicon)");
    parser.add_flag("quiet", 'q', "print no summary line");
    parser.parse(arguments, 0, 0);
    if (parser.print_help_if_asked()) return 0;
    const auto source_file = parser.option("source");
    const auto target_file = parser.option("target");
    if (!source_file || !target_file) throw UsageError("missing --source FILE or --target FILE");
    const std::string format = parser.option("format").value_or("jsonl");
    if (format != "jsonl" && format != "tsv" && format != "tmx")
        throw UsageError("unknown --format '" + format + "' (jsonl, tsv or tmx)");
    const auto output = parser.option("output");
    if (format == "tmx" && (!output || output->empty())) throw UsageError("--format tmx needs -o/--output FILE");

    AlignOptions options;
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
    const std::string source_language = parser.option("source-language").value_or("ko");
    const std::string target_language = parser.option("target-language").value_or("en");
    const std::string source_segmentation = supported_language("--source-language", source_language);
    const std::string target_segmentation = supported_language("--target-language", target_language);

    if (parser.flag("two-stage")) options.paragraph_stage = true;
    if (parser.flag("paragraphs") && !parser.flag("presplit")) throw UsageError("--paragraphs goes with --presplit");
    const TextLayout layout = !parser.flag("presplit")    ? TextLayout::sentences
                              : parser.flag("paragraphs") ? TextLayout::paragraph_lines
                                                          : TextLayout::lines;
    const SegmentList source = text_segments(*source_file, layout, source_segmentation);
    const SegmentList target = text_segments(*target_file, layout, target_segmentation);
    auto anchors = std::make_shared<AnchorExtractor>(AnchorExtractor::load(data_directory()));
    if (const auto lexicon = parser.option("lexicon")) load_lexicon_file(*lexicon, *anchors);
    const Aligner aligner(options, anchors);
    const Alignment alignment = aligner.align(source, target);

    if (format == "tmx") {
        const std::vector<TranslationUnit> units = translation_units(source, target, alignment.beads);
        TmxOptions tmx;
        tmx.source_language = source_language;
        tmx.target_language = target_language;
        write_tmx(*output, units, tmx);
    } else {
        const std::string text = render(format, alignment, source, target);
        if (output && !output->empty()) {
            write_file_atomically(*output, text);
        } else {
            std::fwrite(text.data(), 1, text.size(), stdout);
        }
    }
    if (!parser.flag("quiet")) {
        fmt::print(stderr, "alignment score {:.2f}, {:.1f}% of source characters aligned, {:.1f}% of pairs anchored, {} beads{}\n",
                   alignment.score, 100.0 * alignment.coverage, 100.0 * alignment.anchored, alignment.beads.size(),
                   alignment.mismatched ? "; warning: these texts do not look like an original and its translation"
                                        : "");
    }
    return 0;
}

}  // namespace artalign::cli
