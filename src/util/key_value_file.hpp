// Reading artalign's declarative data files: "key = value" lines, '#' comments, blank lines.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace artalign {

/// One "key = value" line, with "FILE:LINE" for error messages.
struct KeyValueLine {
    std::string key;
    std::string value;
    std::string where;
};

/// Reads every "key = value" line of `file` in order (keys and values trimmed). Throws DataError
/// naming the file ("cannot read WHAT") when it cannot be read, and naming FILE:LINE for a line
/// without '=' or with an empty value.
std::vector<KeyValueLine> read_key_value_file(const std::filesystem::path& file, const std::string& what);

}  // namespace artalign
