// Number anchors: Korean and English numbers, amounts and dates in one normal form.
#include "anchor/number_anchors.hpp"

#include <cmath>
#include <cstdio>
#include <optional>

#include "artalign/error.hpp"
#include "read/input_file.hpp"
#include "util/text.hpp"
#include "anchor/words.hpp"

namespace artalign {
namespace {

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u00A0'; }
bool is_latin_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

// Reads "12", "12,300", "58.9" at `i`; moves `i` past it. A comma joins only a group of three
// digits ("1,000"), a point only when a digit follows.
double read_decimal(std::u32string_view text, std::size_t& i) {
    double value = 0.0;
    while (i < text.size()) {
        if (is_digit(text[i])) {
            value = value * 10.0 + static_cast<double>(text[i] - U'0');
            ++i;
        } else if (text[i] == U',' && i + 3 < text.size() && is_digit(text[i + 1]) && is_digit(text[i + 2]) &&
                   is_digit(text[i + 3]) && (i + 4 >= text.size() || !is_digit(text[i + 4]))) {
            ++i;
        } else {
            break;
        }
    }
    if (i + 1 < text.size() && text[i] == U'.' && is_digit(text[i + 1])) {
        ++i;
        double scale = 0.1;
        while (i < text.size() && is_digit(text[i])) {
            value += scale * static_cast<double>(text[i] - U'0');
            scale /= 10.0;
            ++i;
        }
    }
    return value;
}

// The longest entry of `table` that starts at `i`, or nullptr; `length` receives its size.
template <typename Value>
const Value* match_at(const std::map<std::u32string, Value, std::less<>>& table, std::u32string_view text, std::size_t i,
                      std::size_t& length) {
    const Value* best = nullptr;
    length = 0;
    for (const auto& [word, value] : table) {
        if (word.size() > length && text.compare(i, word.size(), word) == 0) {
            best = &value;
            length = word.size();
        }
    }
    return best;
}

std::size_t skip_spaces(std::u32string_view text, std::size_t i) {
    while (i < text.size() && is_space(text[i])) ++i;
    return i;
}

std::string date_key(int month, double day) {
    return "d:" + std::to_string(month) + "-" + std::to_string(static_cast<int>(day));
}

// Times are keyed on the 12-hour clock ("t:3:30"): Korean often leaves out 오전/오후 where
// English writes a.m./p.m., and "15시" or "15:00" is the same time as "3 p.m.".
std::string time_key(double hour, double minute) {
    const int h = static_cast<int>(hour) % 12;
    return "t:" + std::to_string(h == 0 ? 12 : h) + ":" + (minute < 10 ? "0" : "") +
           std::to_string(static_cast<int>(minute));
}

bool is_whole(double value, double low, double high) {
    return value >= low && value <= high && value == static_cast<double>(static_cast<long>(value));
}

}  // namespace

std::string NumberReader::value_key(double value) {
    // Whole numbers below a million, most of those read, print as integers under "%.6g": the
    // same characters without formatting a double.
    if (!std::signbit(value) && value < 1e6 && value == static_cast<double>(static_cast<long>(value)))
        return "n:" + std::to_string(static_cast<long>(value));
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "n:%.6g", value);
    return buffer;
}

NumberReader NumberReader::load(const std::filesystem::path& file) {
    const std::optional<std::string> content = read_data_file(file);
    if (!content) throw DataError(file.string(), "cannot read the number word list");
    NumberReader reader;
    std::size_t line_number = 0;
    for (const std::string_view line : split_lines(*content)) {
        ++line_number;
        if (line.empty() || line.front() == '#') continue;
        const auto tab1 = line.find('\t');
        const auto tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
        if (tab2 == std::string::npos)
            throw DataError(file.string(), "line " + std::to_string(line_number) + " is not kind<TAB>word<TAB>value");
        const std::string_view kind = line.substr(0, tab1);
        const std::u32string word = to_code_points(collapse_whitespace(line.substr(tab1 + 1, tab2 - tab1 - 1)));
        double value = 0.0;
        try {
            value = std::stod(std::string(line.substr(tab2 + 1)));
        } catch (const std::exception&) {
            throw DataError(file.string(), "line " + std::to_string(line_number) + " has no numeric value");
        }
        if (kind == "ko-unit") reader.korean_units_[word] = value;
        else if (kind == "ko-small") reader.korean_small_[word] = value;
        else if (kind == "ko-word") reader.korean_words_.assign(word, value);
        else if (kind == "en-scale") reader.english_scales_[word] = value;
        else if (kind == "en-word") reader.english_words_.assign(word, value);
        else if (kind == "en-month") reader.english_months_.assign(word, static_cast<int>(value));
        else if (kind != "ko-month")
            throw DataError(file.string(), "line " + std::to_string(line_number) + " has unknown kind '" + std::string(kind) + "'");
    }
    for (std::size_t k = 0; k < reader.korean_words_.size(); ++k) reader.korean_filter_.add(reader.korean_words_.key(k));
    for (std::size_t k = 0; k < reader.english_words_.size(); ++k) reader.english_filter_.add(reader.english_words_.key(k));
    for (std::size_t k = 0; k < reader.english_months_.size(); ++k) reader.english_filter_.add(reader.english_months_.key(k));
    return reader;
}

std::vector<std::string> NumberReader::korean_keys(std::string_view input) const {
    const std::u32string text = to_code_points(input);
    std::vector<WordView> words;
    split_word_views(text, words);
    return korean_keys(text, words);
}

std::vector<std::string> NumberReader::korean_keys(std::u32string_view text, const std::vector<WordView>& words) const {
    std::vector<std::string> keys;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_digit(text[i]) || (i > 0 && (is_digit(text[i - 1]) || is_latin_letter(text[i - 1])))) {
            ++i;
            continue;
        }
        // Groups such as "12조", "3천억", "5000만": a decimal, an optional 십/백/천, a unit.
        double total = 0.0;
        double group = 0.0;
        while (i < text.size() && is_digit(text[i])) {
            double part = read_decimal(text, i);
            std::size_t length = 0;
            if (const double* small = match_at(korean_small_, text, i, length)) {
                part *= *small;
                i += length;
            }
            group += part;
            if (const double* unit = match_at(korean_units_, text, i, length)) {
                total += group * *unit;
                group = 0.0;
                i += length;
                continue;
            }
            break;
        }
        const double value = total + group;
        // "3시", "오후 3시 30분", "9시 반": a time ("3시간" is a duration, read as a number).
        if (i < text.size() && text[i] == U'시' && is_whole(value, 0, 24) &&
            (i + 1 >= text.size() || text[i + 1] != U'간')) {
            double minute = 0.0;
            std::size_t j = skip_spaces(text, i + 1);
            if (j < text.size() && is_digit(text[j])) {
                std::size_t k = j;
                const double minutes = read_decimal(text, k);
                if (k < text.size() && text[k] == U'분' && is_whole(minutes, 0, 59)) {
                    minute = minutes;
                    j = k + 1;
                } else {
                    j = i + 1;
                }
            } else if (j < text.size() && text[j] == U'반') {
                minute = 30;
                ++j;
            } else {
                j = i + 1;
            }
            keys.push_back(time_key(value, minute));
            i = j;
            continue;
        }
        // "2월 10일": a date; "2월" alone: a month.
        if (i < text.size() && text[i] == U'월' && value >= 1 && value <= 12) {
            std::size_t j = skip_spaces(text, i + 1);
            if (j < text.size() && is_digit(text[j])) {
                const double day = read_decimal(text, j);
                if (j < text.size() && text[j] == U'일' && day >= 1 && day <= 31) {
                    keys.push_back(date_key(static_cast<int>(value), day));
                    i = j + 1;
                    continue;
                }
            }
            keys.push_back("m:" + std::to_string(static_cast<int>(value)));
            ++i;
            continue;
        }
        keys.push_back(value_key(value));
    }
    for (const WordView& word : words) {
        // A unit right after digits ("5000만") was read above; only free-standing words count.
        if (word.script != WordScript::hangul || (word.begin > 0 && is_digit(text[word.begin - 1]))) continue;
        if (!korean_filter_.may_hold(word.text.size(), word.text[0])) continue;
        if (const double* value = korean_words_.find(word.text)) keys.push_back(value_key(*value));
    }
    return keys;
}

std::vector<std::string> NumberReader::english_keys(std::string_view input) const {
    const std::u32string text = to_code_points(input);
    std::vector<WordView> words;
    split_word_views(text, words);
    return english_keys(text, words);
}

std::vector<std::string> NumberReader::english_keys(std::u32string_view text, const std::vector<WordView>& words) const {
    std::vector<std::string> keys;
    // "3:30 p.m.", "3 p.m.", "9 a.m.", "10 o'clock", "15:00": the words it used (0 if not a time).
    auto read_english_time = [&keys](const std::vector<WordView>& all, std::size_t k, double hour,
                                     std::u32string_view whole) -> std::size_t {
        if (!is_whole(hour, 0, 24)) return 0;
        std::size_t used = 1;
        double minute = 0.0;
        const bool colon = k + 1 < all.size() && all[k + 1].script == WordScript::digits &&
                           all[k + 1].begin == all[k].end + 1 && whole[all[k].end] == U':' &&
                           all[k + 1].text.size() == 2;
        if (colon) {
            std::size_t i = 0;
            minute = read_decimal(all[k + 1].text, i);
            if (!is_whole(minute, 0, 59)) return 0;
            used = 2;
        }
        bool meridiem = false;
        if (k + used < all.size() && all[k + used].script == WordScript::latin) {
            const std::u32string next = ascii_lower(all[k + used].text);
            if (next == U"a" || next == U"p") {
                // "a.m." splits into "a", "m": both must be there, dotted.
                const std::size_t m = k + used + 1;
                meridiem = m < all.size() && ascii_lower(all[m].text) == U"m" && all[m].begin == all[k + used].end + 1;
                if (meridiem) used += 2;
            } else if (next == U"am" || next == U"pm" || next == U"o'clock" || next == U"o\u2019clock") {
                meridiem = true;
                used += 1;
            }
        }
        if (!colon && !meridiem) return 0;
        if (!is_whole(hour, 0, colon ? 24 : 12)) return 0;
        keys.push_back(time_key(hour, minute));
        return used;
    };
    std::u32string lower;  // of each word in turn, reusing one buffer
    for (std::size_t k = 0; k < words.size(); ++k) {
        const WordView& word = words[k];
        auto scale_after = [&](std::size_t at, double& value) {
            if (at + 1 < words.size() && words[at + 1].script == WordScript::latin) {
                const auto it = english_scales_.find(ascii_lower(words[at + 1].text));
                if (it != english_scales_.end()) {
                    value *= it->second;
                    return true;
                }
            }
            return false;
        };
        if (word.script == WordScript::digits) {
            std::size_t i = 0;
            double value = read_decimal(word.text, i);
            if (const std::size_t used = read_english_time(words, k, value, text)) {
                k += used - 1;
                continue;
            }
            if (scale_after(k, value)) ++k;
            keys.push_back(value_key(value));
            continue;
        }
        if (word.script != WordScript::latin) continue;
        const char32_t first = word.text[0];
        if (!english_filter_.may_hold(word.text.size(), first >= U'A' && first <= U'Z' ? first - U'A' + U'a' : first)) continue;
        lower.assign(word.text);
        for (char32_t& c : lower) {
            if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
        }
        if (const int* month = english_months_.find(lower)) {
            // A month is a date only when capitalised ("May 5", not "may").
            const bool capital = word.text[0] >= U'A' && word.text[0] <= U'Z';
            if (!capital) continue;
            if (k + 1 < words.size() && words[k + 1].script == WordScript::digits && words[k + 1].text.size() <= 2) {
                std::size_t i = 0;
                const double day = read_decimal(words[k + 1].text, i);
                if (day >= 1 && day <= 31) {
                    keys.push_back(date_key(*month, day));
                    ++k;
                    continue;
                }
            }
            keys.push_back("m:" + std::to_string(*month));
            continue;
        }
        if (const double* number = english_words_.find(lower)) {
            // "a second", "per second", "every second": the unit of time, not the ordinal.
            if (lower == U"second" && k > 0) {
                const std::u32string before = ascii_lower(words[k - 1].text);
                if (before == U"a" || before == U"per" || before == U"every" || words[k - 1].script == WordScript::digits)
                    continue;
            }
            double value = *number;
            if (scale_after(k, value)) ++k;
            keys.push_back(value_key(value));
        }
    }
    return keys;
}

}  // namespace artalign
