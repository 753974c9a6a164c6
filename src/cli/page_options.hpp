// Options the verbs that read pages share: --mirror, --profiles, --offline, --cache, --timeout,
// and the protective limits --max-page-size, --max-fetch-time, --max-sentences.
#pragma once

#include <filesystem>
#include <optional>

#include "arguments.hpp"
#include "artalign/pipeline.hpp"

namespace artalign::cli {

/// Declares the shared page-reading options on `parser`, the limits included.
void add_page_options(ArgumentParser& parser);

/// Declares only the limits, for verbs that declare the other options their own way (batch, stream).
void add_limit_options(ArgumentParser& parser);

/// The pipeline options the parsed arguments ask for: user profile directories, network
/// on unless --offline, the cache directory (--cache DIR, else the user's cache directory),
/// the fetch timeout and the limits. Throws UsageError for a malformed number or size.
PipelineOptions page_options(const ArgumentParser& parser);

/// "64M", "512K", "1000000": a size in bytes with an optional binary suffix (K = 1,024 bytes,
/// M = 1,024 K, G = 1,024 M; case ignored; "KB", "MB" and "GB" also read). Throws UsageError
/// naming `option` for anything else or 0.
std::size_t parse_size(const std::string& text, const char* option);

/// The --mirror DIR given, if any.
std::optional<std::filesystem::path> mirror_option(const ArgumentParser& parser);

/// The pair named by the positionals (EN_PAGE [KO_PAGE]) and --mirror.
/// Throws UsageError without EN_PAGE, quoting `usage`.
PairInput pair_input(const ArgumentParser& parser, const char* usage);

/// Prints the pages' extraction warnings on stderr, "artalign: warning: URL: ...".
void print_page_warnings(const AlignedPair& pair);

}  // namespace artalign::cli
