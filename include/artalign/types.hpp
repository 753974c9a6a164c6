// The values the pipeline passes between its stages (parse -> segment -> align -> write):
// plain data, no behaviour beyond a few accessors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace artalign {

/// One news article as extracted from its page: metadata plus the body as ordered paragraphs.
/// Text is UTF-8, NFC, with whitespace collapsed; empty strings mean "not found on the page".
struct Article {
    std::string url;          ///< canonical URL if the page gives one, else where it was read
    std::string language;     ///< BCP 47 code from the site profile, e.g. "en" or "ko"
    std::string title;        ///< the headline
    std::string subtitle;     ///< lines of a multi-line subtitle are separated by '\n'
    std::string section;      ///< the site's section, e.g. "International"
    std::string byline;       ///< the author line as the page gives it
    std::string published;    ///< ISO 8601, e.g. "2020-02-12T17:26:00+09:00"
    std::string modified;     ///< ISO 8601
    std::string profile;      ///< name of the site profile that extracted it
    std::vector<std::string> paragraphs;  ///< the body, in reading order
    std::vector<std::string> warnings;  ///< what extraction was unsure of, for the user

    /// The blocks a translation covers, in reading order: heading_blocks(), then the body
    /// paragraphs. Empty blocks are left out.
    std::vector<std::string> text_blocks() const;

    /// The title and each subtitle line, the blocks that come before the body; empty ones left out.
    std::vector<std::string> heading_blocks() const;
};

/// One sentence (or sentence-like unit) of an article and the block it came from.
struct Segment {
    std::string text;       ///< UTF-8, trimmed
    std::size_t block = 0;  ///< index into Article::text_blocks()
};

using SegmentList = std::vector<Segment>;

/// A group of source segments aligned with a group of target segments. Either side may be
/// empty (1-0: untranslated source sentence; 0-1: target-only addition), never both.
struct Bead {
    std::vector<std::size_t> source;  ///< consecutive indices into the source segments
    std::vector<std::size_t> target;  ///< consecutive indices into the target segments
    /// In [0, 1]: logistic(2.5 - evidence cost), the evidence cost being the length deviation
    /// (z^2 / 2) minus matched and plus missed anchor weight. A 1-1 bead of exactly the
    /// expected length with no anchors scores 0.92; one 2.24 standard deviations off, 0.5;
    /// matching numbers or names push it towards 1. 0 for null beads.
    double score = 0.0;

    /// True for a 1-0 or 0-1 bead: a sentence without a counterpart.
    bool is_null() const { return source.empty() || target.empty(); }
    /// "1-1", "2-1", "1-0", ... (source count, then target count).
    std::string type() const;
};

/// One bilingual unit of a translation memory, with the metadata kept as TMX props.
struct TranslationUnit {
    std::string source;        ///< original-language segment
    std::string target;        ///< translation segment
    std::string bead_type;     ///< "1-1", "2-1", ...
    double score = 0.0;        ///< Bead::score
    std::string source_url;    ///< where the original was read
    std::string target_url;    ///< where the translation was read
    std::string article_date;  ///< ISO 8601 publication date of the translation
    std::string article_title; ///< title of the translation
    /// Set when the pair is probably not a translation (coverage report): a prop users can
    /// filter on (TMX x-warning, JSONL "warning"); empty otherwise.
    std::string warning;
    /// A reviewer confirmed or made this unit (review page corrections): TMX prop x-reviewed.
    bool reviewed = false;
};

/// How much of the original the translation covers (compute_coverage).
struct CoverageSummary {
    std::size_t source_sentences = 0;   ///< sentences of the original
    std::size_t covered_sentences = 0;  ///< source sentences in a bilingual bead
    std::size_t source_chars = 0;       ///< code points, spaces excluded
    std::size_t covered_chars = 0;      ///< source_chars of the sentences in bilingual beads
    std::size_t untranslated = 0;       ///< 1-0 beads
    std::size_t additions = 0;          ///< 0-1 beads
    std::size_t units = 0;              ///< bilingual beads

    double sentence_share() const;  ///< covered / total sentences, 0 when there are none
    double char_share() const;      ///< covered / total characters, 0 when there are none
    /// e.g. "coverage: 14/16 Korean sentences (87.5%) and 90.1% of characters have a
    /// counterpart in English; 2 untranslated, 0 English-only; 14 units".
    std::string one_line(const std::string& source_name, const std::string& target_name) const;
};

/// Where a WARC record is: a file and the offset of the record (its gzip member) in it.
struct WarcPlace {
    std::filesystem::path file;  ///< the .warc or .warc.gz file
    std::uint64_t offset = 0;    ///< byte offset of the record (of its gzip member) in the file
};

/// One entry to add to a lexicon: a Korean word and the English words it may translate to, as
/// a lexicon TSV line holds them (e.g. learned by batch --learn-lexicon and not saved).
struct LexiconEntry {
    std::u32string korean;                ///< the Korean word, as a lexicon TSV line gives it
    std::vector<std::u32string> english;  ///< the English words it may translate to
};

}  // namespace artalign
