// Sentence segmentation with ICU's sentence BreakIterator plus per-language abbreviation data.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <unicode/unistr.h>
#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
class RegexPattern;
U_NAMESPACE_END

#include "artalign/types.hpp"

namespace artalign {

/// Language rules beyond ICU's, from data/segmentation/LANGUAGE.rules (lines "kind<TAB>value"):
/// bullets that start a new segment, datelines removed from the start of a block and bylines
/// dropped, the last two as ICU regular expressions.
struct SegmentationRules {
    std::vector<std::string> bullets;    ///< single characters, UTF-8
    std::vector<std::string> datelines;  ///< patterns matched at the start of a block
    std::vector<std::string> bylines;    ///< patterns a whole segment must match

    /// Throws DataError naming `file` when unreadable or a line has an unknown kind.
    static SegmentationRules load(const std::filesystem::path& file);
};

/// Splits text blocks into sentences. Not thread-safe: use one splitter per thread.
class SentenceSplitter {
public:
    /// A splitter for `language` (BCP 47) that never breaks after the listed abbreviations
    /// (e.g. "Jan.", "U.S."). Throws DataError when ICU cannot build the iterator.
    SentenceSplitter(const std::string& language, const std::vector<std::string>& abbreviations);
    /// The same with language rules. Throws DataError naming the pattern ICU rejects.
    SentenceSplitter(const std::string& language, const std::vector<std::string>& abbreviations,
                     const SegmentationRules& rules);
    ~SentenceSplitter();
    SentenceSplitter(SentenceSplitter&&) noexcept;
    SentenceSplitter& operator=(SentenceSplitter&&) noexcept;

    /// The languages the data directory has segmentation rules for (data/segmentation/
    /// LANGUAGE.rules), sorted: the languages artalign supports ("en", "ko").
    static std::vector<std::string> supported_languages(const std::filesystem::path& data_dir);

    /// A splitter using data/segmentation/LANGUAGE.abbreviations and LANGUAGE.rules when the
    /// data directory has them. Throws DataError on an unreadable or malformed file.
    static SentenceSplitter for_language(const std::string& language,
                                         const std::filesystem::path& data_dir);

    /// Sentences of every block in order; each keeps its block index. Whitespace-only
    /// sentences, datelines and bylines are dropped; text is trimmed; a bullet starts a new
    /// segment.
    SegmentList split(const std::vector<std::string>& blocks) const;

private:
    void split_piece(const std::string& piece, std::size_t block, SegmentList& out) const;
    bool is_byline(const std::string& sentence) const;

    std::unique_ptr<icu::BreakIterator> iterator_;
    std::vector<icu::UnicodeString> abbreviations_;
    std::vector<std::u32string> bullets_;
    std::vector<std::shared_ptr<icu::RegexPattern>> datelines_;
    std::vector<std::shared_ptr<icu::RegexPattern>> bylines_;
};

/// The text of the segments at `indices`, joined by single spaces (a bead's side as one string).
std::string joined_text(const SegmentList& segments, const std::vector<std::size_t>& indices);

/// Reads an abbreviation list: one entry a line, '#' starts a comment, blank lines ignored.
std::vector<std::string> load_abbreviations(const std::filesystem::path& file);

}  // namespace artalign
