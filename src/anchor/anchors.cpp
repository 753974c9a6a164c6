// Anchor extraction: every kind of evidence for one sentence, Latin tokens and marks included.
#include "anchor/anchors.hpp"

#include <algorithm>

#include "anchor/words.hpp"

namespace artalign {
namespace {

// Entries each word cache holds at most before it starts again, so that memory stays flat.
constexpr std::size_t kMaxCachedWords = 8192;
constexpr std::size_t kMaxCachedSentences = 512;

// The cached anchors of `text`, or those `extract` gives, remembered.
template <typename Extract>
AnchorList cached_anchors(std::unordered_map<std::string, AnchorList>& cache, std::string_view text, Extract extract) {
    std::string key(text);
    if (const auto cached = cache.find(key); cached != cache.end()) return cached->second;
    AnchorList anchors = extract();
    if (cache.size() >= kMaxCachedSentences) cache.clear();
    cache.emplace(std::move(key), anchors);
    return anchors;
}

void add(AnchorList& anchors, AnchorKind kind, std::vector<std::string> keys) {
    keys.erase(std::remove(keys.begin(), keys.end(), std::string()), keys.end());
    if (!keys.empty()) anchors.push_back(Anchor{kind, std::move(keys)});
}

bool has_upper(std::u32string_view word) {
    return std::any_of(word.begin(), word.end(), [](char32_t c) { return c >= U'A' && c <= U'Z'; });
}

// Quotation marks and parentheses: one anchor each for a quotation and a parenthesis.
void add_marks(AnchorList& anchors, std::string_view text) {
    const std::u32string points = to_code_points(text);
    const bool quote = std::any_of(points.begin(), points.end(), [](char32_t c) {
        return c == U'"' || c == U'\u201C' || c == U'\u201D' || c == U'\u300C' || c == U'\u300E';
    });
    const bool paren = std::any_of(points.begin(), points.end(), [](char32_t c) { return c == U'(' || c == U'\uFF08'; });
    if (quote) add(anchors, AnchorKind::mark, {"q:quote"});
    if (paren) add(anchors, AnchorKind::mark, {"q:paren"});
}

// A name anchor whose longest skeleton key ("s:" and the skeleton) has two sound classes is short.
AnchorKind name_kind(const std::vector<std::string>& keys) {
    std::size_t longest = 0;
    for (const std::string& key : keys) longest = std::max(longest, key.size() - 2);
    return longest <= 2 ? AnchorKind::short_name : AnchorKind::name;
}

}  // namespace

const char* anchor_kind_name(AnchorKind kind) {
    switch (kind) {
        case AnchorKind::number: return "number";
        case AnchorKind::latin: return "latin";
        case AnchorKind::name: return "name";
        case AnchorKind::word: return "word";
        case AnchorKind::mark: return "mark";
        case AnchorKind::short_name: return "short-name";
    }
    return "unknown";
}

AnchorExtractor::AnchorExtractor() : data_(std::make_shared<Data>()), names_(std::make_shared<NameSkeletons>()) {}

AnchorExtractor AnchorExtractor::load(const std::filesystem::path& data_dir) {
    AnchorExtractor extractor;
    extractor.data_->numbers = NumberReader::load(data_dir / "anchors" / "numbers.tsv");
    extractor.data_->lexicon = Lexicon::load_directory(data_dir / "lexicon");
    return extractor;
}

AnchorExtractor AnchorExtractor::share() const {
    AnchorExtractor extractor;
    extractor.data_ = data_;
    return extractor;
}

void AnchorExtractor::add_lexicon_entry(const std::u32string& korean, const std::vector<std::u32string>& english) {
    if (data_.use_count() > 1) data_ = std::make_shared<Data>(*data_);
    data_->lexicon.add(korean, english);
    clear_lexicon_caches();
}

AnchorList AnchorExtractor::source_anchors(std::string_view text) const {
    return cached_anchors(source_sentences_, text, [&] { return extract_source_anchors(text); });
}

AnchorList AnchorExtractor::target_anchors(std::string_view text) const {
    return cached_anchors(target_sentences_, text, [&] { return extract_target_anchors(text); });
}

AnchorList AnchorExtractor::extract_source_anchors(std::string_view text) const {
    AnchorList anchors;
    for (std::string& key : data_->numbers.korean_keys(text)) add(anchors, AnchorKind::number, {std::move(key)});
    for (const Word& word : split_words(text)) {
        if (word.script == WordScript::latin && word.text.size() >= 2) {
            add(anchors, AnchorKind::latin, {"l:" + to_utf8(ascii_lower(word.text))});
        } else if (word.script == WordScript::hangul) {
            const WordAnchor& anchor = korean_word_anchor(word.text);
            add(anchors, anchor.kind, anchor.keys);
        }
    }
    add_marks(anchors, text);
    return anchors;
}

const AnchorExtractor::WordAnchor& AnchorExtractor::korean_word_anchor(const std::u32string& word) const {
    if (const auto cached = korean_words_.find(word); cached != korean_words_.end()) return cached->second;
    WordAnchor anchor;
    if (!lexicon().is_korean_stopword(word)) {
        const std::vector<std::u32string> english = lexicon().translations(word);
        if (!english.empty()) {
            for (const auto& stem : english) anchor.keys.push_back("w:" + to_utf8(stem));
        } else {
            for (const std::u32string& stem : lexicon().suffixes().stems(word)) {
                if (lexicon().is_korean_stopword(stem)) continue;
                std::string skeleton = names_->korean_skeleton(stem);
                if (!skeleton.empty() && std::find(anchor.keys.begin(), anchor.keys.end(), "s:" + skeleton) == anchor.keys.end())
                    anchor.keys.push_back("s:" + skeleton);
            }
            anchor.kind = name_kind(anchor.keys);
        }
    }
    if (korean_words_.size() >= kMaxCachedWords) korean_words_.clear();
    return korean_words_.emplace(word, std::move(anchor)).first->second;
}

const std::vector<std::string>& AnchorExtractor::english_word_keys(const std::u32string& word) const {
    if (const auto cached = english_words_.find(word); cached != english_words_.end()) return cached->second;
    // A hyphenated word also stands for its parts ("re-election" ~ "election").
    // Only words some lexicon entry translates to: any other word can never meet a Korean
    // word, so it is no evidence either way (it would only count as a miss).
    std::vector<std::string> keys;
    auto known = [this](const std::u32string& key) { return !key.empty() && lexicon().translates_to(key); };
    const std::u32string key = lexicon().english_key(word);
    if (known(key)) keys.push_back("w:" + to_utf8(key));
    if (word.find(U'-') != std::u32string::npos) {
        std::size_t start = 0;
        while (start <= word.size()) {
            const std::size_t end = std::min(word.find(U'-', start), word.size());
            const std::u32string part_key = lexicon().english_key(word.substr(start, end - start));
            if (known(part_key)) keys.push_back("w:" + to_utf8(part_key));
            start = end + 1;
        }
    }
    if (english_words_.size() >= kMaxCachedWords) english_words_.clear();
    return english_words_.emplace(word, std::move(keys)).first->second;
}

AnchorList AnchorExtractor::extract_target_anchors(std::string_view text) const {
    AnchorList anchors;
    for (std::string& key : data_->numbers.english_keys(text)) add(anchors, AnchorKind::number, {std::move(key)});
    const std::vector<Word> words = split_words(text);
    for (std::size_t k = 0; k < words.size(); ++k) {
        const Word& word = words[k];
        if (word.script != WordScript::latin) continue;
        if (has_upper(word.text)) {
            add(anchors, AnchorKind::latin, {"l:" + to_utf8(ascii_lower(word.text))});
            // A name: this word alone, and run together with the next one or two capitalised
            // words ("Kim Jong-un" ~ 김정은).
            std::vector<std::string> keys;
            std::u32string run;
            for (std::size_t n = k; n < words.size() && n < k + 3; ++n) {
                if (words[n].script != WordScript::latin || !has_upper(words[n].text)) break;
                if (n > k && words[n].begin > words[n - 1].end + 1) break;
                run += words[n].text;
                const std::string skeleton = NameSkeletons::english_skeleton(run);
                if (!skeleton.empty()) keys.push_back("s:" + skeleton);
            }
            const AnchorKind kind = name_kind(keys);
            add(anchors, kind, std::move(keys));
        }
        const std::vector<std::string>& keys = english_word_keys(word.text);
        if (!keys.empty()) add(anchors, AnchorKind::word, keys);
    }
    add_marks(anchors, text);
    return anchors;
}

}  // namespace artalign
