// Internal: the TMX 1.4b elements artalign writes (header, one unit), through a checked
// libxml2 text writer, shared by write_tmx, tmx_document and TmxStreamWriter so that all three
// write the same bytes for the same units.
#pragma once

#include <cstddef>
#include <exception>
#include <filesystem>
#include <memory>
#include <string>

#include "util/atomic_file.hpp"
#include "write/tmx_writer.hpp"

using xmlTextWriter = struct _xmlTextWriter;
using xmlBuffer = struct _xmlBuffer;

namespace artalign::detail {

/// Thin wrapper over xmlTextWriter: every call that fails throws OutputError naming the output.
class TmxElementWriter {
public:
    /// Writes through `file` (AtomicFile::append), which must outlive the writer; errors are
    /// file's, e.g. "OUT.tmx: write failed: No space left on device".
    explicit TmxElementWriter(AtomicFile& file);
    /// Writes into `buffer`, which must outlive the writer.
    explicit TmxElementWriter(xmlBuffer* buffer);
    ~TmxElementWriter();
    TmxElementWriter(const TmxElementWriter&) = delete;
    TmxElementWriter& operator=(const TmxElementWriter&) = delete;

    /// The XML declaration, <tmx>, the <header> of `options` and the opening <body>.
    void begin_document(const TmxOptions& options, const std::string& created);
    /// One <tu> numbered `tuid`. Returns false, writing nothing, when the unit's source or
    /// target is empty after clean_segment_text.
    bool unit(const TranslationUnit& unit, std::size_t tuid, const std::string& created, const TmxOptions& options);
    /// The same with any tuid, and `language_attribute` naming each <tuv>'s language: xml:lang,
    /// or lang for a TMX 1.1 or 1.2 memory.
    bool unit(const TranslationUnit& unit, const std::string& tuid, const std::string& created, const TmxOptions& options,
              const char* language_attribute);
    /// Closes <body> and <tmx> and flushes; a file is closed.
    void end_document();

private:
    void check(int result) const;
    // libxml2's output callback over file_. A failed write is remembered in write_failure_ and
    // reported to libxml2 as done, so that it does not print its own "I/O error" lines on
    // stderr; check() rethrows it.
    static int write_to_file(void* self, const char* buffer, int length);
    void start(const char* element);
    void attribute(const char* name, const std::string& value);
    void prop(const char* type, const std::string& value);
    void end();

    struct FreeWriter {
        void operator()(xmlTextWriter* writer) const;
    };
    AtomicFile* file_ = nullptr;
    std::exception_ptr write_failure_;  // the first failed write
    std::unique_ptr<xmlTextWriter, FreeWriter> writer_;
    std::string reported_;
};

}  // namespace artalign::detail
