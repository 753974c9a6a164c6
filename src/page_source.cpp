// Reading pages from local files and from local mirrors of sites.
#include "artalign/page_source.hpp"

#include <fstream>
#include <iterator>
#include <vector>

#include "artalign/error.hpp"
#include "artalign/url.hpp"

namespace artalign {

// Splits the URL's path into its segments, refusing "..": a link must never lead outside the
// mirror. The host is a directory name too, so "." and ".." (which libxml2 accepts as host
// names, e.g. in "http://../x") are refused as well.
std::optional<std::filesystem::path> mirror_relative_path(const std::string& url) {
    const auto parts = parse_url(url);
    if (!parts || !is_web_url(url)) return std::nullopt;
    if (parts->host == "." || parts->host == ".." || parts->host.find('/') != std::string::npos) return std::nullopt;
    std::filesystem::path relative(parts->host);
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

Page read_page_file(const std::filesystem::path& file, std::size_t max_bytes) {
    std::error_code error;
    const auto status = std::filesystem::status(file, error);
    if (!std::filesystem::exists(status)) throw InputError(file.string(), "no such file");
    if (std::filesystem::is_directory(status)) throw InputError(file.string(), "is a directory, not a page");
    const auto size = std::filesystem::file_size(file, error);
    if (!error && size > max_bytes)
        throw InputError(file.string(), "page is larger than the limit of " + std::to_string(max_bytes) + " bytes");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string(), "cannot open file for reading");
    Page page;
    if (!error) {
        // One read of the size the file has (a byte-at-a-time copy cost a batch run 5%).
        page.content.resize(static_cast<std::size_t>(size));
        in.read(page.content.data(), static_cast<std::streamsize>(size));
        page.content.resize(static_cast<std::size_t>(in.gcount()));
        if (in.eof() || in.fail()) in.clear();
    }
    page.content.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());  // anything past it
    if (in.bad()) throw InputError(file.string(), "read error");
    if (page.content.empty()) throw InputError(file.string(), "the page is empty");
    page.location = file.string();
    return page;
}

std::optional<std::filesystem::path> mirror_file(const std::filesystem::path& root, const std::string& url) {
    const auto relative = mirror_relative_path(url);
    if (!relative) return std::nullopt;
    const std::filesystem::path file = root / *relative;
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return std::nullopt;
    return file;
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
    return "http://" + relative.generic_string();
}

std::optional<std::filesystem::path> infer_mirror_root(const std::filesystem::path& file, const std::string& url) {
    const auto relative = mirror_relative_path(url);
    if (!relative) return std::nullopt;
    std::error_code error;
    std::filesystem::path absolute = std::filesystem::weakly_canonical(std::filesystem::absolute(file), error);
    if (error) return std::nullopt;
    // Walk the relative path's components backwards against the file's.
    std::vector<std::filesystem::path> wanted(relative->begin(), relative->end());
    std::filesystem::path current = absolute;
    for (auto it = wanted.rbegin(); it != wanted.rend(); ++it) {
        if (current.filename() != *it) return std::nullopt;
        current = current.parent_path();
    }
    return current;
}

}  // namespace artalign
