// Reducing words to the forms the lexicon lists: Korean particles and endings stripped,
// English inflections stripped.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace artalign {

/// Strips Korean particles and verb endings listed in a data file (data/lexicon/ko.suffixes).
class KoreanSuffixes {
public:
    KoreanSuffixes() = default;
    /// Suffixes, one a line ('#' comments). Throws DataError naming `file` when unreadable.
    static KoreanSuffixes load(const std::filesystem::path& file);
    explicit KoreanSuffixes(std::vector<std::u32string> suffixes);

    /// Candidate stems of `word`, most likely first: the word itself, then the word minus
    /// each listed suffix it ends with (longest suffix first), never leaving less than one
    /// syllable. "대통령은" -> {"대통령은", "대통령"}.
    std::vector<std::u32string> stems(const std::u32string& word) const;
    /// The same stems as views into `word` (each is a prefix of it), in `out` (cleared first):
    /// for the hot path, no allocation once `out` has grown.
    void stems(std::u32string_view word, std::vector<std::u32string_view>& out) const;

private:
    std::vector<std::u32string> suffixes_;  // longest first
    // Indices into suffixes_ by their last code point, in suffixes_'s order: a word is only
    // compared with the suffixes that end as it does.
    std::unordered_map<char32_t, std::vector<std::size_t>> by_last_;
};

/// A crude English stemmer: lower-case, possessive and plural "s", "ed", "ing", "ly" and a final
/// "e" removed, so that inflected forms of one word meet ("announced", "announces",
/// "announcing" -> "announc"). Used identically on lexicon entries and on text. Pure ASCII in,
/// ASCII out; other code points pass through unchanged.
std::u32string english_stem(std::u32string_view word);
/// english_stem() of `word` in place: for the hot path, no allocation once `word` has grown.
void reduce_to_english_stem(std::u32string& word);

}  // namespace artalign
