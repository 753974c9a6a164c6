// Reading pages: local files, and pages inside a local mirror of a site (`wget --mirror` tree).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "util/limits.hpp"

namespace artalign {

/// The raw bytes of a page and where they came from.
struct Page {
    std::string content;
    std::string location;      ///< the file path or URL it was read from, for messages
    std::string url;           ///< the URL it was fetched from after redirects; empty for files
    std::string content_type;  ///< the HTTP Content-Type; empty for files
};

/// Reads a local HTML file, never more than `max_bytes` + 1 bytes of it (read_whole_input).
/// A named pipe is read only when `allow_pipe` (a page the user named on the command line).
/// Throws InputError naming the file when it is missing, a directory, a device, a pipe not
/// allowed or silent too long, unreadable, empty, or larger than `max_bytes` ("page is 70.2 MB,
/// over the 64 MB limit (--max-page-size)").
Page read_page_file(const std::filesystem::path& file, std::size_t max_bytes = kDefaultMaxPageBytes,
                    bool allow_pipe = false);

/// Where a mirror keeps the page at `url`, relative to the mirror's root, leaving out any
/// query: host/path, with index.html for a path ending in '/'; a port other than the scheme's
/// default stays in the host directory's name, as wget writes it ("host:8080/path"; see
/// host_and_port). Only http and https URLs map;
/// nullopt too when the URL would lead outside the root (a ".." segment, or a host that is "."
/// or ".."). Every component of the result is a plain name: never empty, ".", "..", or
/// containing '/'.
std::optional<std::filesystem::path> mirror_relative_path(const std::string& url);

/// The places a mirror may keep the page at `url`, in the order to look: for a URL with a
/// query, first the name `wget --mirror` gives it, "host/page.html?id=3" (the query's escapes
/// decoded, '/' and control characters escaped as %2F...), then mirror_relative_path(url);
/// for one without, mirror_relative_path(url) alone. Empty when that is nullopt. Every
/// component of every path is a plain name, as for mirror_relative_path.
std::vector<std::filesystem::path> mirror_relative_paths(const std::string& url);

/// The file a mirror rooted at `root` holds for `url`: the first of mirror_relative_paths(url)
/// that exists below `root`. Only http and https URLs map to files, and never outside `root`.
std::optional<std::filesystem::path> mirror_file(const std::filesystem::path& root,
                                                 const std::string& url);

/// Whether `file` lies inside the mirror at `root` by its name alone (no link resolved):
/// "mirror/host/page.html" does, "elsewhere/page.html" and "mirror/../x" do not.
bool lies_in_mirror(const std::filesystem::path& root, const std::filesystem::path& file);

/// Confinement: throws InputError naming `file` when, every symbolic link resolved (its own,
/// a host directory's, any directory's on the way), it is not inside `root` (resolved too):
/// "FILE: a symbolic link leads outside the mirror ROOT (to TARGET); not read
/// (--follow-symlinks reads it)". Also when either cannot be resolved (missing, a loop).
void check_inside_mirror(const std::filesystem::path& root, const std::filesystem::path& file);

/// The URL a file inside the mirror at `root` stands for ("http://" + its path below root,
/// the way `wget --mirror` lays pages out; "https://" for a "host:80" directory, which only an
/// https URL on port 80 maps to); nullopt when the file is not inside root. A '?' in the
/// file's name starts the query, as in wget's names, even when it came from a "%3F" in the path.
std::optional<std::string> mirror_url(const std::filesystem::path& root, const std::filesystem::path& file);

/// When `file` sits in a mirror at a place `url` maps to (…/host/path, or …/host/path?query:
/// see mirror_relative_paths), the mirror's root.
std::optional<std::filesystem::path> infer_mirror_root(const std::filesystem::path& file,
                                                       const std::string& url);

}  // namespace artalign
