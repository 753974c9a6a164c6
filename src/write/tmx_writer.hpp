// TMX 1.4b output, written with libxml2's text writer.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace artalign {

/// One bilingual unit of a translation memory, with the metadata kept as TMX props.
struct TranslationUnit {
    std::string source;        ///< original-language segment
    std::string target;        ///< translation segment
    std::string bead_type;     ///< "1-1", "2-1", ...
    double score = 0.0;
    std::string source_url;
    std::string target_url;
    std::string article_date;  ///< ISO 8601 publication date of the translation
    std::string article_title; ///< title of the translation
    /// Set when the pair is probably not a translation (coverage report): a prop users can
    /// filter on (TMX x-warning, JSONL "warning"); empty otherwise.
    std::string warning;
    /// A reviewer confirmed or made this unit (review page corrections): TMX prop x-reviewed.
    bool reviewed = false;
};

struct TmxOptions {
    std::string source_language = "ko";  ///< header srclang and the source tuv's xml:lang
    std::string target_language = "en";
    std::chrono::system_clock::time_point created = std::chrono::system_clock::now();
    /// tuid of the first unit written; the next ones count up from it (append_tmx starts
    /// past the memory's highest numeric tuid).
    std::size_t first_tuid = 1;
};

/// Writes units as a TMX 1.4b document (UTF-8, no BOM) to `output`, atomically: on any error
/// the previous file is untouched. Segment text is cleaned with clean_segment_text.
/// Throws OutputError naming `output`.
void write_tmx(const std::filesystem::path& output, const std::vector<TranslationUnit>& units,
               const TmxOptions& options = {});

/// The TMX document write_tmx would write, as a string (for merging into an existing memory).
/// Throws OutputError when libxml2's writer fails (out of memory).
std::string tmx_document(const std::vector<TranslationUnit>& units, const TmxOptions& options = {});

/// TMX date format, UTC: "20200212T082600Z".
std::string tmx_timestamp(std::chrono::system_clock::time_point time);

/// Removes characters XML 1.0 forbids (controls other than tab/LF/CR, U+FFFE/U+FFFF, invalid
/// UTF-8) and collapses white space, so every CAT tool accepts the segment.
std::string clean_segment_text(std::string_view text);

}  // namespace artalign
