// Sentence segmentation: ICU's sentence BreakIterator wrapped with an abbreviation filter.
#include "artalign/segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fstream>

#include "artalign/error.hpp"
#include "artalign/text.hpp"

namespace artalign {

SentenceSplitter::SentenceSplitter(const std::string& language, const std::vector<std::string>& abbreviations) {
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
        builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), status);
        status = U_ZERO_ERROR;  // already present is not an error for us
    }
    iterator_.reset(builder->wrapIteratorWithFilter(base.release(), status));
    if (U_FAILURE(status)) throw DataError("ICU", std::string("cannot build sentence iterator: ") + u_errorName(status));
}

SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;

SentenceSplitter SentenceSplitter::for_language(const std::string& language, const std::filesystem::path& data_dir) {
    const std::filesystem::path list = data_dir / "segmentation" / (language + ".abbreviations");
    std::error_code error;
    if (!std::filesystem::exists(list, error)) return SentenceSplitter(language, {});
    return SentenceSplitter(language, load_abbreviations(list));
}

SegmentList SentenceSplitter::split(const std::vector<std::string>& blocks) const {
    SegmentList segments;
    for (std::size_t block = 0; block < blocks.size(); ++block) {
        const icu::UnicodeString text = icu::UnicodeString::fromUTF8(blocks[block]);
        iterator_->setText(text);
        int32_t start = iterator_->first();
        for (int32_t end = iterator_->next(); end != icu::BreakIterator::DONE; end = iterator_->next()) {
            // A break with no space before a letter is not a sentence end: Korean quotations
            // go on with a particle glued to the closing quote ("…죽었다.”고 말했다").
            if (end < text.length() && !u_isUWhiteSpace(text.char32At(end - 1)) && u_isalpha(text.char32At(end)))
                continue;
            std::string sentence;
            text.tempSubStringBetween(start, end).toUTF8String(sentence);
            sentence = collapse_whitespace(sentence);
            if (!sentence.empty()) segments.push_back(Segment{std::move(sentence), block});
            start = end;
        }
    }
    return segments;
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

}  // namespace artalign
