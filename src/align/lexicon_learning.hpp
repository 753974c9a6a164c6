// Corpus-level lexicon learning: word and name translations from the confident beads of a first alignment pass.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "align/aligner.hpp"
#include "anchor/anchors.hpp"
#include "anchor/lexicon.hpp"
#include "segment/segmenter.hpp"

namespace artalign {

/// Thresholds of the learner. The defaults were set by reasoning, not fitted to the benchmark
/// (docs/quality.md).
struct LearningOptions {
    double min_bead_score = 0.8;   ///< only 1-1 beads scoring at least this are counted
    std::size_t min_count = 3;     ///< beads in which the two words must occur together
    double min_dice = 0.3;         ///< 2 c(k,e) / (c(k) + c(e))
    double min_log_likelihood = 10.83;  ///< Dunning's G², 10.83 = p < 0.001 with one degree of freedom
    std::size_t max_per_word = 2;  ///< English words kept per Korean word, best Dice first
    std::size_t min_korean_syllables = 2;  ///< shorter Korean stems are too ambiguous
};

/// One learned translation with the statistics that admitted it.
struct LearnedEntry {
    std::u32string korean;   ///< Korean stem, particles and endings stripped
    std::u32string english;  ///< the English word's most frequent lower-cased surface form
    std::size_t joint = 0;   ///< beads holding both
    std::size_t korean_count = 0;
    std::size_t english_count = 0;
    double dice = 0.0;
    double log_likelihood = 0.0;
};

/// Counts co-occurrences of Korean and English content words over translated sentence pairs
/// and keeps the strongly associated pairs that `base` does not already list. Korean words are
/// reduced as the lexicon does (stop words out, longest listed particle or ending stripped);
/// English words with Lexicon::english_key (stop words out, inflections stripped). Each word
/// counts once a pair. Not thread-safe; the result depends only on the multiset of pairs added,
/// never on the order they were added in.
class LexiconLearner {
public:
    /// `base` must outlive the learner.
    explicit LexiconLearner(const Lexicon& base, LearningOptions options = {});

    /// Counts one sentence pair believed to be a translation.
    void add_pair(std::string_view source, std::string_view target);

    /// Counts the confident beads of one alignment: the 1-1 beads scoring at least
    /// min_bead_score, none at all when `not_a_translation` (batch passes its coverage
    /// report's likely_not_translation, learn-lexicon the aligner's Alignment::mismatched, as
    /// plain texts get no report). The one bead filter of every learning pass. Returns the
    /// number of beads counted.
    std::size_t add_alignment(const SegmentList& source, const SegmentList& target,
                              const std::vector<Bead>& beads, bool not_a_translation = false);

    /// Pairs counted so far.
    std::size_t pairs() const { return pairs_; }

    /// The entries passing every threshold, sorted by Korean word, then Dice (descending),
    /// then English word.
    std::vector<LearnedEntry> learn() const;

private:
    std::size_t korean_id(const std::u32string& stem);
    std::size_t english_id(const std::u32string& key);

    const Lexicon* base_;
    LearningOptions options_;
    std::size_t pairs_ = 0;
    std::unordered_map<std::u32string, std::size_t> korean_ids_;
    std::unordered_map<std::u32string, std::size_t> english_ids_;
    std::vector<std::u32string> korean_;   // id -> Korean stem
    std::vector<std::u32string> english_;  // id -> English key
    std::vector<std::size_t> korean_counts_;
    std::vector<std::size_t> english_counts_;
    std::vector<std::map<std::u32string, std::size_t>> surfaces_;  // per English id: form -> count
    std::unordered_map<std::uint64_t, std::size_t> joint_;         // (Korean id << 32 | English id) -> count
};

/// Dunning's log-likelihood ratio G² for a 2x2 table: `joint` pairs with both words, `a` with
/// the first, `b` with the second, `n` pairs in all.
double log_likelihood_ratio(std::size_t joint, std::size_t a, std::size_t b, std::size_t n);

/// The learned entries as lexicon entries: one a Korean word, with its English words in the
/// order of `entries` (sorted as learn() sorts them). What save_learned_lexicon writes and
/// load_lexicon_file reads back.
std::vector<LexiconEntry> learned_lexicon_entries(const std::vector<LearnedEntry>& entries);

/// Writes entries as a lexicon TSV (the format Lexicon::load_directory reads: "korean<TAB>english
/// words", one line per Korean word, '#' comment lines first). Throws OutputError naming `file`.
void save_learned_lexicon(const std::filesystem::path& file, const std::vector<LearnedEntry>& entries);

/// Reads a lexicon TSV (learned or hand-written) into `extractor`. Throws DataError naming
/// `file` when it is unreadable or a line has no tab. Returns the number of entries read.
std::size_t load_lexicon_file(const std::filesystem::path& file, AnchorExtractor& extractor);

}  // namespace artalign
