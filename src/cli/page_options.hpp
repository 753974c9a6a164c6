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

}  // namespace artalign::cli
