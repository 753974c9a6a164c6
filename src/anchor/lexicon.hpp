// A Korean-English word lexicon for anchor evidence, loaded from data/lexicon/*.tsv.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "anchor/word_forms.hpp"
#include "artalign/types.hpp"

namespace artalign {

/// Korean words with the English word stems they may translate to.
///
/// Files are TSV, "korean<TAB>english words separated by spaces", '#' comments. Korean verbs
/// and adjectives in dictionary form ("발표하다") are also indexed without "하다"/"다" so that
/// a stripped stem ("발표" from "발표했다") finds them.
class Lexicon {
public:
    Lexicon() = default;

    /// Loads every *.tsv in `directory` (sorted by name), the suffix list `ko.suffixes` and
    /// the stop words `en.stopwords` and `ko.stopwords` found there. Throws DataError naming the file
    /// on an unreadable file.
    static Lexicon load_directory(const std::filesystem::path& directory);

    /// Adds one entry; `english` holds words, each reduced with english_stem().
    void add(const std::u32string& korean, const std::vector<std::u32string>& english);

    /// True when the Korean word is a listed function word, never an anchor.
    bool is_korean_stopword(const std::u32string& korean_word) const;

    /// English stems a Korean word (as written, with particles) may translate to: the first
    /// stem candidate (KoreanSuffixes::stems) found in the lexicon wins; failing that, a
    /// greedy split into known parts of two or more syllables ("핵전쟁" -> 핵 + 전쟁 when
    /// "전쟁" is listed). Empty when nothing is known.
    std::vector<std::u32string> translations(const std::u32string& korean_word) const;

    /// True when `korean_word` or one of its stems is listed.
    bool knows(const std::u32string& korean_word) const;

    /// The English stem of `word` when it is a content word, or empty for a stop word.
    std::u32string english_key(std::u32string_view word) const;

    /// True when some entry translates to the English stem `key` (an english_key() result):
    /// an English word whose stem no entry gives can never meet a Korean word.
    bool translates_to(const std::u32string& key) const { return english_stems_.count(key) != 0; }

    std::size_t size() const { return entries_.size(); }
    const KoreanSuffixes& suffixes() const { return suffixes_; }

private:
    // add() with each English word already reduced by english_key() (empty: a stop word).
    void add_keys(const std::u32string& korean, const std::vector<std::u32string>& keys);
    const std::vector<std::u32string>* find(const std::u32string& stem) const;

    std::unordered_map<std::u32string, std::vector<std::u32string>> entries_;
    std::unordered_set<std::u32string> english_stems_;  // every stem some entry gives
    std::unordered_set<std::u32string> stopwords_;
    std::unordered_set<std::u32string> korean_stopwords_;
    KoreanSuffixes suffixes_;
};

}  // namespace artalign
