// Reading pages from local files and from local mirrors of sites.
#include "read/page_source.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "artalign/error.hpp"
#include "read/input_file.hpp"
#include "util/limits.hpp"
#include "read/url.hpp"

namespace artalign {

namespace {

// A host name that may stand for a directory of the mirror: not "." or ".." (which would
// climb out of it; libxml2 accepts them as host names, e.g. in "http://../x"), no separator,
// no NUL.
bool is_plain_host(const std::string& name) {
    return name != "." && name != ".." && name.find_first_of(std::string("/\\\0", 3)) == std::string::npos;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A URL's query as `wget --mirror` writes it into a file name (wget 1.21, found by mirroring a
// link for every ASCII character escaped): every escape decoded ("a%20b" -> "a b"), then '/'
// and control characters escaped again ("a/b" -> "a%2Fb"). So the query never holds a
// separator or a NUL, and cannot add a directory or climb out of one.
std::string query_in_file_name(const std::string& query) {
    std::string name;
    for (std::size_t k = 0; k < query.size(); ++k) {
        unsigned char c = static_cast<unsigned char>(query[k]);
        if (c == '%' && k + 2 < query.size() && hex_digit(query[k + 1]) >= 0 && hex_digit(query[k + 2]) >= 0) {
            c = static_cast<unsigned char>(hex_digit(query[k + 1]) * 16 + hex_digit(query[k + 2]));
            k += 2;
        }
        if (c == '/' || c < 0x20 || c == 0x7f) {
            name += fmt::format("%{:02X}", c);
        } else {
            name.push_back(static_cast<char>(c));
        }
    }
    return name;
}

// The inverse of query_in_file_name: a query that wget wrote into a file name as a URL's query
// that gives that name back. wget's own escapes ('/' and control characters, "%2F") stay as
// they are; every other '%', and every byte a query may not hold (a space, '#', non-ASCII...),
// is escaped, so the URL parses and its escapes decode to the name.
std::string query_in_url(const std::string& name) {
    const auto is_wget_escape = [&name](std::size_t k) {
        if (name[k] != '%' || k + 2 >= name.size() || hex_digit(name[k + 1]) < 0 || hex_digit(name[k + 2]) < 0)
            return false;
        const int c = hex_digit(name[k + 1]) * 16 + hex_digit(name[k + 2]);
        return (c == '/' || c < 0x20 || c == 0x7f) && name.compare(k, 3, fmt::format("%{:02X}", c)) == 0;
    };
    // RFC 3986 query characters besides escapes: unreserved, sub-delims, ':', '@', '/', '?'.
    const std::string allowed = "-._~!$&'()*+,;=:@/?";
    std::string query;
    for (std::size_t k = 0; k < name.size(); ++k) {
        const unsigned char c = static_cast<unsigned char>(name[k]);
        if (is_wget_escape(k)) {
            query += name.substr(k, 3);
            k += 2;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   allowed.find(static_cast<char>(c)) != std::string::npos) {
            query.push_back(static_cast<char>(c));
        } else {
            query += fmt::format("%{:02X}", c);
        }
    }
    return query;
}

}  // namespace

// Splits the URL's path into its segments, refusing "..": a link must never lead outside the
// mirror. The host (with its port, as wget names the directory: "host:8080") is a directory
// name too, so it must be plain.
std::optional<std::filesystem::path> mirror_relative_path(const std::string& url) {
    const auto parts = parse_url(url);
    if (!parts || !is_web_url(url) || !is_plain_host(parts->host)) return std::nullopt;
    const std::string host_directory = host_and_port(*parts);
    if (!is_plain_host(host_directory)) return std::nullopt;
    std::filesystem::path relative(host_directory);
    const std::string& path = parts->path;
    std::string segment;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = path.find('/', start);
        segment = path.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (segment == "..") return std::nullopt;
        if (!segment.empty() && segment != ".") relative /= segment;
        if (end == std::string::npos) break;
        start = end + 1;
    }
    // A path naming a directory ("/", "/a/", "/a/.") is its index page, as wget saves it.
    if (segment.empty() || segment == ".") relative /= "index.html";
    return relative;
}

Page read_page_file(const std::filesystem::path& file, std::size_t max_bytes, bool allow_pipe) {
    InputRules rules;
    rules.allow_pipe = allow_pipe;
    rules.max_bytes = max_bytes;
    rules.what = "page";
    rules.limit_option = "--max-page-size";
    Page page;
    page.content = read_whole_input(file, rules);
    if (page.content.empty()) throw InputError(file.string(), "the page is empty");
    page.location = file.string();
    return page;
}

bool lies_in_mirror(const std::filesystem::path& root, const std::filesystem::path& file) {
    const auto relative = std::filesystem::absolute(file).lexically_normal().lexically_relative(
        std::filesystem::absolute(root).lexically_normal());
    return !relative.empty() && *relative.begin() != ".." && *relative.begin() != ".";
}

void check_inside_mirror(const std::filesystem::path& root, const std::filesystem::path& file) {
    std::error_code error;
    const auto real_root = std::filesystem::canonical(root, error);
    if (error) throw InputError(root.string(), "cannot resolve the mirror directory: " + error.message());
    const auto real_file = std::filesystem::canonical(file, error);
    if (error) throw InputError(file.string(), "cannot resolve the path: " + error.message());
    const auto relative = real_file.lexically_relative(real_root);
    if (!relative.empty() && *relative.begin() != ".." && *relative.begin() != ".") return;
    throw InputError(file.string(), "a symbolic link leads outside the mirror " + root.string() + " (to " +
                                        real_file.string() + "); not read (--follow-symlinks reads it)");
}

std::vector<std::filesystem::path> mirror_relative_paths(const std::string& url) {
    const auto plain = mirror_relative_path(url);
    if (!plain) return {};
    std::vector<std::filesystem::path> candidates;
    if (const auto parts = parse_url(url); parts && !parts->query.empty()) {
        std::filesystem::path with_query = *plain;
        with_query.replace_filename(plain->filename().string() + "?" + query_in_file_name(parts->query));
        candidates.push_back(std::move(with_query));
    }
    candidates.push_back(*plain);
    return candidates;
}

std::optional<std::filesystem::path> mirror_file(const std::filesystem::path& root, const std::string& url) {
    for (const auto& relative : mirror_relative_paths(url)) {
        const std::filesystem::path file = root / relative;
        std::error_code error;
        if (std::filesystem::is_regular_file(file, error)) return file;
    }
    return std::nullopt;
}

std::optional<std::string> mirror_url(const std::filesystem::path& root, const std::filesystem::path& file) {
    std::error_code error;
    const auto canonical_root = std::filesystem::weakly_canonical(std::filesystem::absolute(root), error);
    if (error) return std::nullopt;
    const auto canonical_file = std::filesystem::weakly_canonical(std::filesystem::absolute(file), error);
    if (error) return std::nullopt;
    const auto relative = canonical_file.lexically_relative(canonical_root);
    if (relative.empty() || *relative.begin() == ".." || relative.is_absolute() || ++relative.begin() == relative.end())
        return std::nullopt;
    // A mirror does not record the scheme: http, except for a "host:80" directory, which only
    // an https URL on port 80 is saved under (http's own port 80 is left out of the name), so
    // that the URL maps back to the same directory.
    const std::string host_directory = relative.begin()->string();
    const bool port_80 = host_directory.size() > 3 && host_directory.compare(host_directory.size() - 3, 3, ":80") == 0;
    const std::string scheme = port_80 ? "https://" : "http://";
    // "page.html?id=3": the query wget wrote into the name goes back into the URL.
    const std::string name = relative.filename().string();
    const std::size_t query_at = name.find('?');
    if (query_at == std::string::npos) return scheme + relative.generic_string();
    return scheme + relative.parent_path().generic_string() + "/" + name.substr(0, query_at) + "?" +
           query_in_url(name.substr(query_at + 1));
}

std::optional<std::filesystem::path> infer_mirror_root(const std::filesystem::path& file, const std::string& url) {
    const auto candidates = mirror_relative_paths(url);
    if (candidates.empty()) return std::nullopt;
    std::error_code error;
    const std::filesystem::path absolute = std::filesystem::weakly_canonical(std::filesystem::absolute(file), error);
    if (error) return std::nullopt;
    for (const auto& relative : candidates) {
        // Walk the relative path's components backwards against the file's.
        std::vector<std::filesystem::path> wanted(relative.begin(), relative.end());
        std::filesystem::path current = absolute;
        bool matches = true;
        for (auto it = wanted.rbegin(); matches && it != wanted.rend(); ++it) {
            matches = current.filename() == *it;
            current = current.parent_path();
        }
        if (matches) return current;
    }
    return std::nullopt;
}

}  // namespace artalign
