// Anchor evidence for alignment: what a source (Korean) sentence and a target (English)
// sentence can share beyond length: numbers, Latin tokens, names, dictionary words, marks.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "anchor/keyed_anchors.hpp"
#include "anchor/string_table.hpp"
#include "anchor/lexicon.hpp"
#include "anchor/number_anchors.hpp"
#include "anchor/transliteration.hpp"
#include "anchor/words.hpp"

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

    /// The same anchors with numbered keys (key_name() spells them), as the aligner compares
    /// them. The reference is valid until the next call on this extractor.
    const KeyedAnchors& keyed_source_anchors(std::string_view text) const;
    const KeyedAnchors& keyed_target_anchors(std::string_view text) const;
    std::string_view key_name(std::uint32_t key) const { return keys_.key(key); }
    /// Call before the sentences of a new document: key numbers hold within a document, and
    /// between documents the extractor may number afresh (emptying its caches), so that a
    /// long batch does not grow the key table without end.
    void start_document() const;

    const Lexicon& lexicon() const { return data_->lexicon; }
    /// Adds one lexicon entry (Lexicon::add), e.g. a learned word (lexicon_learning.hpp). An
    /// extractor whose data other extractors share (share()) first takes its own copy of it.
    void add_lexicon_entry(const std::u32string& korean, const std::vector<std::u32string>& english);

private:
    // The key numbers of a cached word: in its cache entry when there are few (most words
    // have none to three), else in the cache's spill array. A cached word's keys are then read
    // from memory beside the word, not from an allocation of their own.
    class WordKeys {
    public:
        // `keys` kept, in place or appended to `spill`.
        static WordKeys of(std::span<const std::uint32_t> keys, std::vector<std::uint32_t>& spill);
        std::span<const std::uint32_t> view(const std::vector<std::uint32_t>& spill) const {
            if (count_ <= kInPlace) return {keys_, count_};
            return {spill.data() + keys_[0], count_};
        }

    private:
        static constexpr std::uint32_t kInPlace = 3;
        std::uint32_t count_ = 0;
        std::uint32_t keys_[kInPlace] = {};  // the keys, or keys_[0] = the first one's place in the spill array
    };
    // The anchor a Korean word gives (kind and keys, no keys for none), and what an English
    // word gives (its Latin-token key and its word keys): pure functions of the word and the
    // lexicon, cached because news text repeats its words. Whatever changes the lexicon must
    // call clear_lexicon_caches().
    struct WordAnchor {
        AnchorKind kind = AnchorKind::word;
        WordKeys keys;
    };
    struct EnglishWord {
        WordKeys keys;  // "w:" keys of the word and its hyphenated parts
        // Numbered when first needed (most words are neither Latin tokens nor names):
        std::uint32_t latin = kNoKey;     // "l:" and the word in lower case
        std::uint32_t name = kNoKey;      // "s:" and the word's skeleton alone
        std::uint32_t name_length = 0;    // that skeleton's length (0: none)
        bool capitalised = false;         // holds an upper-case letter: a Latin token, maybe a name
        bool name_known = false;
    };
    // A word cache with the spill array of its entries' keys.
    template <typename Value>
    struct WordCache {
        StringTable<char32_t, Value> words;
        std::vector<std::uint32_t> spill;
        void clear() {
            words.clear();
            spill.clear();
        }
    };
    // Sentences with their anchors, all in a few flat arrays (no node, no string, no vectors of
    // its own); a hit is copied into the reused buffer the extractor returns. A sentence is
    // stored when it is seen the second time: most never repeat (a byline, a credit line do),
    // and storing every one wrote more memory than the repeats saved, pushing the word caches
    // out of the processor's caches.
    struct SentenceCache {
        struct Place {  // a sentence's anchors: kinds[first_anchor ..], keys[first_key ..]
            std::uint32_t first_anchor, anchor_count, first_key;
        };
        static constexpr std::size_t kSeenSlots = 2048;  // a power of two
        StringTable<char, Place> sentences;
        std::vector<AnchorKind> kinds;
        std::vector<std::uint32_t> ends;  // of each anchor's keys, counted from its sentence's first
        std::vector<std::uint32_t> keys;
        // The hashes of sentences seen, one a slot by the hash's low bits: a later sentence may
        // take a slot (it is then stored at its third sighting), and two sentences with one hash
        // only store the second one early. Holds no anchors, so clear() keeps it.
        std::vector<std::uint64_t> seen;
        // Whether a sentence with `hash` was seen before; records that it was.
        bool seen_before(std::uint64_t hash) {
            if (seen.empty()) seen.assign(kSeenSlots, 0);
            std::uint64_t& slot = seen[hash & (kSeenSlots - 1)];
            const bool before = slot == hash;
            slot = hash;
            return before;
        }
        void clear() {
            sentences.clear();
            kinds.clear();
            ends.clear();
            keys.clear();
        }
    };

    // The anchors of a source (or target) sentence, from the sentence cache or found and cached.
    const KeyedAnchors& cached_anchors(std::string_view text, bool source) const;
    void extract_source_anchors(std::string_view text, KeyedAnchors& anchors) const;
    void extract_target_anchors(std::string_view text, KeyedAnchors& anchors) const;
    // The cached anchor of a Korean word, and the cached entry of an English word, found by
    // `hash` (StringTable::hash_of the word) or made and cached.
    const WordAnchor& korean_word_anchor(std::u32string_view word, std::uint64_t hash) const;
    EnglishWord& english_word(std::u32string_view word, std::uint64_t hash) const;
    // Hashes each of words_ into word_hashes_ and starts loading their cache entries: in a long
    // batch the word caches outgrow the processor's nearest caches, and a sentence's look-ups
    // then wait for memory one after the other unless their loads were started together.
    void prefetch_cached_words() const;
    std::uint32_t latin_key(EnglishWord& entry, std::u32string_view word) const;
    // The number of the key "w:" and `stem`: a Korean word's translations and an English word's
    // lexicon key, the same few hundred stems over and over.
    std::uint32_t word_key(std::u32string_view stem) const;
    // The same for a stem the lexicon gave: a numbered stem's key is kept in an array, found
    // without hashing (or reading) the stem.
    std::uint32_t word_key(const Lexicon::Translation& stem) const;
    AnchorList spelled(const KeyedAnchors& keyed) const;
    /// Empties the four caches below that depend on the lexicon.
    void clear_lexicon_caches() const {
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
    mutable KeyTable keys_;
    // word_key()'s numbers by stem, found without spelling the key in UTF-8 first. Numbers of
    // keys_: emptied with it.
    mutable StringTable<char32_t, std::uint32_t> word_keys_by_stem_;
    // word_key()'s numbers by the stem's number in the lexicon index (kNoKey: not yet asked).
    // Emptied with keys_ too, and sized on first use.
    mutable std::vector<std::uint32_t> word_keys_by_number_;
    mutable WordCache<WordAnchor> korean_words_;
    mutable WordCache<EnglishWord> english_words_;
    // Anchors of whole sentences, for the ones a site repeats on every page (bylines, notices).
    // Also pure functions of the text and the lexicon.
    mutable SentenceCache source_sentences_;
    mutable SentenceCache target_sentences_;
    // Reused for every sentence: its anchors as found, its code points, its words, a name's keys.
    mutable KeyedAnchors scratch_;
    mutable std::u32string points_;
    mutable std::vector<WordView> words_;
    mutable std::vector<std::uint64_t> word_hashes_;  // of words_, by StringTable::hash_of
    mutable std::u32string name_run_;
    mutable std::vector<std::uint32_t> name_keys_;
    // Reused for every word looked up: a key as spelled, an English word's lexicon key, a
    // Korean word's translations or stems, and its keys.
    mutable std::string key_;
    mutable std::string skeleton_;  // a name's skeleton
    mutable std::u32string english_key_;
    mutable std::vector<std::u32string_view> views_;
    mutable std::vector<Lexicon::Translation> translations_;
    mutable std::vector<std::uint32_t> word_keys_;
    mutable std::uint32_t quote_key_ = kNoKey;  // "q:quote" and "q:paren", once numbered
    mutable std::uint32_t paren_key_ = kNoKey;
};

}  // namespace artalign
