// Splitting text into words by script (Hangul, Latin, digits), the unit every anchor works on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/text.hpp"

namespace artalign {

/// The script of a word.
enum class WordScript : unsigned char { hangul, latin, digits, other };

/// A maximal run of letters or digits of one script. Latin words keep inner hyphens and
/// apostrophes ("Jong-un", "O'Neill"); digit runs keep inner ',' and '.' ("12,300.5").
struct Word {
    std::u32string text;
    WordScript script = WordScript::other;
    std::size_t begin = 0;  ///< code-point offset of the word in the text
    std::size_t end = 0;    ///< one past its last code point
};

/// A Word whose text is a view into the code points it was split from.
struct WordView {
    std::u32string_view text;
    WordScript script = WordScript::other;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// The words of UTF-8 `text`, in order. Invalid UTF-8 bytes separate words. Never throws on input.
std::vector<Word> split_words(std::string_view text);

/// The same words, of `points` (code points, to_code_points() of the text), as views into it,
/// in `words` (cleared first). For the hot path: no allocation once `words` has grown.
void split_word_views(std::u32string_view points, std::vector<WordView>& words);

/// True for the Hangul syllables and jamo blocks.
bool is_hangul(char32_t c);

/// ASCII-only lower-casing (other code points unchanged).
std::u32string ascii_lower(std::u32string_view text);

}  // namespace artalign
