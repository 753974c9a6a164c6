// `artalign learn-lexicon`: aligns a set of plain-text pairs and learns word translations from the confident beads.
#include "commands.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <limits>
#include <memory>
#include <optional>

#include "arguments.hpp"
#include "align/aligner.hpp"
#include "util/data_directory.hpp"
#include "artalign/error.hpp"
#include "read/input_file.hpp"
#include "align/lexicon_learning.hpp"
#include "segment/plain_text.hpp"
#include "output_checks.hpp"
#include "util/limits.hpp"

namespace artalign::cli {
namespace {

// A decimal option from `min` to `max`, or `fallback` when not given.
double decimal_option(const ArgumentParser& parser, const std::string& name, double min, double max, double fallback) {
    const auto text = parser.option(name);
    return text ? parse_decimal_option(name, *text, "a number", min, max) : fallback;
}

// A count option (0 allowed), or `fallback` when not given.
std::size_t count_option(const ArgumentParser& parser, const std::string& name, std::size_t fallback) {
    const auto text = parser.option(name);
    return text ? static_cast<std::size_t>(parse_whole_number_option(name, *text, "a whole number", 0, 99'999'999))
                : fallback;
}

// LIST: one pair a line, "SOURCE<TAB>TARGET" (paths as given, relative to the working
// directory); blank lines and '#' comments skipped.
std::vector<std::pair<std::string, std::string>> read_pair_list(const std::string& file) {
    InputRules rules;
    rules.allow_pipe = true;  // named on the command line (--pairs)
    InputFile in(file, rules);
    LineReader lines(in, 2 * kMaxPathLineBytes);
    std::vector<std::pair<std::string, std::string>> pairs;
    std::string line;
    for (LineReader::Status status; (status = lines.next(line)) != LineReader::Status::end;) {
        const std::size_t number = lines.number();
        if (status == LineReader::Status::too_long)
            throw InputError(file, "line " + std::to_string(number) + " is over " +
                                       describe_size(lines.max_line()) + ": not SOURCE<TAB>TARGET");
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos)
            throw InputError(file, "line " + std::to_string(number) + " is not SOURCE<TAB>TARGET");
        pairs.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    return pairs;
}

}  // namespace

int run_learn_lexicon(const std::vector<std::string>& arguments) {
    ArgumentParser parser("artalign learn-lexicon --pairs LIST -o LEXICON.tsv [options]",
                          "Aligns every text pair of LIST (lines \"ORIGINAL<TAB>TRANSLATION\", plain-text files as\n"
                          "align-text reads them) with the built-in lexicon, counts which Korean and English\n"
                          "content words occur together in the confident 1-1 beads, and writes the strongly\n"
                          "associated pairs the built-in lexicon lacks as a lexicon TSV for --lexicon.");
    parser.add_option("pairs", 0, "LIST", "the text pairs (required)");
    parser.add_option("output", 'o', "FILE", "the learned lexicon (required)");
    parser.add_flag("presplit", 0, "each line is one segment; do not split sentences");
    parser.add_option("lexicon", 0, "FILE", "an extra lexicon used in the alignment pass");
    parser.add_option("min-score", 0, "X", "bead score a 1-1 bead needs to be counted (default 0.8)");
    parser.add_option("min-count", 0, "N", "beads two words must share (default 3)");
    parser.add_option("min-dice", 0, "X", "Dice coefficient (default 0.3)");
    parser.add_option("min-llr", 0, "X", "log-likelihood ratio G2 (default 10.83, p < 0.001)");
    parser.add_option("max-per-word", 0, "N", "English words kept per Korean word (default 2)");
    parser.add_flag("quiet", 'q', "print no summary line");
    parser.parse(arguments, 0, 0);
    if (parser.print_help_if_asked()) return 0;
    const auto list = parser.option("pairs");
    const auto output = parser.option("output");
    if (!list || !output || output->empty()) throw UsageError("missing --pairs LIST or -o FILE");
    LearningOptions learning;
    learning.min_bead_score = decimal_option(parser, "min-score", 0, 1, learning.min_bead_score);
    learning.min_count = count_option(parser, "min-count", learning.min_count);
    learning.max_per_word = count_option(parser, "max-per-word", learning.max_per_word);
    learning.min_dice = decimal_option(parser, "min-dice", 0, 1, learning.min_dice);
    learning.min_log_likelihood =
        decimal_option(parser, "min-llr", 0, std::numeric_limits<double>::infinity(), learning.min_log_likelihood);

    const TextLayout layout = parser.flag("presplit") ? TextLayout::lines : TextLayout::sentences;
    std::optional<SentenceSplitter> source_splitter;
    std::optional<SentenceSplitter> target_splitter;
    if (layout == TextLayout::sentences) {
        source_splitter = SentenceSplitter::for_language("ko", data_directory());
        target_splitter = SentenceSplitter::for_language("en", data_directory());
    }
    const auto pairs = read_pair_list(*list);
    {
        std::vector<std::filesystem::path> inputs{*list};
        for (const auto& [source, target] : pairs) {
            inputs.emplace_back(source);
            inputs.emplace_back(target);
        }
        if (const auto lexicon = parser.option("lexicon")) inputs.emplace_back(*lexicon);
        check_outputs_apart({*output}, inputs);
    }
    auto anchors = std::make_shared<AnchorExtractor>(AnchorExtractor::load(data_directory()));
    // The learner filters against the shipped lexicon only.
    const AnchorExtractor shipped = AnchorExtractor::load(data_directory());
    if (const auto lexicon = parser.option("lexicon")) load_lexicon_file(*lexicon, *anchors);
    const Aligner aligner(AlignOptions{}, anchors);
    LexiconLearner learner(shipped.lexicon(), learning);
    std::size_t beads = 0;
    for (const auto& [source_file, target_file] : pairs) {
        const SegmentList source = read_text_segments(source_file, layout, source_splitter ? &*source_splitter : nullptr);
        const SegmentList target = read_text_segments(target_file, layout, target_splitter ? &*target_splitter : nullptr);
        const Alignment alignment = aligner.align(source, target);
        beads += learner.add_alignment(source, target, alignment.beads, alignment.mismatched);
    }
    const std::vector<LearnedEntry> entries = learner.learn();
    save_learned_lexicon(*output, entries);
    if (!parser.flag("quiet"))
        fmt::print(stderr, "{} text pairs, {} confident beads counted, {} translations learned\n", pairs.size(), beads,
                   entries.size());
    return 0;
}

}  // namespace artalign::cli
