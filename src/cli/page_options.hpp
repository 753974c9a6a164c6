// Options the verbs that read pages share: --mirror, --profiles, --offline, --cache, --timeout.
#pragma once

#include <filesystem>
#include <optional>

#include "arguments.hpp"
#include "artalign/pipeline.hpp"

namespace artalign::cli {

/// Declares the shared page-reading options on `parser`.
void add_page_options(ArgumentParser& parser);

/// The pipeline options the parsed arguments ask for: user profile directories, network
/// on unless --offline, the cache directory (--cache DIR, else the user's cache directory),
/// the fetch timeout. Throws UsageError for a malformed --timeout.
PipelineOptions page_options(const ArgumentParser& parser);

/// The --mirror DIR given, if any.
std::optional<std::filesystem::path> mirror_option(const ArgumentParser& parser);

/// The pair named by the positionals (EN_PAGE [KO_PAGE]) and --mirror.
/// Throws UsageError without EN_PAGE, quoting `usage`.
PairInput pair_input(const ArgumentParser& parser, const char* usage);

/// Prints the pages' extraction warnings on stderr, "artalign: warning: URL: ...".
void print_page_warnings(const AlignedPair& pair);

}  // namespace artalign::cli
