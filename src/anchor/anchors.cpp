// Anchor extraction: every kind of evidence for one sentence, Latin tokens and marks included.
#include "anchor/anchors.hpp"

#include <algorithm>
#include <limits>

#include "anchor/words.hpp"
#include "util/text.hpp"

namespace artalign {
namespace {

// Entries each word cache holds at most before it starts again, so that memory stays flat.
constexpr std::size_t kMaxCachedWords = 8192;
constexpr std::size_t kMaxCachedSentences = 512;
// Keys the table holds at most before start_document() numbers afresh (tens of bytes each).
constexpr std::size_t kMaxKeys = std::size_t{1} << 17;

bool has_upper(std::u32string_view word) {
    return std::any_of(word.begin(), word.end(), [](char32_t c) { return c >= U'A' && c <= U'Z'; });
}

// The key `prefix` followed by `text` (in UTF-8), spelled in `buffer`: reused for every key, it
// allocates nothing once it has grown. The two-character prefix is pushed, not assigned:
// assign() is a call that costs more than the rest for a short key.
std::string_view spelled_key(std::string& buffer, std::string_view prefix, std::u32string_view text) {
    buffer.clear();
    for (const char c : prefix) buffer.push_back(c);
    append_utf8(text, buffer);
    return buffer;
}
std::string_view spelled_key(std::string& buffer, std::string_view prefix, std::string_view text) {
    buffer.clear();
    for (const char c : prefix) buffer.push_back(c);
    buffer += text;
    return buffer;
}

// Quotation marks and parentheses: one anchor each for a quotation and a parenthesis. Searched
// as UTF-8 bytes: a valid encoding of these marks is always decoded as the mark itself. The
// two keys are numbered on first use and kept in `quote_key` and `paren_key`.
void add_marks(KeyedAnchors& anchors, KeyTable& keys, std::uint32_t& quote_key, std::uint32_t& paren_key,
               std::string_view text) {
    auto has = [text](std::string_view mark) { return text.find(mark) != std::string_view::npos; };
    const bool quote = has("\"") || has("\xE2\x80\x9C") /* U+201C */ || has("\xE2\x80\x9D") /* U+201D */ ||
                       has("\xE3\x80\x8C") /* U+300C */ || has("\xE3\x80\x8E") /* U+300E */;
    const bool paren = has("(") || has("\xEF\xBC\x88") /* U+FF08 */;
    if (quote) {
        if (quote_key == kNoKey) quote_key = keys.id("q:quote");
        anchors.add(AnchorKind::mark, {&quote_key, 1});
    }
    if (paren) {
        if (paren_key == kNoKey) paren_key = keys.id("q:paren");
        anchors.add(AnchorKind::mark, {&paren_key, 1});
    }
}

void add_number_keys(KeyedAnchors& anchors, KeyTable& keys, const std::vector<std::string>& numbers) {
    for (const std::string& number : numbers) {
        if (number.empty()) continue;
        const std::uint32_t key = keys.id(number);
        anchors.add(AnchorKind::number, {&key, 1});
    }
}

// A name anchor whose longest skeleton has two sound classes is short.
AnchorKind name_kind(std::size_t longest_skeleton) {
    return longest_skeleton <= 2 ? AnchorKind::short_name : AnchorKind::name;
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

AnchorExtractor::WordKeys AnchorExtractor::WordKeys::of(std::span<const std::uint32_t> keys, std::vector<std::uint32_t>& spill) {
    WordKeys kept;
    kept.count_ = static_cast<std::uint32_t>(keys.size());
    if (keys.size() <= kInPlace) {
        std::copy(keys.begin(), keys.end(), kept.keys_);
    } else {
        kept.keys_[0] = static_cast<std::uint32_t>(spill.size());
        spill.insert(spill.end(), keys.begin(), keys.end());
    }
    return kept;
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

AnchorList AnchorExtractor::source_anchors(std::string_view text) const { return spelled(keyed_source_anchors(text)); }

AnchorList AnchorExtractor::target_anchors(std::string_view text) const { return spelled(keyed_target_anchors(text)); }

AnchorList AnchorExtractor::spelled(const KeyedAnchors& keyed) const {
    AnchorList anchors;
    for (std::size_t a = 0; a < keyed.size(); ++a) {
        Anchor anchor{keyed.kinds[a], {}};
        for (const std::uint32_t key : keyed.keys_of(a)) anchor.keys.emplace_back(keys_.key(key));
        anchors.push_back(std::move(anchor));
    }
    return anchors;
}

void AnchorExtractor::start_document() const {
    if (keys_.size() < kMaxKeys) return;
    keys_.clear();
    word_keys_by_stem_.clear();
    word_keys_by_number_.clear();
    quote_key_ = kNoKey;
    paren_key_ = kNoKey;
    clear_lexicon_caches();
}

const KeyedAnchors& AnchorExtractor::keyed_source_anchors(std::string_view text) const { return cached_anchors(text, true); }

const KeyedAnchors& AnchorExtractor::keyed_target_anchors(std::string_view text) const { return cached_anchors(text, false); }

const KeyedAnchors& AnchorExtractor::cached_anchors(std::string_view text, bool source) const {
    SentenceCache& cache = source ? source_sentences_ : target_sentences_;
    const std::uint64_t hash = StringTable<char, SentenceCache::Place>::hash_of(text);
    if (const SentenceCache::Place* cached = cache.sentences.find(text, hash)) {
        scratch_.clear();
        for (std::uint32_t a = 0; a < cached->anchor_count; ++a) {
            scratch_.kinds.push_back(cache.kinds[cached->first_anchor + a]);
            scratch_.starts.push_back(cache.ends[cached->first_anchor + a]);
        }
        const auto first = cache.keys.begin() + cached->first_key;
        scratch_.keys.assign(first, first + scratch_.starts.back());
        return scratch_;
    }
    if (source) extract_source_anchors(text, scratch_);
    else extract_target_anchors(text, scratch_);
    if (!cache.seen_before(hash)) return scratch_;
    if (cache.sentences.size() >= kMaxCachedSentences) cache.clear();
    cache.sentences.insert(text, SentenceCache::Place{static_cast<std::uint32_t>(cache.kinds.size()),
                                                      static_cast<std::uint32_t>(scratch_.size()),
                                                      static_cast<std::uint32_t>(cache.keys.size())});
    cache.kinds.insert(cache.kinds.end(), scratch_.kinds.begin(), scratch_.kinds.end());
    cache.ends.insert(cache.ends.end(), scratch_.starts.begin() + 1, scratch_.starts.end());
    cache.keys.insert(cache.keys.end(), scratch_.keys.begin(), scratch_.keys.end());
    return scratch_;
}

void AnchorExtractor::extract_source_anchors(std::string_view text, KeyedAnchors& anchors) const {
    anchors.clear();
    assign_code_points(text, points_);
    split_word_views(points_, words_);
    add_number_keys(anchors, keys_, data_->numbers.korean_keys(points_, words_));
    prefetch_cached_words();
    for (std::size_t k = 0; k < words_.size(); ++k) {
        const WordView& word = words_[k];
        if (word.script == WordScript::latin && word.text.size() >= 2) {
            const std::uint32_t key = latin_key(english_word(word.text, word_hashes_[k]), word.text);
            anchors.add(AnchorKind::latin, {&key, 1});
        } else if (word.script == WordScript::hangul) {
            const WordAnchor& anchor = korean_word_anchor(word.text, word_hashes_[k]);
            anchors.add(anchor.kind, anchor.keys.view(korean_words_.spill));
        }
    }
    add_marks(anchors, keys_, quote_key_, paren_key_, text);
}

void AnchorExtractor::prefetch_cached_words() const {
    word_hashes_.resize(words_.size());
    for (std::size_t k = 0; k < words_.size(); ++k) {
        const std::uint64_t hash = StringTable<char32_t, WordAnchor>::hash_of(words_[k].text);
        word_hashes_[k] = hash;
        if (words_[k].script == WordScript::hangul) korean_words_.words.prefetch_slot(hash);
        else if (words_[k].script == WordScript::latin) english_words_.words.prefetch_slot(hash);
    }
    for (std::size_t k = 0; k < words_.size(); ++k) {
        if (words_[k].script == WordScript::hangul) korean_words_.words.prefetch_record(word_hashes_[k]);
        else if (words_[k].script == WordScript::latin) english_words_.words.prefetch_record(word_hashes_[k]);
    }
}

const AnchorExtractor::WordAnchor& AnchorExtractor::korean_word_anchor(std::u32string_view word, std::uint64_t hash) const {
    if (const WordAnchor* cached = korean_words_.words.find(word, hash)) return *cached;
    WordAnchor anchor;
    // Keys gathered in a reused buffer, then copied at their number: one allocation a word at
    // most, where growing the anchor's own vector took one for each of its first keys.
    word_keys_.clear();
    if (!lexicon().is_korean_stopword(word)) {
        lexicon().translations(word, translations_);
        if (!translations_.empty()) {
            for (const Lexicon::Translation& stem : translations_) word_keys_.push_back(word_key(stem));
        } else {
            std::size_t longest = 0;
            lexicon().suffixes().stems(word, views_);
            for (const std::u32string_view stem : views_) {
                if (lexicon().is_korean_stopword(stem)) continue;
                names_->korean_skeleton(stem, skeleton_);
                if (skeleton_.empty()) continue;
                // Each skeleton once: equal skeletons are equal keys.
                const std::uint32_t key = keys_.id(spelled_key(key_, "s:", skeleton_));
                if (std::find(word_keys_.begin(), word_keys_.end(), key) != word_keys_.end()) continue;
                longest = std::max(longest, skeleton_.size());
                word_keys_.push_back(key);
            }
            anchor.kind = name_kind(longest);
        }
    }
    if (korean_words_.words.size() >= kMaxCachedWords) korean_words_.clear();
    anchor.keys = WordKeys::of(word_keys_, korean_words_.spill);
    return korean_words_.words.insert(word, anchor);
}

std::uint32_t AnchorExtractor::word_key(std::u32string_view stem) const {
    if (const std::uint32_t* known = word_keys_by_stem_.find(stem)) return *known;
    return word_keys_by_stem_.insert(stem, keys_.id(spelled_key(key_, "w:", stem)));
}

std::uint32_t AnchorExtractor::word_key(const Lexicon::Translation& stem) const {
    if (stem.number == Lexicon::kUnnumbered) return word_key(stem.stem);
    if (word_keys_by_number_.empty()) word_keys_by_number_.assign(lexicon().numbered_stems(), kNoKey);
    std::uint32_t& key = word_keys_by_number_[stem.number];
    // Numbered straight from the key table: word_keys_by_stem_ would only hold it twice, and an
    // unnumbered look-up of the same text still meets it there (keys_ gives one number a key).
    if (key == kNoKey) key = keys_.id(spelled_key(key_, "w:", lexicon().stem_text(stem)));
    return key;
}

std::uint32_t AnchorExtractor::latin_key(EnglishWord& entry, std::u32string_view word) const {
    if (entry.latin == kNoKey) {
        // Lower-cased after spelling: ASCII letters are single bytes in UTF-8, as in the word.
        spelled_key(key_, "l:", word);
        for (char& c : key_) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        entry.latin = keys_.id(key_);
    }
    return entry.latin;
}

AnchorExtractor::EnglishWord& AnchorExtractor::english_word(std::u32string_view word, std::uint64_t hash) const {
    if (EnglishWord* cached = english_words_.words.find(word, hash)) return *cached;
    EnglishWord entry;
    entry.capitalised = has_upper(word);
    // Only words some lexicon entry translates to: any other word can never meet a Korean
    // word, so it is no evidence either way (it would only count as a miss).
    word_keys_.clear();
    auto add_key = [this](std::u32string_view part) {
        lexicon().english_key(part, english_key_);
        if (english_key_.empty()) return;
        if (const auto number = lexicon().translation_number(english_key_)) word_keys_.push_back(word_key(Lexicon::Translation{english_key_, *number}));
    };
    add_key(word);
    // A hyphenated word also stands for its parts ("re-election" ~ "election").
    if (word.find(U'-') != std::u32string_view::npos) {
        std::size_t start = 0;
        while (start <= word.size()) {
            const std::size_t end = std::min(word.find(U'-', start), word.size());
            add_key(word.substr(start, end - start));
            start = end + 1;
        }
    }
    if (english_words_.words.size() >= kMaxCachedWords) english_words_.clear();
    entry.keys = WordKeys::of(word_keys_, english_words_.spill);
    return english_words_.words.insert(word, entry);
}

void AnchorExtractor::extract_target_anchors(std::string_view text, KeyedAnchors& anchors) const {
    anchors.clear();
    assign_code_points(text, points_);
    split_word_views(points_, words_);
    add_number_keys(anchors, keys_, data_->numbers.english_keys(points_, words_));
    prefetch_cached_words();
    for (std::size_t k = 0; k < words_.size(); ++k) {
        const WordView& word = words_[k];
        if (word.script != WordScript::latin) continue;
        EnglishWord& entry = english_word(word.text, word_hashes_[k]);
        if (entry.capitalised) {
            const std::uint32_t latin = latin_key(entry, word.text);
            anchors.add(AnchorKind::latin, {&latin, 1});
            // A name: this word alone, and run together with the next one or two capitalised
            // words ("Kim Jong-un" ~ 김정은). The word alone is cached with the word.
            if (!entry.name_known) {
                NameSkeletons::english_skeleton(word.text, skeleton_);
                entry.name_length = static_cast<std::uint32_t>(std::min<std::size_t>(skeleton_.size(), std::numeric_limits<std::uint32_t>::max()));
                if (!skeleton_.empty()) entry.name = keys_.id(spelled_key(key_, "s:", skeleton_));
                entry.name_known = true;
            }
            name_run_.assign(word.text);
            name_keys_.clear();
            std::size_t longest = entry.name_length;
            if (entry.name_length > 0) name_keys_.push_back(entry.name);
            for (std::size_t n = k + 1; n < words_.size() && n < k + 3; ++n) {
                if (words_[n].script != WordScript::latin || !has_upper(words_[n].text)) break;
                if (words_[n].begin > words_[n - 1].end + 1) break;
                name_run_ += words_[n].text;
                NameSkeletons::english_skeleton(name_run_, skeleton_);
                if (skeleton_.empty()) continue;
                longest = std::max(longest, skeleton_.size());
                name_keys_.push_back(keys_.id(spelled_key(key_, "s:", skeleton_)));
            }
            anchors.add(name_kind(longest), name_keys_);
        }
        anchors.add(AnchorKind::word, entry.keys.view(english_words_.spill));
    }
    add_marks(anchors, keys_, quote_key_, paren_key_, text);
}

}  // namespace artalign
