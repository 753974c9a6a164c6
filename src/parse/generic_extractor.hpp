// The generic extractor: finds the article on a page no site profile describes, by scoring
// blocks of text in the spirit of Arc90's Readability (text length, commas, link density,
// class and id names), with its word lists and patterns kept in a data file.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "artalign/types.hpp"

namespace artalign {

class HtmlDocument;

/// The generic extractor's tunables, loaded from data/generic.rules (key = value lines).
struct GenericRules {
    std::string positive_class;               ///< ICU regex: class/id words of article containers
    std::string negative_class;               ///< ICU regex: class/id words of menus, shares, captions
    std::string caption_class;                ///< ICU regex: class/id words of captions and photo credits
    std::string comments_class;               ///< ICU regex: class/id names of readers' comment sections
    std::vector<std::string> byline_paragraph;  ///< ICU regexes: a paragraph that is the byline
    std::vector<std::string> drop_paragraph;    ///< ICU regexes: boilerplate paragraphs
    std::size_t min_paragraph_chars = 25;     ///< shorter text blocks do not score

    /// Parses a rules file. Throws DataError naming the file and line on a bad line or key.
    static GenericRules load(const std::filesystem::path& file);
};

/// Extracts the article of `page` without a profile. The body is the best-scoring container:
/// each paragraph (a <p>, <pre>, <blockquote>, a <div> holding one run of text and no block,
/// or a run of text between <br>s) of at least min_paragraph_chars code points adds 1 + its
/// commas + one per 100 code points (at most 3) to its container and half that to the
/// container's parent (Readability's scheme); containers whose class or id matches
/// positive_class / negative_class gain / lose 25 (a name at most doubles what the text
/// earned); the total is scaled by 1 - the share of text inside links. Siblings of the winner
/// that continue its article join it (Readability's sibling rule); captions and credits
/// (caption_class, figure, figcaption) are dropped. Article text a script holds (JSON-LD
/// articleBody, HTML in framework state) replaces the body's when the body holds none, or
/// much less of the same text, or when articleBody is another text than the best block.
/// docs/extraction.md has the details. Metadata comes from <meta> tags
/// (og:title, article:published_time, article:section, author), <time>, <h1> and <html lang>;
/// the language falls back to the script of the body (Hangul -> "ko", else "en").
/// Article::profile is "generic" and Article::warnings says the generic extractor was used
/// and which block or script it read.
/// Throws ParseError naming the page when no block of text scores and no script holds an
/// article.
Article extract_generic(const HtmlDocument& page, const GenericRules& rules, const std::string& url);

}  // namespace artalign
