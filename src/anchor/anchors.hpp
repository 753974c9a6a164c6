// Anchor evidence for alignment: what a source (Korean) sentence and a target (English)
// sentence can share beyond length: numbers, Latin tokens, names, dictionary words, marks.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "anchor/lexicon.hpp"
#include "anchor/number_anchors.hpp"
#include "anchor/transliteration.hpp"

#include "artalign/anchor_kind.hpp"

namespace artalign {

/// One piece of evidence in a segment: it is matched when any of its keys occurs among the
/// keys of the other side. A source lexicon word carries each of its English translations
/// as a key; an English name carries the skeletons of itself and of the names it begins.
struct Anchor {
    AnchorKind kind = AnchorKind::word;
    std::vector<std::string> keys;
};

using AnchorList = std::vector<Anchor>;

/// Extracts anchors from Korean source text and English target text. Not thread-safe: each
/// thread takes its own with share(), which costs no loading (the data is shared, read-only).
///
///     const AnchorExtractor anchors = AnchorExtractor::load(data_directory());
///     AnchorList source = anchors.source_anchors("트럼프 대통령은 2월 10일 ...");
///     AnchorList target = anchors.target_anchors("President Trump on Feb. 10 ...");
///     const AnchorExtractor for_another_thread = anchors.share();
class AnchorExtractor {
public:
    /// An extractor with no data: numbers in digits and Latin tokens only.
    AnchorExtractor();
    /// Reads data_dir/anchors/numbers.tsv and the lexicon in data_dir/lexicon/. Throws
    /// DataError naming the file that is missing or malformed.
    static AnchorExtractor load(const std::filesystem::path& data_dir);

    /// An extractor for another thread: the same numbers and lexicon, shared, not copied; its
    /// own (empty) caches and name transliterator.
    AnchorExtractor share() const;

    AnchorList source_anchors(std::string_view text) const;
    AnchorList target_anchors(std::string_view text) const;

    const Lexicon& lexicon() const { return data_->lexicon; }
    /// Adds one lexicon entry (Lexicon::add), e.g. a learned word (lexicon_learning.hpp). An
    /// extractor whose data other extractors share (share()) first takes its own copy of it.
    void add_lexicon_entry(const std::u32string& korean, const std::vector<std::u32string>& english);

private:
    // The anchor a Korean word gives (kind and keys, no keys for none), and the word keys an
    // English word gives: pure functions of the word and lexicon_, cached because news text
    // repeats its words. Whatever changes the lexicon must call clear_lexicon_caches().
    struct WordAnchor {
        AnchorKind kind = AnchorKind::word;
        std::vector<std::string> keys;
    };
    AnchorList extract_source_anchors(std::string_view text) const;
    AnchorList extract_target_anchors(std::string_view text) const;
    const WordAnchor& korean_word_anchor(const std::u32string& word) const;
    const std::vector<std::string>& english_word_keys(const std::u32string& word) const;
    /// Empties the four caches below that depend on the lexicon.
    void clear_lexicon_caches() {
        korean_words_.clear();
        english_words_.clear();
        source_sentences_.clear();
        target_sentences_.clear();
    }

    // What load() reads: never changed while shared (add_lexicon_entry copies it first).
    struct Data {
        NumberReader numbers;
        Lexicon lexicon;
    };
    std::shared_ptr<Data> data_;
    std::shared_ptr<NameSkeletons> names_;
    mutable std::unordered_map<std::u32string, WordAnchor> korean_words_;
    mutable std::unordered_map<std::u32string, std::vector<std::string>> english_words_;
    // Anchors of whole sentences, for the ones a site repeats on every page (bylines, notices).
    // Also pure functions of the text and the lexicon.
    mutable std::unordered_map<std::string, AnchorList> source_sentences_;
    mutable std::unordered_map<std::string, AnchorList> target_sentences_;
};

}  // namespace artalign
