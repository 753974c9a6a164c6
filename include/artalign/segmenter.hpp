// Sentence segmentation: text blocks (title, subtitle lines, paragraphs) into sentences.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "artalign/types.hpp"

namespace artalign {

/// Language rules beyond ICU's (bullets, datelines, bylines), read from a data directory's
/// segmentation/LANGUAGE.rules; for_language() loads them, so most callers never name this type.
struct SegmentationRules;

/// Splits text blocks into sentences with ICU's sentence rules, an abbreviation list and the
/// language's rules. Not thread-safe: use one splitter per thread.
///
///     const SentenceSplitter splitter = SentenceSplitter::for_language("ko", data_dir);
///     const SegmentList sentences = splitter.split(article.text_blocks());
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
    /// LANGUAGE.rules), sorted: the languages artalign supports ("en", "ko"). Throws nothing:
    /// a missing directory gives an empty list.
    static std::vector<std::string> supported_languages(const std::filesystem::path& data_dir);

    /// A splitter using data/segmentation/LANGUAGE.abbreviations and LANGUAGE.rules when the
    /// data directory has them. Throws DataError on an unreadable or malformed file.
    static SentenceSplitter for_language(const std::string& language,
                                         const std::filesystem::path& data_dir);

    /// Sentences of every block in order; each keeps its block index. Whitespace-only
    /// sentences, datelines and bylines are dropped; text is trimmed; a bullet starts a new
    /// segment. Throws DataError only when ICU cannot run a rule's pattern.
    SegmentList split(const std::vector<std::string>& blocks) const;

private:
    struct Impl;  // the ICU iterator and patterns, kept out of this header
    std::unique_ptr<Impl> impl_;
};

/// The text of the segments at `indices`, joined by single spaces (a bead's side as one string).
/// Each index must be below segments.size().
std::string joined_text(const SegmentList& segments, const std::vector<std::size_t>& indices);

}  // namespace artalign
