// Where the pairs of `batch` and `discover` come from, chosen in one place, so that discover
// writes exactly the records batch would align, in batch's order.
#pragma once

#include <filesystem>
#include <memory>

#include "arguments.hpp"
#include "artalign/resources.hpp"
#include "util/limits.hpp"
#include "batch/pair_source.hpp"

namespace artalign::cli {

/// Declares --list FILE and --records FILE (when `records`), the inputs besides positionals.
void add_pair_input_options(ArgumentParser& parser, bool records);

/// The pairs the parsed arguments name: one MIRROR_DIR, one or more WARC files (.warc or
/// .warc.gz; pages over `max_page_bytes` are refused when read), --list FILE (with --mirror
/// DIR) or --records FILE; exactly one kind. Mirror and WARC discovery use the site profiles
/// of `resources` (those extraction uses). Throws UsageError (quoting `usage`) or InputError.
std::unique_ptr<PairSource> open_pair_inputs(const ArgumentParser& parser, const Resources& resources,
                                             const char* usage, std::size_t max_page_bytes = kDefaultMaxPageBytes);

}  // namespace artalign::cli
