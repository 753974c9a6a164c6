// Arguments shared by the verbs that read an article pair (EN_PAGE [KO_PAGE] [--mirror DIR]).
#pragma once

#include "arguments.hpp"
#include "artalign/pipeline.hpp"

namespace artalign::cli {

/// Declares --mirror on `parser`.
void add_pair_options(ArgumentParser& parser);

/// The pair named by the parsed positionals and --mirror. Throws UsageError without EN_PAGE.
PairInput pair_input(const ArgumentParser& parser, const char* usage);

}  // namespace artalign::cli
