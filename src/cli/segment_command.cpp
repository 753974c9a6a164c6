// `artalign segment`: splits plain text into sentences, one a line, paragraphs separated by a
// blank line (to inspect segmentation and measure it: bench/segmentation.sh).
#include "commands.hpp"

#include <cstdio>

#include "arguments.hpp"
#include "language_option.hpp"
#include "util/data_directory.hpp"
#include "artalign/error.hpp"
#include "segment/plain_text.hpp"
#include "segment/segmenter.hpp"
#include "util/text.hpp"
#include "read/text_file.hpp"
#include "output_checks.hpp"

namespace artalign::cli {

int run_segment(const std::vector<std::string>& arguments) {
    ArgumentParser parser("artalign segment --language LANG [--lines] FILE",
                          "Splits a text into sentences with the segmentation data of LANG and prints one\n"
                          "sentence a line, paragraphs (blank-line separated, or each line with --lines)\n"
                          "separated by a blank line.");
    parser.add_option("language", 0, "LANG", "language of the text: ko or en (required)");
    parser.add_flag("lines", 0, "each input line is a paragraph");
    parser.parse(arguments, 0, 1);
    if (parser.print_help_if_asked()) return 0;
    const auto language = parser.option("language");
    if (!language || language->empty()) throw UsageError("missing --language LANG");
    const std::string segmentation_language = supported_language("--language", *language);
    if (parser.positional().empty()) throw UsageError("missing FILE; usage: artalign segment --language LANG FILE");
    const std::string& file = parser.positional()[0];
    const std::string text = read_text_file(file);

    std::vector<std::string> paragraphs;
    if (parser.flag("lines")) {
        for (const std::string& line : text_lines(text)) paragraphs.push_back(collapse_whitespace(line));
    } else {
        paragraphs = text_paragraphs(text);
    }

    const SentenceSplitter splitter = SentenceSplitter::for_language(segmentation_language, data_directory());
    const SegmentList segments = splitter.split(paragraphs);
    std::string out;
    std::size_t next = 0;
    for (std::size_t block = 0; block < paragraphs.size(); ++block) {
        if (block > 0) out += '\n';
        while (next < segments.size() && segments[next].block == block) out += segments[next++].text + '\n';
    }
    write_standard_output(out);
    return 0;
}

}  // namespace artalign::cli
