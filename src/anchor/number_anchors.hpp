// Number anchors: numbers, amounts, percentages and dates read from Korean and English text
// into one normal form, so that "12조3천억" meets "12.3 trillion" and "2월 10일" meets "Feb. 10".
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "anchor/string_table.hpp"
#include "anchor/word_filter.hpp"
#include "anchor/words.hpp"

namespace artalign {

/// Reads numbers in both languages into keys: "n:VALUE" (value to six significant digits,
/// e.g. "n:1.23e+13", "n:58.9", "n:2020"), "d:MONTH-DAY" for dates, "m:MONTH" for a month
/// named alone. Units, number words and month names come from a data file
/// (data/anchors/numbers.tsv): lines "kind<TAB>word<TAB>value".
class NumberReader {
public:
    NumberReader() = default;
    /// Throws DataError naming `file` when it cannot be read or a line is malformed.
    static NumberReader load(const std::filesystem::path& file);

    /// Keys of the numbers in Korean text: digits with separators and decimals, Korean units
    /// ("1억1천만" = 110000000), native number words ("두"), dates ("2월 10일").
    std::vector<std::string> korean_keys(std::string_view text) const;
    /// Keys of the numbers in English text: digits, scale words ("$110 million"), number
    /// words ("three"), dates ("Feb. 10", "February 10").
    std::vector<std::string> english_keys(std::string_view text) const;
    /// The same from the text already split: `points` is its code points, `words` their
    /// split_word_views() (anchor extraction splits each sentence once for every anchor kind).
    std::vector<std::string> korean_keys(std::u32string_view points, const std::vector<WordView>& words) const;
    std::vector<std::string> english_keys(std::u32string_view points, const std::vector<WordView>& words) const;

    /// The key for a numeric value, as both readers write it.
    static std::string value_key(double value);

private:
    std::map<std::u32string, double, std::less<>> korean_units_;  // 만, 억, 조
    std::map<std::u32string, double, std::less<>> korean_small_;  // 십, 백, 천
    std::map<std::u32string, double, std::less<>> english_scales_;
    // Looked up for nearly every word of every sentence: hashed, not ordered.
    StringTable<char32_t, double> korean_words_;
    StringTable<char32_t, double> english_words_;
    StringTable<char32_t, int> english_months_;
    WordFilter korean_filter_;   // of korean_words_
    WordFilter english_filter_;  // of english_words_ and english_months_
};

}  // namespace artalign
