// Merging new units into an existing TMX memory without touching what is already there.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <vector>

#include "artalign/output_lock.hpp"
#include "artalign/tmx_writer.hpp"

namespace artalign {

/// What append_tmx did.
struct AppendReport {
    std::size_t existing_units = 0;  ///< <tu> elements the memory had
    std::size_t added = 0;           ///< new units written into it
    std::size_t already_there = 0;   ///< new units left out: same source and target as a unit in the memory (dedupe only)
    std::size_t empty = 0;           ///< new units left out: source or target empty once cleaned
};

/// Adds `units` to the TMX memory `memory`:
/// - `memory` is read with network access, DTD loading and entity expansion off, and must be
///   well-formed UTF-8 TMX, valid per the TMX 1.4b DTD at `dtd`, with a header srclang equal
///   (case aside) to `options.source_language`;
/// - its bytes up to </body> and after it are kept exactly; the new units go just before
///   </body>, with tuids counting up from one past the memory's highest numeric tuid;
/// - with `dedupe` (the default, like UnitSelection::dedupe), a unit whose cleaned source and
///   target equal those of a unit already in the memory (in its srclang and
///   `options.target_language` tuvs) is left out; without it, every unit is added;
/// - the merged file is written beside `memory` (beside its target when it is a symlink),
///   validated like `memory`, and only then renamed over it, keeping its mode and owner. With
///   nothing to add the file is not rewritten;
/// - from before the read to after the rename, `memory` is locked (OutputLock), so that two
///   appends run one after the other; a second one waits up to `lock_timeout`.
/// Throws InputError naming `memory` when it is missing, not a regular file (a device, FIFO,
/// standard output), unreadable, not well-formed, not TMX,
/// invalid, not UTF-8, declares entities, or has another srclang; OutputError when the merged
/// file cannot be written or does not validate; DataError when the DTD is missing. On any
/// error `memory` is byte-for-byte as it was. OutputError also when the lock is held by another
/// process for longer than `lock_timeout`.
AppendReport append_tmx(const std::filesystem::path& memory, const std::vector<TranslationUnit>& units,
                        const TmxOptions& options, const std::filesystem::path& dtd, bool dedupe = true,
                        std::chrono::milliseconds lock_timeout = kDefaultLockTimeout);

}  // namespace artalign
