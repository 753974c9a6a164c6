// Where an output name really leads (standard output, a regular file behind any symlinks, or a
// device, FIFO or socket to write in place), and whether two names are one file.
#pragma once

#include <filesystem>
#include <string>

namespace artalign {

/// How an output is written (docs/outputs.md, "Output policy").
enum class OutputKind {
    standard_output,  ///< "-": written to file descriptor 1 as it comes
    file,             ///< a regular file, new or existing: replaced atomically (temporary + fsync + rename)
    special,          ///< an existing device, FIFO or socket: opened and written in place, never renamed over
};

struct OutputTarget {
    std::filesystem::path given;  ///< as the user named it
    /// Where to write: `given` with the symlinks of its last component followed (a link stays a
    /// link; its target is replaced). For standard output, "-".
    std::filesystem::path path;
    OutputKind kind = OutputKind::file;
    bool exists = false;  ///< for kind file: there is a file to replace
};

/// Resolves `given`. "-" is standard output. Throws OutputError naming `given` when it (or what
/// its symlinks lead to) is a directory, or its symlinks loop.
OutputTarget resolve_output(const std::filesystem::path& given);

/// "standard output" for "-", else the path as given: the subject of messages about an output.
std::string output_display_name(const std::filesystem::path& given);

/// Whether `a` and `b` name the same existing file after following symlinks (the same st_dev and
/// st_ino: hard links count). False when either does not exist or is "-".
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

/// For messages: "a directory", "a FIFO", "a character device", "a socket", "a block device",
/// "a regular file", or "missing". Follows symlinks.
std::string file_kind_name(const std::filesystem::path& file);

}  // namespace artalign
