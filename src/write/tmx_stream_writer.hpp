// A TMX 1.4b file written one unit at a time, for runs too large to hold in memory; the same
// document write_tmx produces for the same units, and atomic like it.
#pragma once

#include <filesystem>
#include <memory>

#include "write/tmx_writer.hpp"
#include "write/unit_stream.hpp"

namespace artalign {

/// Writes units to a temporary beside `output` as they come; commit() completes the document
/// and renames it into place. Without commit() (an error, an exception) `output` is untouched.
/// The header's languages are those of `options` when the first unit is added: set them before.
///
///     TmxStreamWriter tmx(out, options);
///     for (const TranslationUnit& unit : units) tmx.add(unit);
///     tmx.commit();
class TmxStreamWriter final : public UnitStream {
public:
    /// Throws OutputError naming `output` when its directory is missing or not writable.
    TmxStreamWriter(const std::filesystem::path& output, const TmxOptions& options);
    ~TmxStreamWriter() override;
    TmxStreamWriter(const TmxStreamWriter&) = delete;
    TmxStreamWriter& operator=(const TmxStreamWriter&) = delete;

    /// Languages for the header; only before the first add(). Throws std::logic_error after.
    void set_languages(const std::string& source_language, const std::string& target_language) override;

    /// Appends one unit (text cleaned with clean_segment_text). Returns false, writing nothing,
    /// when either side is empty after cleaning. Throws OutputError when writing fails.
    bool add(const TranslationUnit& unit) override;

    std::size_t units_written() const { return written_; }

    /// Completes the document and fsyncs it, leaving the output as it was: every step of
    /// commit() that can fail but the rename, for a caller replacing several files at once.
    /// Once is enough (again does nothing); no add() after it. Throws OutputError.
    void finish() override;

    /// Completes the document (unless finish() did), fsyncs and renames it over the output.
    /// Throws OutputError.
    void commit() override;

private:
    struct State;
    void start();

    std::unique_ptr<State> state_;
    TmxOptions options_;
    std::size_t written_ = 0;
};

}  // namespace artalign
