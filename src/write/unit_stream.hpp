// Units written one at a time in a format chosen by name, for runs too large to hold in memory
// (batch and merge): TMX (TmxStreamWriter), TSV and JSONL, the same bytes the whole-file
// writers give for the same units, and atomic like them.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "write/tmx_writer.hpp"

namespace artalign {

/// Writes units to a temporary beside the output as they come; commit() renames it into place.
/// Without commit() (an error, an exception) the output is untouched.
class UnitStream {
public:
    virtual ~UnitStream() = default;

    /// The memory's language codes; only before the first add(). Throws std::logic_error after.
    virtual void set_languages(const std::string& source_language, const std::string& target_language) = 0;

    /// Appends one unit (text cleaned with clean_segment_text). Returns false, writing nothing,
    /// when either side is empty after cleaning. Throws OutputError when writing fails.
    virtual bool add(const TranslationUnit& unit) = 0;

    /// Completes and fsyncs the output, leaving the target as it was (every step that can
    /// fail but the rename). Again does nothing; no add() after it. Throws OutputError.
    virtual void finish() = 0;

    /// finish() unless done, then renames the output into place. Throws OutputError.
    virtual void commit() = 0;
};

/// The formats open_unit_stream knows: tmx, tsv, jsonl.
std::vector<std::string> unit_stream_formats();

/// A stream writing `format` (one of unit_stream_formats()) to `output`, or nullptr when the
/// format is not one of them. Throws OutputError naming `output` when its directory is missing
/// or not writable.
std::unique_ptr<UnitStream> open_unit_stream(std::string_view format, const std::filesystem::path& output,
                                             const TmxOptions& options);

}  // namespace artalign
