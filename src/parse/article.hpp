// The article model: what extraction keeps of a news page, and what segmentation reads.
#pragma once

#include <string>
#include <vector>

namespace artalign {

/// One news article as extracted from its page: metadata plus the body as ordered paragraphs.
/// Text is UTF-8, NFC, with whitespace collapsed; empty strings mean "not found on the page".
struct Article {
    std::string url;          ///< canonical URL if the page gives one, else where it was read
    std::string language;     ///< BCP 47 code from the site profile, e.g. "en" or "ko"
    std::string title;
    std::string subtitle;     ///< lines of a multi-line subtitle are separated by '\n'
    std::string section;
    std::string byline;
    std::string published;    ///< ISO 8601, e.g. "2020-02-12T17:26:00+09:00"
    std::string modified;     ///< ISO 8601
    std::string profile;      ///< name of the site profile that extracted it
    std::vector<std::string> paragraphs;
    std::vector<std::string> warnings;  ///< what extraction was unsure of, for the user

    /// The blocks a translation covers, in reading order: heading_blocks(), then the body
    /// paragraphs. Empty blocks are left out.
    std::vector<std::string> text_blocks() const;

    /// The title and each subtitle line, the blocks that come before the body; empty ones left out.
    std::vector<std::string> heading_blocks() const;
};

}  // namespace artalign
