// Merging new units into an existing TMX memory without touching what is already there.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "util/output_lock.hpp"
#include "write/tmx_writer.hpp"

namespace artalign {

/// What append_tmx did.
struct AppendReport {
    std::size_t existing_units = 0;  ///< <tu> elements the memory had
    std::size_t added = 0;           ///< new units written into it
    std::size_t already_there = 0;   ///< new units left out: same source and target as a unit in the memory (dedupe only)
    std::size_t empty = 0;           ///< new units left out: source or target empty once cleaned
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
/// - with `dedupe` (the default, like UnitSelection::dedupe), a unit whose cleaned source and
///   target equal those of a unit already in the memory (in its srclang and
///   `options.target_language` tuvs) is left out; without it, every unit is added;
/// - the merged file is written beside `memory` (beside its target when it is a symlink),
///   validated like `memory`, and only then renamed over it, keeping its mode and owner. With
///   nothing to add the file is not rewritten;
/// - from before the read to after the rename, `memory` is locked (OutputLock), so that two
///   appends run one after the other; a second one waits up to `lock_timeout`.
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
                        std::chrono::milliseconds lock_timeout = kDefaultLockTimeout);

}  // namespace artalign
