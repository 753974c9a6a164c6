// Reading plain-text input (align-text, segment): UTF-8, with bytes that are not UTF-8 made
// visible as U+FFFD and binary or UTF-16 files refused.
#pragma once

#include <filesystem>
#include <string>

namespace artalign {

/// The text of `file` as UTF-8 in NFC, without a leading byte-order mark. Invalid UTF-8
/// sequences become U+FFFD (so nothing invalid reaches an output). Throws InputError naming the
/// file when it cannot be read, or when it holds a NUL byte, as UTF-16 and binary files do
/// ("holds a NUL byte at byte 1: not UTF-8 text ...").
std::string read_text_file(const std::filesystem::path& file);

}  // namespace artalign
