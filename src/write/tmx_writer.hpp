// TMX 1.4b output, written with libxml2's text writer.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "artalign/types.hpp"

namespace artalign {

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
