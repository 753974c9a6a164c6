// Writing translation units in a file format chosen by name: TMX, TSV, Moses, JSONL.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "artalign/types.hpp"

namespace artalign {

/// What every format needs besides the units themselves.
struct OutputOptions {
    std::string source_language = "ko";  ///< code of TranslationUnit::source (TMX srclang)
    std::string target_language = "en";  ///< code of TranslationUnit::target
    /// Creation date of the units (TMX creationdate, JSONL "creationdate"); fix it for
    /// reproducible files.
    std::chrono::system_clock::time_point created = std::chrono::system_clock::now();
};

/// Writes translation units in one file format. Each format is one implementation of this
/// interface; callers choose it by name with make_unit_writer.
///
///     const auto writer = make_unit_writer("jsonl");
///     writer->write("out.jsonl", units, options);
class UnitWriter {
public:
    virtual ~UnitWriter() = default;

    /// The files write() creates or replaces for `output` (one for most formats; Moses writes
    /// OUTPUT.SRC and OUTPUT.TGT, named after the language codes). Throws nothing.
    virtual std::vector<std::filesystem::path> files(const std::filesystem::path& output,
                                                     const OutputOptions& options) const = 0;

    /// Writes `units` in order, each file atomically (temporary + rename): on any error every
    /// previous file is left as it was. Segment text is cleaned with clean_segment_text
    /// (artalign/tmx.hpp) and units whose source or target is then empty are left out. Returns
    /// how many units were written. Throws OutputError naming the file.
    virtual std::size_t write(const std::filesystem::path& output, const std::vector<TranslationUnit>& units,
                              const OutputOptions& options) const = 0;
};

/// The known format names, in the order --help lists them: tmx, tsv, moses, jsonl.
std::vector<std::string> unit_formats();

/// A writer for `format` (one of unit_formats()), or nullptr when the format is unknown.
/// Throws nothing but std::bad_alloc.
std::unique_ptr<UnitWriter> make_unit_writer(std::string_view format);

}  // namespace artalign
