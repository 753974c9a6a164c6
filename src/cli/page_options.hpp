// Options the verbs that read pages share: --mirror, --profiles, --offline or --fetch, --cache,
// --ignore-robots, --timeout, and the protective limits --max-page-size, --max-fetch-time,
// --max-sentences.
#pragma once

#include <filesystem>
#include <optional>

#include "arguments.hpp"
#include "artalign/pipeline.hpp"

namespace artalign::cli {

/// Whether a verb fetches the pages its mirror lacks unless told not to, or only when told to.
enum class Fetching {
    by_default,  ///< align, coverage, extract: URLs are fetched when not in the mirror; --offline never fetches
    on_request,  ///< batch, stream: mirrors only, so that a large run never goes to the network unasked; --fetch
};

/// Declares the shared page-reading options on `parser`, so that every verb that reads pages
/// has the same names, help texts and parsing: --mirror DIR (its help says what the verb looks
/// for there), --profiles, --offline or --fetch (by `fetching`), --cache, --ignore-robots,
/// --timeout and the limits --max-page-size, --max-fetch-time, --max-sentences.
void add_page_options(ArgumentParser& parser, Fetching fetching = Fetching::by_default,
                      const std::string& mirror_help = "root of a local site mirror (host/path tree) to resolve links in");

/// What the verb's Resources load besides the data directory: --profiles DIR (when the verb
/// declares it), then the user's profile directory (user_profile_directory), and --lexicon FILE
/// (when declared).
ResourceOptions resource_options(const ArgumentParser& parser);

/// The pipeline options the parsed arguments of a verb that called add_page_options ask for:
/// the network (on unless --offline, or off unless --fetch, as the
/// verb declared), the cache directory (--cache DIR, else the user's cache directory),
/// whether robots.txt is obeyed, the fetch timeout and the limits. Throws UsageError for a
/// malformed number or size.
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
