// --min-score, --srclang and --tgtlang, parsed and checked once for align, batch and merge.
#include "memory_options.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "language_option.hpp"
#include "write/unit_stream.hpp"

namespace artalign::cli {

void add_memory_options(ArgumentParser& parser) {
    parser.add_option("srclang", 0, "CODE", "the memory's source language code (default: the original's, ko; en: English as source)");
    parser.add_option("tgtlang", 0, "CODE", "the memory's target language code (default: the other side's, en)");
    parser.add_option("min-score", 0, "X", "leave out units whose alignment score is below X (0 to 1)");
}

double min_score_option(const ArgumentParser& parser) {
    const auto text = parser.option("min-score");
    return text ? parse_decimal_option("min-score", *text, "a number", 0, 1) : 0.0;
}

LanguageRequest language_request(const ArgumentParser& parser) {
    for (const char* option : {"srclang", "tgtlang"}) {
        if (const auto code = parser.option(option); code && !plausible_language_tag(*code))
            throw UsageError(fmt::format("--{} '{}' is not a language code such as ko, en or ko-KR", option, *code));
        if (const auto code = parser.option(option)) (void)supported_language(std::string("--") + option, *code);
    }
    return LanguageRequest{parser.option("srclang"), parser.option("tgtlang")};
}

void add_stream_format_option(ArgumentParser& parser) {
    parser.add_option("format", 0, "FORMAT", "tmx (default), tsv or jsonl, written unit by unit as align writes them");
}

std::string stream_format_option(const ArgumentParser& parser) {
    const std::string format = parser.option("format").value_or("tmx");
    const std::vector<std::string> known = unit_stream_formats();
    if (std::find(known.begin(), known.end(), format) != known.end()) return format;
    if (format == "moses")
        throw UsageError("--format moses writes two files, which a run does not stream: use tsv (the same lines, one file)");
    throw UsageError(fmt::format("unknown --format '{}' (known: {})", format, fmt::join(known, ", ")));
}

MemoryLanguages memory_languages(const LanguageRequest& request, const std::string& original,
                                 const std::string& translation) {
    try {
        return choose_memory_languages(request, original, translation);
    } catch (const std::invalid_argument& error) {
        throw UsageError(error.what());
    }
}

}  // namespace artalign::cli
