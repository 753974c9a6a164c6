// The writer interface every output format (TMX, TSV, Moses, JSONL) implements.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "write/tmx_writer.hpp"

namespace artalign {

/// What every format needs besides the units themselves.
struct OutputOptions {
    std::string source_language = "ko";  ///< code of TranslationUnit::source (TMX srclang)
    std::string target_language = "en";  ///< code of TranslationUnit::target
    std::chrono::system_clock::time_point created = std::chrono::system_clock::now();
};

/// Writes translation units in one file format. A format is one class in one source file
/// (src/*_unit_writer.cpp) plus its line in the format table of src/unit_writer.cpp; the
/// pipeline and the command line only see this interface.
///
/// Usage:
///   auto writer = make_unit_writer("jsonl");
///   writer->write("out.jsonl", units, options);
class UnitWriter {
public:
    virtual ~UnitWriter() = default;

    /// The files write() creates or replaces for `output` (one for most formats; Moses writes
    /// OUTPUT.SRC and OUTPUT.TGT, named after the language codes).
    virtual std::vector<std::filesystem::path> files(const std::filesystem::path& output,
                                                     const OutputOptions& options) const = 0;

    /// Writes `units` in order, each file atomically (temporary + rename): on any error every
    /// previous file is left as it was. Segment text is cleaned with clean_segment_text and
    /// units whose source or target is then empty are left out. Returns how many units were
    /// written. Throws OutputError naming the file.
    virtual std::size_t write(const std::filesystem::path& output, const std::vector<TranslationUnit>& units,
                              const OutputOptions& options) const = 0;
};

/// The known format names, in the order --help lists them: tmx, tsv, moses, jsonl.
std::vector<std::string> unit_formats();

/// A writer for `format` (one of unit_formats()), or nullptr when the format is unknown.
std::unique_ptr<UnitWriter> make_unit_writer(std::string_view format);

/// The factories behind make_unit_writer, one per format file.
std::unique_ptr<UnitWriter> make_tmx_unit_writer();
std::unique_ptr<UnitWriter> make_tsv_unit_writer();
std::unique_ptr<UnitWriter> make_moses_unit_writer();
std::unique_ptr<UnitWriter> make_jsonl_unit_writer();

}  // namespace artalign
