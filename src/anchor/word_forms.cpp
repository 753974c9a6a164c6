// Korean suffix stripping and English inflection stripping, for lexicon look-ups.
#include "anchor/word_forms.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "artalign/error.hpp"
#include "read/input_file.hpp"
#include "util/text.hpp"
#include "anchor/words.hpp"

namespace artalign {
namespace {

// Compared from the last code point back: most suffixes tried fail there, at once.
bool ends_with(std::u32string_view word, std::u32string_view suffix) {
    return word.size() >= suffix.size() && std::equal(suffix.rbegin(), suffix.rend(), word.rbegin());
}

bool is_vowel(char32_t c) { return c == U'a' || c == U'e' || c == U'i' || c == U'o' || c == U'u' || c == U'y'; }

bool has_vowel(std::u32string_view word) { return std::any_of(word.begin(), word.end(), is_vowel); }

}  // namespace

KoreanSuffixes::KoreanSuffixes(std::vector<std::u32string> suffixes) : suffixes_(std::move(suffixes)) {
    std::stable_sort(suffixes_.begin(), suffixes_.end(),
                     [](const std::u32string& a, const std::u32string& b) { return a.size() > b.size(); });
    suffixes_.erase(std::unique(suffixes_.begin(), suffixes_.end()), suffixes_.end());
    // An empty suffix would only give the word itself, which stems() always lists first.
    for (std::size_t k = 0; k < suffixes_.size(); ++k) {
        if (!suffixes_[k].empty()) by_last_[suffixes_[k].back()].push_back(k);
    }
}

KoreanSuffixes KoreanSuffixes::load(const std::filesystem::path& file) {
    const std::optional<std::string> content = read_data_file(file);
    if (!content) throw DataError(file.string(), "cannot read the Korean suffix list");
    std::vector<std::u32string> suffixes;
    for (std::string_view line : split_lines(*content)) {
        if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        const std::string clean = collapse_whitespace(line);
        if (!clean.empty()) suffixes.push_back(to_code_points(clean));
    }
    return KoreanSuffixes(std::move(suffixes));
}

std::vector<std::u32string> KoreanSuffixes::stems(const std::u32string& word) const {
    std::vector<std::u32string_view> views;
    stems(word, views);
    return {views.begin(), views.end()};
}

void KoreanSuffixes::stems(std::u32string_view word, std::vector<std::u32string_view>& out) const {
    out.assign(1, word);
    if (word.empty()) return;
    const auto candidates = by_last_.find(word.back());
    if (candidates == by_last_.end()) return;
    for (const std::size_t k : candidates->second) {
        const std::u32string& suffix = suffixes_[k];
        if (word.size() > suffix.size() && ends_with(word, suffix)) {
            const std::u32string_view stem = word.substr(0, word.size() - suffix.size());
            if (std::find(out.begin(), out.end(), stem) == out.end()) out.push_back(stem);
        }
    }
}

std::u32string english_stem(std::u32string_view input) {
    std::u32string word(input);
    reduce_to_english_stem(word);
    return word;
}

void reduce_to_english_stem(std::u32string& word) {
    // Suffixes as sv literals: their lengths are known at compile time, not counted per call.
    using namespace std::literals;
    for (char32_t& c : word) {
        if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
        else if (c == U'\u2019') c = U'\'';
    }
    if (ends_with(word, U"'s"sv)) word.resize(word.size() - 2);
    if (ends_with(word, U"'"sv)) word.pop_back();
    auto strip = [&word](std::u32string_view suffix, std::size_t min_rest, std::u32string_view replacement = U""sv) {
        if (word.size() >= suffix.size() + min_rest && ends_with(word, suffix) &&
            has_vowel(std::u32string_view(word).substr(0, word.size() - suffix.size()))) {
            word.resize(word.size() - suffix.size());
            word += replacement;
            return true;
        }
        return false;
    };
    // Each step below is tried only when the word ends in its suffixes' last letter: no suffix
    // of the step can match otherwise, and most words end in none of them.
    auto ends_in = [&word](char32_t c) { return !word.empty() && word.back() == c; };
    if (ends_in(U's') && !strip(U"ies"sv, 2, U"y"sv) && !strip(U"sses"sv, 2, U"ss"sv) && !ends_with(word, U"ss"sv) &&
        !ends_with(word, U"us"sv) && !ends_with(word, U"is"sv)) {
        strip(U"s"sv, 3);
    }
    if (ends_in(U'd') || ends_in(U'g')) {
        if (!strip(U"ied"sv, 2, U"y"sv) && !strip(U"ed"sv, 3)) strip(U"ing"sv, 3);
    }
    if (ends_in(U'y')) strip(U"ly"sv, 4);
    // Derivational endings, so that "researcher" meets "research", "calculation" "calculate".
    static constexpr std::array kDerivational{U"ation"sv, U"ition"sv, U"ment"sv, U"ness"sv, U"ity"sv, U"ion"sv,
                                              U"ate"sv,   U"er"sv,    U"or"sv,   U"ive"sv,  U"al"sv};
    for (const std::u32string_view suffix : kDerivational) {
        if (ends_in(suffix.back()) && strip(suffix, 4)) break;
    }
    if (word.size() >= 2 && word[word.size() - 1] == word[word.size() - 2] && !is_vowel(word.back()) &&
        word.back() != U'l' && word.back() != U's')
        word.pop_back();  // "stopped" -> "stopp" -> "stop"
    if (word.size() > 3 && word.back() == U'e') word.pop_back();
}

}  // namespace artalign
