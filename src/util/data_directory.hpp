// Where artalign's data files (site profiles, abbreviation lists, the TMX DTD) are found.
#pragma once

#include <filesystem>
#include <optional>

#include "artalign/resources.hpp"  // data_directory()

namespace artalign {

/// Where a user keeps their own site profiles: $XDG_CONFIG_HOME/artalign/profiles, else
/// ~/.config/artalign/profiles, when that directory exists; nullopt otherwise. Never throws.
std::optional<std::filesystem::path> user_profile_directory();

/// Where the build put what it generates from `directory` (the lexicon index) when `directory` is
/// in the source tree's data/: a development build reads data/ from its source tree, which holds
/// no generated file, so they are looked for in the build tree's data/. nullopt for any other
/// directory (an installed one keeps its generated files beside their sources). No file access.
std::optional<std::filesystem::path> built_from_source_data(const std::filesystem::path& directory);

}  // namespace artalign
