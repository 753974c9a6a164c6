// The first pass of a two-pass batch run (artalign batch --learn-lexicon): every pair aligned,
// word translations learned from the confident beads, all in memory.
#pragma once

#include <cstddef>
#include <vector>

#include "align/lexicon_learning.hpp"
#include "batch/batch_runner.hpp"
#include "batch/pair_source.hpp"

namespace artalign {

struct LexiconPassResult {
    std::vector<LearnedEntry> entries;  ///< LexiconLearner::learn(); empty when interrupted
    std::size_t beads = 0;              ///< confident beads counted (LexiconLearner::pairs())
    bool interrupted = false;           ///< options.cancel stopped the pass before every pair was aligned
};

/// Aligns every request as run_batch would (options.resources, pipeline, jobs), without
/// corrections or report pages, and writes nothing: no journal, no output. Each aligned pair's
/// beads go to a LexiconLearner over the shipped lexicon (the data directory's lexicon/) through
/// LexiconLearner::add_alignment, a pair the coverage report finds likely_not_translation
/// counting none. The result does not depend on `jobs` or on the order pairs finish in.
/// options.on_pair is told of each finished pair (calls never overlap, but come from the worker
/// threads); options.cancel stops the pass as it stops run_batch.
/// To realign with what was learned, load Resources whose ResourceOptions::lexicon_entries are
/// learned_lexicon_entries(result.entries) and call run_batch with them.
/// Throws InputError when two requests share a key, DataError when the data directory is bad.
LexiconPassResult learn_lexicon_pass(const PairSource& requests, const BatchOptions& options,
                                     const LearningOptions& learning = {});

}  // namespace artalign
