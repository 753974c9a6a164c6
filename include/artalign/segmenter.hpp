// Sentence segmentation with ICU's sentence BreakIterator plus per-language abbreviation data.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace artalign {

/// One sentence (or sentence-like unit) of an article and the block it came from.
struct Segment {
    std::string text;
    std::size_t block = 0;  ///< index into Article::text_blocks()
};

using SegmentList = std::vector<Segment>;

/// Splits text blocks into sentences. Not thread-safe: use one splitter per thread.
class SentenceSplitter {
public:
    /// A splitter for `language` (BCP 47) that never breaks after the listed abbreviations
    /// (e.g. "Jan.", "U.S."). Throws DataError when ICU cannot build the iterator.
    SentenceSplitter(const std::string& language, const std::vector<std::string>& abbreviations);
    ~SentenceSplitter();
    SentenceSplitter(SentenceSplitter&&) noexcept;
    SentenceSplitter& operator=(SentenceSplitter&&) noexcept;

    /// A splitter using the abbreviation list data/segmentation/LANGUAGE.abbreviations when the
    /// data directory has one. Throws DataError on an unreadable list.
    static SentenceSplitter for_language(const std::string& language,
                                         const std::filesystem::path& data_dir);

    /// Sentences of every block in order; each keeps its block index. Whitespace-only
    /// sentences are dropped; text is trimmed.
    SegmentList split(const std::vector<std::string>& blocks) const;

private:
    std::unique_ptr<icu::BreakIterator> iterator_;
};

/// Reads an abbreviation list: one entry a line, '#' starts a comment, blank lines ignored.
std::vector<std::string> load_abbreviations(const std::filesystem::path& file);

}  // namespace artalign
