// The Korean-English lexicon behind word anchors: loading, stemming and look-up.
#include "anchor/lexicon.hpp"

#include <algorithm>
#include <fstream>

#include "artalign/error.hpp"
#include "util/text.hpp"
#include "anchor/words.hpp"

namespace artalign {
namespace {

bool ends_with(std::u32string_view word, std::u32string_view suffix) {
    return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

std::vector<std::string> read_lines(const std::filesystem::path& file, const char* what) {
    std::ifstream in(file);
    if (!in) throw DataError(file.string(), std::string("cannot read ") + what);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.front() == '#') continue;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

// The syllables that begin a form of 하다: 하, 한, 할, 함, 합, 해, 했.
bool is_ha_syllable(char32_t c) {
    return c == U'하' || c == U'한' || c == U'할' || c == U'함' || c == U'합' || c == U'해' || c == U'했';
}

}  // namespace

Lexicon Lexicon::load_directory(const std::filesystem::path& directory) {
    Lexicon lexicon;
    const auto suffixes = directory / "ko.suffixes";
    if (std::filesystem::exists(suffixes)) lexicon.suffixes_ = KoreanSuffixes::load(suffixes);
    const auto stopwords = directory / "en.stopwords";
    if (std::filesystem::exists(stopwords)) {
        for (const std::string& line : read_lines(stopwords, "the English stop word list")) {
            const std::string word = collapse_whitespace(line);
            if (!word.empty()) lexicon.stopwords_.insert(to_code_points(word));
        }
    }
    const auto korean_stopwords = directory / "ko.stopwords";
    if (std::filesystem::exists(korean_stopwords)) {
        for (const std::string& line : read_lines(korean_stopwords, "the Korean stop word list")) {
            const std::string word = collapse_whitespace(line);
            if (!word.empty()) lexicon.korean_stopwords_.insert(to_code_points(word));
        }
    }
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        if (entry.path().extension() == ".tsv") files.push_back(entry.path());
    }
    if (error) throw DataError(directory.string(), "cannot list the lexicon directory: " + error.message());
    std::sort(files.begin(), files.end());
    // English words recur across entries ("government", "announce"): each is stemmed once.
    std::unordered_map<std::u32string, std::u32string> keys;
    std::vector<std::u32string> english;
    for (const auto& file : files) {
        std::size_t line_number = 0;
        for (const std::string& line : read_lines(file, "lexicon")) {
            ++line_number;
            const auto tab = line.find('\t');
            if (tab == std::string::npos)
                throw DataError(file.string(), "entry " + std::to_string(line_number) +
                                                   " has no tab between the Korean word and its English words");
            english.clear();
            for (const Word& word : split_words(std::string_view(line).substr(tab + 1))) {
                if (word.script != WordScript::latin) continue;
                auto [known, inserted] = keys.try_emplace(word.text);
                if (inserted) known->second = lexicon.english_key(word.text);
                english.push_back(known->second);
            }
            lexicon.add_keys(to_code_points(collapse_whitespace(std::string_view(line).substr(0, tab))), english);
        }
    }
    return lexicon;
}

void Lexicon::add(const std::u32string& korean, const std::vector<std::u32string>& english) {
    std::vector<std::u32string> keys;
    keys.reserve(english.size());
    for (const std::u32string& word : english) keys.push_back(english_key(word));
    add_keys(korean, keys);
}

void Lexicon::add_keys(const std::u32string& korean, const std::vector<std::u32string>& keys) {
    if (korean.empty()) return;
    std::vector<std::u32string> stems;
    for (const std::u32string& key : keys) {
        if (!key.empty() && std::find(stems.begin(), stems.end(), key) == stems.end()) stems.push_back(key);
    }
    if (stems.empty()) return;
    english_stems_.insert(stems.begin(), stems.end());
    auto merge = [this, &stems](const std::u32string& headword) {
        auto& list = entries_[headword];
        for (const auto& stem : stems) {
            if (std::find(list.begin(), list.end(), stem) == list.end()) list.push_back(stem);
        }
    };
    merge(korean);
    // "발표하다" is also found as "발표"; "크다" as "크" only when two syllables remain.
    if (ends_with(korean, U"하다") && korean.size() >= 4) merge(korean.substr(0, korean.size() - 2));
    else if (ends_with(korean, U"되다") && korean.size() >= 4) merge(korean.substr(0, korean.size() - 2));
    else if (ends_with(korean, U"다") && korean.size() >= 3) merge(korean.substr(0, korean.size() - 1));
}

const std::vector<std::u32string>* Lexicon::find(const std::u32string& stem) const {
    const auto it = entries_.find(stem);
    return it == entries_.end() ? nullptr : &it->second;
}

bool Lexicon::is_korean_stopword(const std::u32string& korean_word) const {
    return korean_stopwords_.count(korean_word) != 0;
}

std::vector<std::u32string> Lexicon::translations(const std::u32string& korean_word) const {
    if (is_korean_stopword(korean_word)) return {};
    const auto stems = suffixes_.stems(korean_word);
    for (const std::u32string& stem : stems) {
        if (is_korean_stopword(stem)) return {};
        // One syllable before a form of 하다 is a verb, not the noun it spells: 원했다 is
        // 원하다 "want", not 원 "won"; 달했다 is 달하다 "reach", not 달 "moon".
        if (stem.size() == 1 && korean_word.size() > 1 && is_ha_syllable(korean_word[1])) {
            if (const auto* found = find(stem + U"하다")) return *found;
            continue;
        }
        if (const auto* found = find(stem)) return *found;
    }
    // Compounds written solid: greedy longest known parts of two or more syllables.
    const std::u32string& stem = stems.back();
    std::vector<std::u32string> out;
    std::u32string part;  // reused for every candidate part: no allocation per look-up
    part.reserve(stem.size());
    std::size_t i = 0;
    while (i + 1 < stem.size()) {
        bool matched = false;
        for (std::size_t length = stem.size() - i; length >= 2; --length) {
            part.assign(stem, i, length);
            if (const auto* found = find(part)) {
                for (const auto& english : *found) {
                    if (std::find(out.begin(), out.end(), english) == out.end()) out.push_back(english);
                }
                i += length;
                matched = true;
                break;
            }
        }
        if (!matched) ++i;
    }
    return out;
}

bool Lexicon::knows(const std::u32string& korean_word) const {
    for (const std::u32string& stem : suffixes_.stems(korean_word)) {
        if (find(stem) != nullptr) return true;
    }
    return false;
}

std::u32string Lexicon::english_key(std::u32string_view word) const {
    const std::u32string lower = ascii_lower(word);
    if (lower.size() < 2 || stopwords_.count(lower) != 0) return {};
    return english_stem(lower);
}

}  // namespace artalign
