// Sentence segmentation: ICU's sentence BreakIterator wrapped with an abbreviation filter.
#include "segment/segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>

#include "artalign/error.hpp"
#include "util/text.hpp"

namespace artalign {
namespace {

std::shared_ptr<icu::RegexPattern> compile(const std::string& pattern) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    std::shared_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse_error, status));
    if (U_FAILURE(status) || !compiled)
        throw DataError("segmentation rules", "ICU rejects the pattern '" + pattern + "': " + u_errorName(status));
    return compiled;
}

// Length in UTF-16 units of the match of `pattern` at the start of `text`, or 0.
int32_t leading_match(const icu::RegexPattern& pattern, const icu::UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(pattern.matcher(text, status));
    if (U_FAILURE(status) || !matcher) throw DataError("ICU", std::string("regex matcher: ") + u_errorName(status));
    if (!matcher->lookingAt(status) || U_FAILURE(status)) return 0;
    const int32_t end = matcher->end(status);
    return U_SUCCESS(status) ? end : 0;
}

}  // namespace

// What a splitter holds: ICU types, which the public header does not show.
struct SentenceSplitter::Impl {
    std::unique_ptr<icu::BreakIterator> iterator;
    std::vector<icu::UnicodeString> abbreviations;
    std::vector<std::u32string> bullets;
    std::vector<std::shared_ptr<icu::RegexPattern>> datelines;
    std::vector<std::shared_ptr<icu::RegexPattern>> bylines;

    void split_piece(const std::string& piece, std::size_t block, SegmentList& out) const;
    bool is_byline(const std::string& sentence) const;
};

SegmentationRules SegmentationRules::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw DataError(file.string(), "cannot read segmentation rules");
    SegmentationRules rules;
    std::string line;
    std::size_t line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const auto tab = line.find('\t');
        const std::string kind = line.substr(0, tab);
        const std::string value = tab == std::string::npos ? std::string() : line.substr(tab + 1);
        if (value.empty()) throw DataError(file.string(), "line " + std::to_string(line_number) + " is not kind<TAB>value");
        if (kind == "bullet") rules.bullets.push_back(value);
        else if (kind == "dateline") rules.datelines.push_back(value);
        else if (kind == "byline") rules.bylines.push_back(value);
        else throw DataError(file.string(), "line " + std::to_string(line_number) + " has unknown kind '" + kind + "'");
    }
    return rules;
}

SentenceSplitter::SentenceSplitter(const std::string& language, const std::vector<std::string>& abbreviations,
                                   const SegmentationRules& rules)
    : SentenceSplitter(language, abbreviations) {
    for (const std::string& bullet : rules.bullets) impl_->bullets.push_back(to_code_points(bullet));
    for (const std::string& pattern : rules.datelines) impl_->datelines.push_back(compile(pattern));
    for (const std::string& pattern : rules.bylines) impl_->bylines.push_back(compile(pattern));
}

SentenceSplitter::SentenceSplitter(const std::string& language, const std::vector<std::string>& abbreviations)
    : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(language.c_str());
    std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(locale, status));
    if (U_FAILURE(status)) throw DataError("ICU", "no sentence break rules for '" + language + "': " + u_errorName(status));

    // Start from ICU's own suppression list for the locale (Mr., etc.), then add ours.
    std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
        icu::FilteredBreakIteratorBuilder::createInstance(locale, status));
    if (U_FAILURE(status)) {
        status = U_ZERO_ERROR;
        builder.reset(icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
    }
    if (U_FAILURE(status)) throw DataError("ICU", std::string("cannot build abbreviation filter: ") + u_errorName(status));
    for (const std::string& abbreviation : abbreviations) {
        impl_->abbreviations.push_back(icu::UnicodeString::fromUTF8(abbreviation));
        builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), status);
        status = U_ZERO_ERROR;  // already present is not an error for us
    }
    impl_->iterator.reset(builder->wrapIteratorWithFilter(base.release(), status));
    if (U_FAILURE(status)) throw DataError("ICU", std::string("cannot build sentence iterator: ") + u_errorName(status));
}

SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;

std::vector<std::string> SentenceSplitter::supported_languages(const std::filesystem::path& data_dir) {
    std::vector<std::string> languages;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(data_dir / "segmentation", error)) {
        if (entry.path().extension() == ".rules") languages.push_back(entry.path().stem().string());
    }
    std::sort(languages.begin(), languages.end());
    return languages;
}

SentenceSplitter SentenceSplitter::for_language(const std::string& language, const std::filesystem::path& data_dir) {
    const std::filesystem::path list = data_dir / "segmentation" / (language + ".abbreviations");
    const std::filesystem::path rules = data_dir / "segmentation" / (language + ".rules");
    std::error_code error;
    const auto abbreviations =
        std::filesystem::exists(list, error) ? load_abbreviations(list) : std::vector<std::string>{};
    if (!std::filesystem::exists(rules, error)) return SentenceSplitter(language, abbreviations);
    return SentenceSplitter(language, abbreviations, SegmentationRules::load(rules));
}

bool SentenceSplitter::Impl::is_byline(const std::string& sentence) const {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(sentence);
    for (const auto& pattern : bylines) {
        if (leading_match(*pattern, text) == text.length()) return true;
    }
    return false;
}

SegmentList SentenceSplitter::split(const std::vector<std::string>& blocks) const {
    const Impl& impl = *impl_;
    SegmentList segments;
    for (std::size_t block = 0; block < blocks.size(); ++block) {
        icu::UnicodeString text = icu::UnicodeString::fromUTF8(blocks[block]);
        for (const auto& pattern : impl.datelines) {
            if (const int32_t end = leading_match(*pattern, text); end > 0) {
                text.remove(0, end);
                break;
            }
        }
        std::string rest;
        text.toUTF8String(rest);
        // A bullet starts a new piece; each piece is split into sentences on its own.
        const std::u32string points = to_code_points(rest);
        std::size_t start = 0;
        for (std::size_t k = 1; k <= points.size(); ++k) {
            const bool bullet = k < points.size() && std::find(impl.bullets.begin(), impl.bullets.end(),
                                                               std::u32string(1, points[k])) != impl.bullets.end();
            if (k == points.size() || bullet) {
                impl.split_piece(to_utf8(std::u32string_view(points).substr(start, k - start)), block, segments);
                start = k;
            }
        }
    }
    return segments;
}

void SentenceSplitter::Impl::split_piece(const std::string& piece, std::size_t block, SegmentList& segments) const {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(piece);
    iterator->setText(text);
    int32_t start = iterator->first();
    for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE; end = iterator->next()) {
        // A break with no space before a letter is not a sentence end: Korean quotations
        // go on with a particle glued to the closing quote ("…죽었다.”고 말했다").
        if (end < text.length() && !u_isUWhiteSpace(text.char32At(end - 1)) && u_isalpha(text.char32At(end)))
            continue;
        // ICU's filter misses abbreviations with inner points ("a.m.", "U.S.") and initials:
        // the listed word right before the break, after a space or the start, holds it.
        int32_t word_end = end;
        while (word_end > start && u_isUWhiteSpace(text.char32At(word_end - 1))) --word_end;
        bool abbreviation = false;
        for (const icu::UnicodeString& entry : abbreviations) {
            const int32_t word_start = word_end - entry.length();
            if (word_start >= start && text.compare(word_start, entry.length(), entry) == 0 &&
                (word_start == 0 || u_isUWhiteSpace(text.char32At(word_start - 1)) || text.char32At(word_start - 1) == '(')) {
                abbreviation = true;
                break;
            }
        }
        if (abbreviation && end < text.length()) continue;
        std::string sentence;
        text.tempSubStringBetween(start, end).toUTF8String(sentence);
        sentence = collapse_whitespace(sentence);
        start = end;
        if (sentence.empty() || is_byline(sentence)) continue;
        // Punctuation alone (a closing quote ICU left behind) belongs to the sentence before.
        const std::u32string points = to_code_points(sentence);
        const bool has_content = std::any_of(points.begin(), points.end(),
                                             [](char32_t c) { return u_isalnum(static_cast<UChar32>(c)) != 0; });
        if (!has_content && !segments.empty() && segments.back().block == block) {
            segments.back().text += sentence;
            continue;
        }
        segments.push_back(Segment{std::move(sentence), block});
    }
}

std::vector<std::string> load_abbreviations(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw DataError(file.string(), "cannot read abbreviation list");
    std::vector<std::string> entries;
    std::string line;
    while (std::getline(in, line)) {
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        line = collapse_whitespace(line);
        if (!line.empty()) entries.push_back(line);
    }
    return entries;
}

std::string joined_text(const SegmentList& segments, const std::vector<std::size_t>& indices) {
    std::string text;
    for (const std::size_t k : indices) {
        if (!text.empty()) text.push_back(' ');
        text += segments[k].text;
    }
    return text;
}

}  // namespace artalign
