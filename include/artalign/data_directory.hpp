// Where artalign's data files (site profiles, abbreviation lists, the TMX DTD) are found.
#pragma once

#include <filesystem>

namespace artalign {

/// The data directory: $ARTALIGN_DATA_DIR when set, else the installed share/artalign, else
/// the source tree's data/ (for builds run in place). Throws DataError when none exists.
std::filesystem::path data_directory();

}  // namespace artalign
