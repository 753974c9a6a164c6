// Checking a TMX file: well-formed, safe to read, valid per the TMX 1.4b DTD, srclang rule.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace artalign {

/// One thing wrong with a TMX file; `line` is 0 when the position is unknown.
struct TmxProblem {
    long line = 0;
    std::string message;
};

/// What validate_tmx found.
struct TmxReport {
    std::vector<TmxProblem> problems;  ///< in document order; empty when the file is valid
    bool well_formed = false;          ///< parsed as XML (false too when refused for entities)
    bool declares_entities = false;    ///< the DOCTYPE declares entities: refused, nothing read
    bool is_tmx = false;               ///< well formed with a <tmx> root element
    std::string encoding;              ///< as declared in the XML declaration ("" when none)
    std::string srclang;               ///< the header's srclang ("" when missing)
    std::size_t units = 0;             ///< number of <tu> elements

    bool valid() const { return problems.empty(); }
};

/// Checks `content` (the bytes of a file called `name`, used in messages only) as a TMX 1.4b
/// document: well-formed XML; no entity declarations in a DOCTYPE (refused before anything is
/// expanded: billion-laughs and external-entity files never get further); a <tmx> root;
/// valid against the DTD at `dtd` (the document's own DOCTYPE is ignored and nothing is
/// loaded from the network or the file system on its behalf); and the srclang rule the DTD
/// cannot express: unless srclang is "*all*", every <tu> has a <tuv> whose xml:lang equals
/// the header's srclang (compared without regard to case). Reads the prolog, then streams
/// through the document: beyond `content`, memory holds one <tu> at a time. Problems come in
/// document order.
/// Throws DataError when the DTD cannot be loaded, InputError when `content` is 2 GiB or more.
TmxReport validate_tmx_text(std::string_view content, const std::string& name, const std::filesystem::path& dtd);

/// validate_tmx_text on the file's bytes, read in chunks: memory holds one <tu> at a time,
/// not the file (a file that cannot seek, such as a pipe, is read whole first). Throws
/// InputError naming `file` when it cannot be read, DataError when the DTD cannot be loaded.
TmxReport validate_tmx(const std::filesystem::path& file, const std::filesystem::path& dtd);

/// Where the TMX 1.4b DTD lives in artalign's data directory: DATA_DIR/tmx/tmx14.dtd.
std::filesystem::path tmx_dtd_path(const std::filesystem::path& data_dir);

}  // namespace artalign
