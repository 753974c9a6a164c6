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
    std::string encoding;              ///< as libxml2 read it: declared, or from the byte order mark ("" when neither)
    std::string version;               ///< <tmx version="...">: "1.4" when absent
    std::vector<std::string> checks;   ///< names of the checks made, in order (when well-formed)
    std::string srclang;               ///< the header's srclang ("" when missing)
    std::size_t units = 0;             ///< number of <tu> elements

    bool valid() const { return problems.empty(); }
};

/// Checks `content` (the bytes of a file called `name`, used in messages only) as a TMX 1.1,
/// 1.2, 1.3 or 1.4 document in any encoding libxml2 reads (its XML declaration or byte order
/// mark says which): well-formed XML; no entity declarations in a DOCTYPE (refused before
/// anything is expanded: billion-laughs and external-entity files never get further); a <tmx>
/// root; valid against the TMX 1.4b DTD at `dtd`, adapted to the version the file declares
/// (1.1 and 1.2 name a <tuv>'s language with lang, 1.1 has no <hi>; the document's own
/// DOCTYPE is ignored and nothing is loaded on its behalf); and the rules the DTD cannot
/// express: BCP 47 language tags, TMX dates (YYYYMMDDThhmmssZ), <bpt>/<ept> i numbers paired
/// and unique in each <seg>, i and x numbers with no x twice in a <seg>, and the srclang rule:
/// unless a unit's srclang (its own srclang attribute, else the header's) is "*all*", the unit
/// has a <tuv> in that language (compared without regard to case). Reads the prolog, then streams
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
