// Where artalign's data files (site profiles, abbreviation lists, the TMX DTD) are found.
#pragma once

#include <filesystem>
#include <optional>

namespace artalign {

/// The data directory: $ARTALIGN_DATA_DIR when set, else the installed share/artalign, else
/// the source tree's data/ (for builds run in place). Throws DataError when none exists.
std::filesystem::path data_directory();

/// Where a user keeps their own site profiles: $XDG_CONFIG_HOME/artalign/profiles, else
/// ~/.config/artalign/profiles, when that directory exists; nullopt otherwise. Never throws.
std::optional<std::filesystem::path> user_profile_directory();

}  // namespace artalign
