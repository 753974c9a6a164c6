// One unit as one line of TSV or JSONL: the lines the whole-file writers and the unit-by-unit
// streams of batch and merge share, so that both give the same bytes.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "write/tmx_writer.hpp"

namespace artalign {

/// "SOURCE\tTARGET\n" from the cleaned text, or "" when a side is empty once cleaned.
/// Cleaned text holds no tab and no line break, so the line has exactly one tab.
std::string tsv_line(const TranslationUnit& unit);

/// One JSON object and "\n" (keys: tuid, creationdate, source_lang, target_lang, source, target,
/// source_url, target_url, article_date, article_title, bead, warning when there is one,
/// reviewed when true, score: the TMX's tu attributes, tuvs and x-* props), or "" when a side
/// is empty once cleaned. `created` is a tmx_timestamp.
std::string jsonl_line(const TranslationUnit& unit, std::size_t tuid, const std::string& created,
                       const std::string& source_language, const std::string& target_language);

/// Writes `output` atomically as the lines `line_of(unit, number)` gives, `number` counting
/// the lines written so far plus one; an empty line leaves its unit out. Returns how many
/// lines were written. Throws OutputError naming `output`.
std::size_t write_unit_lines(const std::filesystem::path& output, const std::vector<TranslationUnit>& units,
                             const std::function<std::string(const TranslationUnit&, std::size_t)>& line_of);

}  // namespace artalign
