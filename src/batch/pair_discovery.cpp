// Pair discovery: walking a mirror by host directory, reading page lists and JSONL records.
#include "batch/pair_discovery.hpp"

#include <algorithm>
#include <unordered_set>

#include "artalign/error.hpp"
#include "read/input_file.hpp"
#include "util/limits.hpp"
#include "read/url.hpp"
#include "read/web_archive.hpp"

namespace artalign {
namespace {

// "page.html", and "page.html?id=3" as wget --mirror saves a page whose URL has a query (the
// URL is given back by mirror_url, query and all).
bool is_html_file(const std::filesystem::path& file) {
    const std::string name = file.filename().string();
    const std::size_t query_at = name.find('?');
    if (query_at == name.size() - 1) return false;  // "page.html?": no query to give back
    const std::string extension = std::filesystem::path(name.substr(0, query_at)).extension().string();
    return extension == ".html" || extension == ".htm";
}

// The host a mirror's host directory is named after: wget adds ":PORT" for a port other than
// the scheme's default ("example.com:8080"), which profiles do not list.
std::string host_of_directory(const std::string& name) {
    const std::size_t colon = name.rfind(':');
    if (colon == std::string::npos || colon + 1 == name.size() ||
        name.find_first_not_of("0123456789", colon + 1) != std::string::npos)
        return name;
    return name.substr(0, colon);
}

// Host directories that hold only originals: every profile listing the host is in the
// original language.
bool holds_only_originals(const std::string& directory, const ProfileRegistry& profiles,
                          const std::string& original_language) {
    const std::string host = host_of_directory(directory);
    bool listed = false;
    for (const SiteProfile& profile : profiles.profiles()) {
        if (std::find(profile.hosts.begin(), profile.hosts.end(), host) == profile.hosts.end()) continue;
        if (profile.language != original_language) return false;
        listed = true;
    }
    return listed;
}

// A list or record file the user names: a regular file or a pipe ("<(grep ... list)").
InputRules list_rules() {
    InputRules rules;
    rules.allow_pipe = true;
    return rules;
}

// The candidate pages of a web archive, each read from its record, the archive shared.
class ArchivePairList final : public PairSource {
public:
    ArchivePairList(std::shared_ptr<const WebArchive> archive, std::vector<ArchivedPage> pages)
        : archive_(std::move(archive)), pages_(std::move(pages)) {}
    std::size_t size() const override { return pages_.size(); }
    PairRequest at(std::size_t position) const override {
        const ArchivedPage& page = pages_.at(position);
        PairRequest request;
        request.key = page.url;
        request.input.translation_page = page.url;
        request.input.translation_record = page.place;
        request.input.archive_files = archive_->files();
        request.input.archive = archive_;
        return request;
    }

private:
    std::shared_ptr<const WebArchive> archive_;
    std::vector<ArchivedPage> pages_;
};

}  // namespace

std::unique_ptr<PairSource> discover_archive_pairs(const std::vector<std::filesystem::path>& warcs,
                                                   const ProfileRegistry& profiles,
                                                   const std::string& original_language, std::size_t max_page_bytes) {
    for (const auto& warc : warcs) {
        std::error_code error;
        if (!std::filesystem::is_regular_file(warc, error))
            throw InputError(warc.string(), std::filesystem::is_directory(warc, error)
                                                ? "is a directory (a mirror is given alone; several inputs are WARC files)"
                                                : "no such WARC file");
    }
    auto archive = std::make_shared<const WebArchive>(warcs, max_page_bytes);
    std::vector<ArchivedPage> candidates;
    for (ArchivedPage& page : archive->html_pages()) {
        const auto parts = parse_url(page.url);
        if (parts && !holds_only_originals(parts->host, profiles, original_language)) candidates.push_back(std::move(page));
    }
    return std::make_unique<ArchivePairList>(std::move(archive), std::move(candidates));
}

PageList discover_mirror_pairs(const std::filesystem::path& root, const ProfileRegistry& profiles,
                                               const std::string& original_language) {
    std::error_code error;
    if (!std::filesystem::is_directory(root, error))
        throw InputError(root.string(), "is not a directory (expected a site mirror: DIR/host/path.html)");
    std::vector<std::filesystem::path> hosts;
    for (const auto& entry : std::filesystem::directory_iterator(root, error)) {
        if (entry.is_directory(error) && !holds_only_originals(entry.path().filename().string(), profiles, original_language))
            hosts.push_back(entry.path());
    }
    if (error) throw InputError(root.string(), "cannot list the mirror: " + error.message());

    PageList pages(root);
    for (const auto& host : hosts) {
        std::filesystem::recursive_directory_iterator walk(host, std::filesystem::directory_options::skip_permission_denied, error);
        for (; !error && walk != std::filesystem::recursive_directory_iterator(); walk.increment(error)) {
            if (walk->is_regular_file(error) && is_html_file(walk->path())) pages.add(walk->path().native());
        }
        if (error) throw InputError(host.string(), "cannot list the mirror: " + error.message());
    }
    pages.sort_unique();
    return pages;
}

PageList read_page_list(const std::filesystem::path& list, const std::optional<std::filesystem::path>& mirror_root) {
    InputFile in(list, list_rules());
    LineReader lines(in, kMaxPathLineBytes);
    PageList pages(mirror_root);
    std::string line;
    for (LineReader::Status status; (status = lines.next(line)) != LineReader::Status::end;) {
        if (status == LineReader::Status::too_long)
            throw InputError(list.string() + " line " + std::to_string(lines.number()),
                             "is over " + describe_size(kMaxPathLineBytes) + ": not a path");
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        const auto last = line.find_last_not_of(" \t");
        pages.add(std::string_view(line).substr(first, last - first + 1));
    }
    pages.unique_stable();
    return pages;
}

std::vector<PairRequest> read_pair_records(const std::filesystem::path& jsonl) {
    InputFile in(jsonl, list_rules());
    LineReader lines(in, record_line_limit());
    std::vector<PairRequest> requests;
    std::unordered_set<std::string> seen;
    std::string line;
    for (LineReader::Status status; (status = lines.next(line)) != LineReader::Status::end;) {
        const std::string where = jsonl.string() + " line " + std::to_string(lines.number());
        if (status == LineReader::Status::too_long)
            throw InputError(where, "the record is over the " + describe_size(lines.max_line()) + " limit for one line");
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        PairRequest request = parse_pair_request(parse_json(line, where), where);
        if (!seen.insert(request.key).second)
            throw InputError(where, "pair " + request.key + " appears twice (give each record its own \"id\")");
        requests.push_back(std::move(request));
    }
    return requests;
}

}  // namespace artalign
