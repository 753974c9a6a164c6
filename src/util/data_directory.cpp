// Locating artalign's data files.
#include "util/data_directory.hpp"

#include <cstdlib>

#include "artalign/error.hpp"

namespace artalign {

namespace {

// Whether `directory` looks like artalign's data directory.
bool holds_data(const std::filesystem::path& directory) {
    std::error_code ignored;
    return std::filesystem::is_directory(directory / "profiles", ignored);
}

// share/artalign beside the running program's bin/ directory: where an installed prefix keeps
// its data, wherever the prefix was moved to. Empty when the program's path is unknown.
std::filesystem::path beside_program() {
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error || program.empty()) return {};
    return (program.parent_path() / ".." / "share" / "artalign").lexically_normal();
}

}  // namespace

std::filesystem::path data_directory() {
    if (const char* from_env = std::getenv("ARTALIGN_DATA_DIR"); from_env != nullptr && *from_env != '\0') {
        if (!std::filesystem::is_directory(from_env))
            throw DataError(from_env, "ARTALIGN_DATA_DIR is not a directory");
        return from_env;
    }
    if (const std::filesystem::path installed = beside_program(); !installed.empty() && holds_data(installed))
        return installed;
    for (const char* candidate : {ARTALIGN_INSTALLED_DATA_DIR, ARTALIGN_SOURCE_DATA_DIR}) {
        if (holds_data(candidate)) return candidate;
    }
    throw DataError(ARTALIGN_INSTALLED_DATA_DIR, "artalign's data directory is missing; set ARTALIGN_DATA_DIR");
}

std::optional<std::filesystem::path> built_from_source_data(const std::filesystem::path& directory) {
    const std::filesystem::path inside =
        directory.lexically_normal().lexically_relative(std::filesystem::path(ARTALIGN_SOURCE_DATA_DIR).lexically_normal());
    if (inside.empty() || *inside.begin() == "..") return std::nullopt;
    return (std::filesystem::path(ARTALIGN_BUILD_DATA_DIR) / inside).lexically_normal();
}

}  // namespace artalign

namespace artalign {

std::optional<std::filesystem::path> user_profile_directory() {
    std::filesystem::path config;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
        config = xdg;
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        config = std::filesystem::path(home) / ".config";
    } else {
        return std::nullopt;
    }
    const auto directory = config / "artalign" / "profiles";
    std::error_code ignored;
    if (!std::filesystem::is_directory(directory, ignored)) return std::nullopt;
    return directory;
}

}  // namespace artalign
