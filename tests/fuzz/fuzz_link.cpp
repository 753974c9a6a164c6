// Fuzz target: finding the link to the original and resolving URLs against a page's address and
// a local mirror. Input: a page URL line, a link line, then HTML. Every URL artalign would
// follow must be an absolute http(s) URL, and its place in a mirror must stay inside the mirror
// and map back to the same URL and root.
#include <stdlib.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "parse/article_extractor.hpp"
#include "artalign/error.hpp"
#include "parse/html_document.hpp"
#include "parse/original_link.hpp"
#include "read/page_source.hpp"
#include "parse/site_profile.hpp"
#include "read/url.hpp"
#include "temporary_directory.hpp"

namespace {

// A mirror root that exists (mirror_url and infer_mirror_root canonicalise paths).
const std::filesystem::path& mirror_root() {
    static const artalign::fuzz::TemporaryDirectory root(std::filesystem::temp_directory_path(), "fuzz-link");
    return root.path();
}

// Characters that survive a trip through a URL unchanged (':' as in "host:8080"), so a mirror
// path made of them only must map back to itself.
bool plain(const std::string& text) {
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '-' || c == '_' || c == '/' || c == ':';
        if (!ok) return false;
    }
    return true;
}

void check_mirror_mapping(const std::string& url) {
    const auto candidates = artalign::mirror_relative_paths(url);
    const auto without_query = artalign::mirror_relative_path(url);
    if (candidates.empty() != !without_query) __builtin_trap();
    if (without_query && candidates.back() != *without_query) __builtin_trap();
    // Every place looked at, the one with the query as much as the one without.
    for (const auto& relative : candidates) {
        const auto parts = artalign::parse_url(url);
        if (!parts || relative.empty() || relative.is_absolute()) __builtin_trap();
        // The host's directory: the host, and its port unless that is the scheme's default.
        const std::string host_directory = artalign::host_and_port(*parts);
        if (*relative.begin() != host_directory || host_directory.rfind(parts->host, 0) != 0) __builtin_trap();
        const bool default_port = parts->port == 0 || parts->port == (parts->scheme == "https" ? 443 : 80);
        if ((host_directory == parts->host) != default_port) __builtin_trap();
        for (const auto& component : relative) {
            const std::string name = component.string();
            if (name.empty() || name == "." || name == ".." || name.find_first_of(std::string("/\0", 2)) != std::string::npos)
                __builtin_trap();
        }
        const std::filesystem::path file = mirror_root() / relative;
        // The file is inside the mirror, and the mirror is found again from it.
        const auto root = artalign::infer_mirror_root(file, url);
        if (!root || *root != mirror_root()) __builtin_trap();
        // The file's URL: its path below the root, a query in its name escaped as a URL needs.
        const auto back = artalign::mirror_url(mirror_root(), file);
        const std::string name = relative.filename().string();
        const std::size_t query_at = name.find('?');
        const std::string before_query = (relative.parent_path() / name.substr(0, query_at)).generic_string();
        const std::string scheme = host_directory.ends_with(":80") ? "https://" : "http://";
        if (!back || back->rfind(scheme + before_query, 0) != 0) __builtin_trap();
        if (query_at == std::string::npos && *back != scheme + relative.generic_string()) __builtin_trap();
        // A '?' decoded from the path ("%3F") reads as the start of a query in a file name, as
        // wget's own names do: such a name does not lead back to the same URL.
        const bool question_mark_in_path = without_query->filename().string().find('?') != std::string::npos;
        if (plain(before_query) && !question_mark_in_path) {
            const auto again = artalign::mirror_relative_paths(*back);
            if (std::find(again.begin(), again.end(), relative) == again.end()) __builtin_trap();
        }
    }
}

// What artalign follows: an absolute http(s) URL that resolves to itself.
void check_followable(const std::string& url) {
    if (!artalign::is_web_url(url)) __builtin_trap();
    if (artalign::resolve_url("http://other.example/x/y.html", url) != url) __builtin_trap();
    check_mirror_mapping(url);
}

std::string_view take_line(std::string_view& rest) {
    const auto end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto profiles = artalign::ProfileRegistry::load_directory(ARTALIGN_FUZZ_DATA "/profiles");
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    const std::string base(take_line(rest));
    const std::string link(take_line(rest));

    if (const auto resolved = artalign::resolve_url(base, link)) {
        if (!artalign::parse_url(*resolved)) __builtin_trap();
        if (artalign::is_web_url(*resolved)) check_followable(*resolved);
    }
    check_mirror_mapping(base);
    check_mirror_mapping(link);

    try {
        const artalign::HtmlDocument page(rest, "fuzz.html");
        const std::string url = artalign::page_url(page, base);
        if (url != base && !artalign::is_web_url(url)) __builtin_trap();
        for (const auto& profile : profiles.profiles()) {
            if (const auto original = artalign::find_original_link(page, &profile, url)) check_followable(*original);
        }
        if (const auto original = artalign::find_original_link(page, nullptr, url)) check_followable(*original);
    } catch (const artalign::Error&) {
    }
    return 0;
}
