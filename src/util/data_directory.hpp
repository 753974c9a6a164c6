// Where artalign's data files (site profiles, abbreviation lists, the TMX DTD) are found.
#pragma once

#include <filesystem>
#include <optional>

#include "artalign/resources.hpp"  // data_directory()

namespace artalign {

/// Where a user keeps their own site profiles: $XDG_CONFIG_HOME/artalign/profiles, else
/// ~/.config/artalign/profiles, when that directory exists; nullopt otherwise. Never throws.
std::optional<std::filesystem::path> user_profile_directory();

}  // namespace artalign
