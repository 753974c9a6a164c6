// TMX 1.4b translation memories: writing one, appending to an existing one without touching
// what is there, and validating one.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "artalign/types.hpp"

namespace artalign {

/// How write_tmx, tmx_document and append_tmx label what they write.
struct TmxOptions {
    std::string source_language = "ko";  ///< header srclang and the source tuv's xml:lang
    std::string target_language = "en";  ///< the target tuv's xml:lang
    /// Header and unit creationdate; fix it for reproducible files.
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

/// TMX date format, UTC: "20200212T082600Z". Throws nothing.
std::string tmx_timestamp(std::chrono::system_clock::time_point time);

/// Removes characters XML 1.0 forbids (controls other than tab/LF/CR, U+FFFE/U+FFFF, invalid
/// UTF-8) and collapses white space, so every CAT tool accepts the segment. Throws nothing.
std::string clean_segment_text(std::string_view text);

/// One thing wrong with a TMX file; `line` is 0 when the position is unknown.
struct TmxProblem {
    long line = 0;
    std::string message;  ///< what is wrong, one line
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

    /// No problems found.
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

/// Where the TMX 1.4b DTD lives in artalign's data directory: DATA_DIR/tmx/tmx14.dtd (the `dtd`
/// that validate_tmx and append_tmx take). Throws nothing.
std::filesystem::path tmx_dtd_path(const std::filesystem::path& data_dir);

/// Where append_tmx put one of the units it was given.
struct AppendPlace {
    /// The tuid it was written with; for a unit already there, the tuid of the first unit of
    /// the memory with its source and target (empty when that <tu> has none); empty for an
    /// empty unit.
    std::string tuid;
    bool already_there = false;  ///< left out: the memory holds it (dedupe only)
};

/// What append_tmx did.
struct AppendReport {
    std::size_t existing_units = 0;  ///< <tu> elements the memory had
    std::size_t added = 0;           ///< new units written into it
    std::size_t already_there = 0;   ///< new units left out: same source and target as a unit in the memory (dedupe only)
    std::size_t empty = 0;           ///< new units left out: source or target empty once cleaned
    std::vector<AppendPlace> places; ///< parallel to the units given
};

/// How the command line names the source language, for the advice when a memory's srclang
/// differs from the run's.
struct AppendHints {
    std::string srclang_option = "--srclang";  ///< the option that sets the source language
    bool can_swap = true;  ///< the option may also name the target's language (the sides swap)
};

/// Adds `units` to the TMX memory `memory`:
/// - `memory` is read with network access, DTD loading and entity expansion off, and must be
///   well-formed TMX 1.1-1.4 in any encoding libxml2 reads, valid as validate_tmx checks it,
///   with a header srclang of "*all*" or equal (case aside) to `options.source_language`;
/// - its bytes up to </body> and after it are kept exactly; the new units go just before
///   </body>, in the memory's form: its encoding (characters it cannot hold as character
///   references), its line ends (CR LF or LF), its units' language attribute (xml:lang or
///   lang, as its first <tuv> has it; in an empty memory lang before TMX 1.3, else
///   xml:lang); their tuids count up from one past the memory's highest numeric
///   tuid, whatever its size;
/// - with `dedupe` (the default), a unit whose cleaned source and target equal those of a
///   unit already in the memory (in its srclang and `options.target_language` tuvs) is left
///   out; without it, every unit is added;
/// - the merged file is written beside `memory` (beside its target when it is a symlink),
///   validated like `memory`, and only then renamed over it, keeping its mode and owner. With
///   nothing to add the file is not rewritten;
/// - from before the read to after the rename, `memory` is locked (an advisory flock on a
///   lock file beside it, ".NAME.lock"), so that two appends run one after the other; a
///   second one waits up to `lock_timeout` (60 s by default, like the command
///   line's --lock-timeout).
/// Throws InputError naming `memory` when it is missing, not a regular file (a device, FIFO,
/// standard output), unreadable, not well-formed, not TMX, invalid, in an encoding ICU cannot
/// write, declares entities, or has another srclang (the message advises `hints.srclang_option`
/// when that helps); OutputError when the merged
/// file cannot be written or does not validate; DataError when the DTD is missing. On any
/// error `memory` is byte-for-byte as it was. OutputError also when the lock is held by another
/// process for longer than `lock_timeout`.
AppendReport append_tmx(const std::filesystem::path& memory, const std::vector<TranslationUnit>& units,
                        const TmxOptions& options, const std::filesystem::path& dtd, bool dedupe = true,
                        const AppendHints& hints = {},
                        std::chrono::milliseconds lock_timeout = std::chrono::seconds(60));

}  // namespace artalign
