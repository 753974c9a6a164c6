// A Korean-English word lexicon for anchor evidence, loaded from data/lexicon/*.tsv.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "anchor/lexicon_index.hpp"
#include "anchor/word_filter.hpp"
#include "anchor/word_forms.hpp"
#include "artalign/types.hpp"

namespace artalign {

/// Korean words with the English word stems they may translate to.
///
/// Files are TSV, "korean<TAB>english words separated by spaces", '#' comments. Korean verbs
/// and adjectives in dictionary form ("발표하다") are also indexed without "하다"/"다" so that
/// a stripped stem ("발표" from "발표했다") finds them.
///
/// Parsing the TSVs is most of a short run's start, so the build also writes what they give into
/// an index (LexiconIndex, `lexicon.index`), used in place when the TSVs are still what it was
/// built from: the same names, sizes and modification times (stat() alone, when those times
/// were settled when it was built), or else the same contents (read and hashed); otherwise (a
/// user's edit, another lexicon) the TSVs are parsed. Either way every member function answers
/// the same.
class Lexicon {
public:
    /// The index's file name, beside the TSVs of an installed data directory.
    static constexpr const char* kIndexFileName = "lexicon.index";

    Lexicon() = default;

    /// Loads every *.tsv in `directory` (sorted by name), the suffix list `ko.suffixes` and
    /// the stop words `en.stopwords` and `ko.stopwords` found there. Throws DataError naming the file
    /// on an unreadable file. The entries come from the first of index_locations(directory)
    /// built from exactly these files, else from parsing the TSVs.
    static Lexicon load_directory(const std::filesystem::path& directory);
    /// load_directory with the index looked for in `index_files` only (none: always parse).
    static Lexicon load_directory(const std::filesystem::path& directory, const std::vector<std::filesystem::path>& index_files);
    /// Where load_directory looks for the index: beside the TSVs, then, for the source tree's
    /// data/lexicon of a development build, in the build tree (built_from_source_data).
    static std::vector<std::filesystem::path> index_locations(const std::filesystem::path& directory);

    /// Writes the index of this lexicon, as parsed from its TSVs by load_directory(directory, {}),
    /// to `file` (the build's index tool). Throws std::logic_error for a lexicon that came from an
    /// index or had entries added, OutputError naming `file` when it cannot be written.
    void write_index(const std::filesystem::path& file) const;
    /// True when the entries came from an index rather than from parsing the TSVs.
    bool uses_index() const { return index_ != nullptr; }
    /// Every headword, derived ones ("발표" for "발표하다") included, in no particular order.
    std::vector<std::u32string> headwords() const;

    /// Adds one entry; `english` holds words, each reduced with english_stem().
    void add(const std::u32string& korean, const std::vector<std::u32string>& english);

    /// True when the Korean word is a listed function word, never an anchor.
    bool is_korean_stopword(std::u32string_view korean_word) const;

    /// English stems a Korean word (as written, with particles) may translate to: the first
    /// stem candidate (KoreanSuffixes::stems) found in the lexicon wins; failing that, a
    /// greedy split into known parts of two or more syllables ("핵전쟁" -> 핵 + 전쟁 when
    /// "전쟁" is listed). Empty when nothing is known.
    std::vector<std::u32string> translations(const std::u32string& korean_word) const;
    /// An English stem: its number among the index's stems (LexiconIndex::stem_number) when it
    /// comes from the index, else kUnnumbered and its text as a view into this lexicon (valid
    /// until it changes). stem_text() spells either: a caller that keeps what it derives from a
    /// numbered stem in an array never reads the text, which is one more place in memory.
    /// The same stem may come numbered from one headword and not from another (added entries).
    struct Translation {
        std::u32string_view stem;  // the text; translations() leaves it empty for a numbered stem
        std::uint32_t number;
    };
    static constexpr std::uint32_t kUnnumbered = 0xFFFFFFFFu;
    std::u32string_view stem_text(const Translation& translation) const {
        return translation.number == kUnnumbered ? translation.stem : index_->stem_text(translation.number);
    }
    /// The same stems as Translation values, in `out` (cleared first): for the hot path, no
    /// allocation once `out` has grown.
    void translations(std::u32string_view korean_word, std::vector<Translation>& out) const;

    /// True when `korean_word` or one of its stems is listed.
    bool knows(const std::u32string& korean_word) const;

    /// The English stem of `word` when it is a content word, or empty for a stop word.
    std::u32string english_key(std::u32string_view word) const;
    /// The same into `key`, reusing its storage.
    void english_key(std::u32string_view word, std::u32string& key) const;

    /// True when some entry translates to the English stem `key` (an english_key() result):
    /// an English word whose stem no entry gives can never meet a Korean word.
    bool translates_to(std::u32string_view key) const { return translation_number(key).has_value(); }
    /// The same, with the stem's number when the index gives it (else kUnnumbered); nullopt when
    /// no entry translates to `key`.
    std::optional<std::uint32_t> translation_number(std::u32string_view key) const;
    /// How many stems the index numbers (0 without an index): numbers run below it.
    std::size_t numbered_stems() const { return index_ ? index_->stem_count() : 0; }

    std::size_t size() const;
    const KoreanSuffixes& suffixes() const { return suffixes_; }

private:
    // Hashes std::u32string keys and finds them by std::u32string_view too, without a copy.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::u32string_view text) const { return std::hash<std::u32string_view>{}(text); }
    };
    using TextSet = std::unordered_set<std::u32string, TextHash, std::equal_to<>>;

    // add() with each English word already reduced by english_key() (empty: a stop word).
    void add_keys(const std::u32string& korean, const std::vector<std::u32string>& keys);
    // Calls visit(Translation) with each English stem of `headword`, in order; false when the
    // headword is not listed. `hash` is LexiconIndex::hash_of(headword).
    template <class Visit>
    bool visit_stems(std::u32string_view headword, std::uint64_t hash, Visit visit) const;
    template <class Visit>
    bool visit_stems(std::u32string_view headword, Visit visit) const {
        return visit_stems(headword, LexiconIndex::hash_of(headword), visit);
    }
    // The English stems of `headword` (of hash `hash`) appended to `out`; false when it is not
    // listed.
    bool append_stems(std::u32string_view headword, std::uint64_t hash, std::vector<Translation>& out) const;
    // The LexiconIndex::hash_of() of each beginning of `text` no longer than the longest
    // headword: hashes[k - 1] of its first k code points.
    void beginning_hashes(std::u32string_view text, std::vector<std::uint64_t>& hashes) const;

    // The TSVs' entries when an index matched them; nullptr when they were parsed into entries_.
    std::shared_ptr<const LexiconIndex> index_;
    // Parsed entries, or those add() put on top of index_: a headword here shadows index_'s,
    // its list starting as a copy of index_'s so that add() merges as it does into parsed ones.
    std::unordered_map<std::u32string, std::vector<std::u32string>, TextHash, std::equal_to<>> entries_;
    TextSet english_stems_;  // every stem some entry of entries_ gives
    std::size_t shadowed_ = 0;                          // headwords of entries_ also in index_
    // The longest headword of entries_ and index_, in code points: no longer part of a compound
    // can be listed, so the compound search never tries one (a long run of syllables would
    // otherwise cost the cube of its length).
    std::size_t longest_headword_ = 0;
    // Of the files parsed, for write_index: their stamp (0: not to be trusted) and fingerprint.
    struct SourceCheck {
        std::uint64_t stamp = 0;
        std::uint64_t fingerprint = 0;
    };
    std::optional<SourceCheck> source_check_;
    TextSet stopwords_;
    TextSet korean_stopwords_;
    // Of the two stop word lists: asked of every word and stem looked up, they rule out nearly
    // all before a hash look-up.
    WordFilter stopword_filter_;
    WordFilter korean_stopword_filter_;
    KoreanSuffixes suffixes_;
};

}  // namespace artalign
