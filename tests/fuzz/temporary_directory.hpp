// A private directory for one fuzz target's process, made with mkdtemp and removed with its
// contents when the process exits normally (fuzzers that write files, or need a real path).
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace artalign::fuzz {

class TemporaryDirectory {
public:
    /// A new directory "PREFIX-XXXXXX" in `parent`, by its canonical path.
    TemporaryDirectory(const std::filesystem::path& parent, const std::string& prefix) {
        const std::string pattern = (parent / (prefix + "-XXXXXX")).string();
        std::vector<char> name(pattern.begin(), pattern.end());
        name.push_back('\0');
        if (mkdtemp(name.data()) == nullptr) __builtin_trap();
        path_ = std::filesystem::canonical(name.data());
    }
    ~TemporaryDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TemporaryDirectory(const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace artalign::fuzz
