// Splitting text into words by script: the tokenizer under every anchor type.
#include "anchor/words.hpp"

#include <array>

#include "util/text.hpp"

namespace artalign {
namespace {

// The scripts of the ASCII code points, looked up rather than compared.
constexpr std::array<WordScript, 0x80> kAsciiScripts = [] {
    std::array<WordScript, 0x80> scripts{};
    for (char32_t c = 0; c < 0x80; ++c) {
        if (c >= U'0' && c <= U'9') scripts[c] = WordScript::digits;
        else if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) scripts[c] = WordScript::latin;
        else scripts[c] = WordScript::other;
    }
    return scripts;
}();

// Asked of every code point: ASCII and Hangul syllables, nearly all of Korean-English text,
// are told apart first (the classes do not overlap, so order is free).
inline WordScript script_of(char32_t c) {
    if (c < 0x80) return kAsciiScripts[c];
    if ((c >= 0xAC00 && c <= 0xD7A3) || is_hangul(c)) return WordScript::hangul;
    if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) return WordScript::latin;  // accented Latin
    return WordScript::other;
}

// An inner joiner keeps a word together when the same script follows: "Jong-un", "12,300.5".
bool joins(char32_t c, WordScript script) {
    if (script == WordScript::latin) return c == U'-' || c == U'\'' || c == U'\u2019';
    if (script == WordScript::digits) return c == U',' || c == U'.';
    return false;
}

}  // namespace

bool is_hangul(char32_t c) {
    return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
}

std::u32string ascii_lower(std::u32string_view text) {
    std::u32string out(text);
    for (char32_t& c : out) {
        if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
    }
    return out;
}

void split_word_views(std::u32string_view points, std::vector<WordView>& words) {
    words.clear();
    std::size_t i = 0;
    while (i < points.size()) {
        const WordScript script = script_of(points[i]);
        if (script == WordScript::other) {
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < points.size()) {
            if (script_of(points[end]) == script) {
                ++end;
            } else if (joins(points[end], script) && end + 1 < points.size() && script_of(points[end + 1]) == script) {
                end += 2;
            } else {
                break;
            }
        }
        words.push_back(WordView{points.substr(i, end - i), script, i, end});
        i = end;
    }
}

std::vector<Word> split_words(std::string_view text) {
    const std::u32string points = to_code_points(text);
    std::vector<WordView> views;
    split_word_views(points, views);
    std::vector<Word> words;
    words.reserve(views.size());
    for (const WordView& view : views) words.push_back(Word{std::u32string(view.text), view.script, view.begin, view.end});
    return words;
}

}  // namespace artalign
