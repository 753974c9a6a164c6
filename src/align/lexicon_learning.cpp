// Corpus-level lexicon learning: co-occurrence counts, Dice and log-likelihood, lexicon TSV files.
#include "align/lexicon_learning.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "util/atomic_file.hpp"
#include "artalign/error.hpp"
#include "read/input_file.hpp"
#include "util/limits.hpp"
#include "util/text.hpp"
#include "anchor/words.hpp"

namespace artalign {
namespace {

double x_log_x(double x) { return x > 0.0 ? x * std::log(x) : 0.0; }

}  // namespace

double log_likelihood_ratio(std::size_t joint, std::size_t a, std::size_t b, std::size_t n) {
    if (n == 0 || joint > a || joint > b || a > n || b > n || a + b > n + joint) return 0.0;
    const auto k11 = static_cast<double>(joint);
    const auto k12 = static_cast<double>(a - joint);
    const auto k21 = static_cast<double>(b - joint);
    const double k22 = static_cast<double>(n) - k11 - k12 - k21;
    const double total = static_cast<double>(n);
    // G² = 2 (sum k log k - sum row log row - sum column log column + N log N)
    const double cells = x_log_x(k11) + x_log_x(k12) + x_log_x(k21) + x_log_x(k22);
    const double rows = x_log_x(k11 + k12) + x_log_x(k21 + k22);
    const double columns = x_log_x(k11 + k21) + x_log_x(k12 + k22);
    const double g2 = 2.0 * (cells - rows - columns + x_log_x(total));
    return std::max(0.0, g2);
}

LexiconLearner::LexiconLearner(const Lexicon& base, LearningOptions options) : base_(&base), options_(options) {}

std::size_t LexiconLearner::korean_id(const std::u32string& stem) {
    const auto [it, inserted] = korean_ids_.emplace(stem, korean_.size());
    if (inserted) {
        korean_.push_back(stem);
        korean_counts_.push_back(0);
    }
    return it->second;
}

std::size_t LexiconLearner::english_id(const std::u32string& key) {
    const auto [it, inserted] = english_ids_.emplace(key, english_.size());
    if (inserted) {
        english_.push_back(key);
        english_counts_.push_back(0);
        surfaces_.emplace_back();
    }
    return it->second;
}

void LexiconLearner::add_pair(std::string_view source, std::string_view target) {
    std::set<std::size_t> korean_words;
    for (const Word& word : split_words(source)) {
        if (word.script != WordScript::hangul || base_->is_korean_stopword(word.text)) continue;
        // Words the shipped lexicon already knows are left to it, so that a learned entry never
        // shadows a listed one at lookup.
        if (base_->knows(word.text)) continue;
        const std::vector<std::u32string> stems = base_->suffixes().stems(word.text);
        const std::u32string& stem = stems.size() > 1 ? stems[1] : stems.front();
        if (stem.size() < options_.min_korean_syllables || base_->is_korean_stopword(stem)) continue;
        korean_words.insert(korean_id(stem));
    }
    std::set<std::size_t> english_words;
    for (const Word& word : split_words(target)) {
        if (word.script != WordScript::latin) continue;
        const std::u32string key = base_->english_key(word.text);
        if (key.empty()) continue;
        const std::size_t id = english_id(key);
        ++surfaces_[id][ascii_lower(word.text)];
        english_words.insert(id);
    }
    ++pairs_;
    for (const std::size_t k : korean_words) ++korean_counts_[k];
    for (const std::size_t e : english_words) ++english_counts_[e];
    for (const std::size_t k : korean_words) {
        for (const std::size_t e : english_words) ++joint_[(static_cast<std::uint64_t>(k) << 32) | e];
    }
}

std::size_t LexiconLearner::add_alignment(const SegmentList& source, const SegmentList& target,
                                          const std::vector<Bead>& beads, bool not_a_translation) {
    if (not_a_translation) return 0;
    std::size_t counted = 0;
    for (const Bead& bead : beads) {
        if (bead.source.size() != 1 || bead.target.size() != 1 || bead.score < options_.min_bead_score) continue;
        if (bead.source[0] >= source.size() || bead.target[0] >= target.size()) continue;
        add_pair(source[bead.source[0]].text, target[bead.target[0]].text);
        ++counted;
    }
    return counted;
}

std::vector<LearnedEntry> LexiconLearner::learn() const {
    std::vector<LearnedEntry> candidates;
    for (const auto& [packed, joint] : joint_) {
        if (joint < options_.min_count) continue;
        const auto k = static_cast<std::size_t>(packed >> 32);
        const auto e = static_cast<std::size_t>(packed & 0xffffffffU);
        LearnedEntry entry;
        entry.joint = joint;
        entry.korean_count = korean_counts_[k];
        entry.english_count = english_counts_[e];
        entry.dice = 2.0 * static_cast<double>(joint) / static_cast<double>(entry.korean_count + entry.english_count);
        if (entry.dice < options_.min_dice) continue;
        // Only positive association: more joint pairs than independence predicts.
        const double expected = static_cast<double>(entry.korean_count) * static_cast<double>(entry.english_count) /
                                static_cast<double>(pairs_);
        if (static_cast<double>(joint) <= expected) continue;
        entry.log_likelihood = log_likelihood_ratio(joint, entry.korean_count, entry.english_count, pairs_);
        if (entry.log_likelihood < options_.min_log_likelihood) continue;
        const std::vector<std::u32string> known = base_->translations(korean_[k]);
        if (std::find(known.begin(), known.end(), english_[e]) != known.end()) continue;
        entry.korean = korean_[k];
        // The most frequent surface form, ties to the smallest: Lexicon::add reduces it to the key.
        const auto& forms = surfaces_[e];
        auto best = forms.begin();
        for (auto it = forms.begin(); it != forms.end(); ++it) {
            if (it->second > best->second) best = it;
        }
        entry.english = best->first;
        candidates.push_back(std::move(entry));
    }
    std::sort(candidates.begin(), candidates.end(), [](const LearnedEntry& a, const LearnedEntry& b) {
        return std::tie(a.korean, b.dice, b.log_likelihood, a.english) <
               std::tie(b.korean, a.dice, a.log_likelihood, b.english);
    });
    std::vector<LearnedEntry> out;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (i == 0 || candidates[i].korean != candidates[i - 1].korean) kept = 0;
        if (kept++ < options_.max_per_word) out.push_back(candidates[i]);
    }
    return out;
}

std::vector<LexiconEntry> learned_lexicon_entries(const std::vector<LearnedEntry>& entries) {
    std::vector<LexiconEntry> lexicon;
    for (const LearnedEntry& entry : entries) {
        if (lexicon.empty() || lexicon.back().korean != entry.korean) lexicon.push_back(LexiconEntry{entry.korean, {}});
        lexicon.back().english.push_back(entry.english);
    }
    return lexicon;
}

void save_learned_lexicon(const std::filesystem::path& file, const std::vector<LearnedEntry>& entries) {
    std::string text =
        "# Korean word<TAB>English words (space-separated), learned by artalign from co-occurrence\n"
        "# in the confident beads of an alignment pass (Dice and log-likelihood). Same format as\n"
        "# data/lexicon/*.tsv; reuse with --lexicon FILE.\n";
    for (const LexiconEntry& entry : learned_lexicon_entries(entries)) {
        text += to_utf8(entry.korean) + '\t';
        for (std::size_t k = 0; k < entry.english.size(); ++k) text += (k == 0 ? "" : " ") + to_utf8(entry.english[k]);
        text += '\n';
    }
    write_file_atomically(file, text);
}

std::size_t load_lexicon_file(const std::filesystem::path& file, AnchorExtractor& extractor) {
    InputRules rules;
    rules.allow_pipe = true;  // named on the command line (--lexicon)
    rules.max_bytes = kMaxTextBytes;
    rules.what = "lexicon";
    std::istringstream in;
    try {
        in.str(read_whole_input(file, rules));
    } catch (const InputError& error) {
        throw DataError("", error.what());  // the documented error of a lexicon file
    }
    std::size_t line_number = 0;
    std::size_t entries = 0;
    std::string line;
    while (std::getline(in, line)) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos)
            throw DataError(file.string(), "line " + std::to_string(line_number) +
                                               " has no tab between the Korean word and its English words");
        std::vector<std::u32string> english;
        for (const Word& word : split_words(line.substr(tab + 1))) {
            if (word.script == WordScript::latin) english.push_back(word.text);
        }
        const std::u32string korean = to_code_points(collapse_whitespace(line.substr(0, tab)));
        if (korean.empty() || english.empty()) continue;
        extractor.add_lexicon_entry(korean, english);
        ++entries;
    }
    if (in.bad()) throw DataError(file.string(), "read error");
    return entries;
}

}  // namespace artalign
