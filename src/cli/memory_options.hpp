// The options that shape a translation memory's units, shared by align, batch and merge:
// --min-score, --srclang and --tgtlang.
#pragma once

#include <string>

#include "arguments.hpp"
#include "write/memory_languages.hpp"

namespace artalign::cli {

/// Adds --srclang, --tgtlang and --min-score with the help texts align has.
void add_memory_options(ArgumentParser& parser);

/// --min-score's value (0 to 1), or 0 when absent. Throws UsageError when it is not such a number.
double min_score_option(const ArgumentParser& parser);

/// --srclang and --tgtlang as given, each checked to be a language code artalign has data for.
/// Throws UsageError otherwise.
LanguageRequest language_request(const ArgumentParser& parser);

/// Adds --format for the memory a run writes unit by unit (batch, merge): tmx, tsv or jsonl.
void add_stream_format_option(ArgumentParser& parser);

/// --format's value (default tmx), one of unit_stream_formats(). Throws UsageError otherwise.
std::string stream_format_option(const ArgumentParser& parser);

/// choose_memory_languages, its complaints as UsageError.
MemoryLanguages memory_languages(const LanguageRequest& request, const std::string& original,
                                 const std::string& translation);

}  // namespace artalign::cli
