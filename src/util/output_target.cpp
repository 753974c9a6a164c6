// Resolving an output name: standard output, a regular file behind its symlinks, or a special file.
#include "util/output_target.hpp"

#include <sys/stat.h>

#include "artalign/error.hpp"

namespace artalign {

std::string output_display_name(const std::filesystem::path& given) {
    return given == "-" ? std::string("standard output") : given.string();
}

OutputTarget resolve_output(const std::filesystem::path& given) {
    OutputTarget target;
    target.given = given;
    if (given == "-") {
        target.path = given;
        target.kind = OutputKind::standard_output;
        return target;
    }
    // Follow the last component's symlinks by hand: a dangling link then names the file to
    // create, as the shell's "> link" does, and the rename goes over the link's target.
    constexpr int kMaxLinks = 40;  // Linux's own limit (ELOOP)
    std::filesystem::path current = given;
    struct stat status {};
    for (int links = 0;; ++links) {
        if (::lstat(current.c_str(), &status) != 0) {
            // Missing (or unreachable): a new file, whose creation will say what is wrong.
            target.path = current;
            return target;
        }
        if (!S_ISLNK(status.st_mode)) break;
        if (links == kMaxLinks) throw OutputError(given.string(), "too many levels of symbolic links");
        std::error_code error;
        const std::filesystem::path next = std::filesystem::read_symlink(current, error);
        if (error) throw OutputError(given.string(), "cannot read the symbolic link: " + error.message());
        current = next.is_absolute() ? next : current.parent_path() / next;
    }
    target.path = current;
    if (S_ISDIR(status.st_mode)) throw OutputError(given.string(), "is a directory");
    if (S_ISREG(status.st_mode)) {
        target.exists = true;
    } else {
        target.kind = OutputKind::special;
    }
    return target;
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
    if (a == "-" || b == "-") return false;
    struct stat first {};
    struct stat second {};
    if (::stat(a.c_str(), &first) != 0 || ::stat(b.c_str(), &second) != 0) return false;
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

std::string file_kind_name(const std::filesystem::path& file) {
    struct stat status {};
    if (::stat(file.c_str(), &status) != 0) return "missing";
    if (S_ISREG(status.st_mode)) return "a regular file";
    if (S_ISDIR(status.st_mode)) return "a directory";
    if (S_ISFIFO(status.st_mode)) return "a FIFO";
    if (S_ISCHR(status.st_mode)) return "a character device";
    if (S_ISBLK(status.st_mode)) return "a block device";
    if (S_ISSOCK(status.st_mode)) return "a socket";
    return "a special file";
}

}  // namespace artalign
