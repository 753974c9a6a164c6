// Deciding where a page comes from, and reading it from there.
#include "pipeline/page_locator.hpp"

#include "artalign/error.hpp"
#include "read/fetcher.hpp"
#include "read/url.hpp"
#include "read/web_archive.hpp"
#include "util/limits.hpp"

namespace artalign {
namespace {

// A page given in memory, held to the limits a page file is.
Page page_in_memory(std::string_view bytes, const std::string& location, std::size_t max_bytes) {
    if (bytes.size() > max_bytes) throw InputError(location, page_size_problem(bytes.size(), max_bytes));
    if (bytes.empty()) throw InputError(location, "the page is empty");
    Page page;
    page.content = bytes;
    page.location = location;
    return page;
}

}  // namespace

PageLocator::PageLocator(PageRules rules) : rules_(std::move(rules)) {}
PageLocator::~PageLocator() = default;

PageLocation PageLocator::locate(const PageAddress& address) const {
    if (address.bytes) return {PageOrigin::memory, {}};
    if (address.archive && address.record) return {PageOrigin::archive_record, {}};
    if (!is_web_url(address.location)) return {PageOrigin::file, {}};
    if (address.archive && address.archive->holds(address.location)) return {PageOrigin::archive, {}};
    if (address.mirror_root) {
        if (auto file = mirror_file(*address.mirror_root, address.location)) return {PageOrigin::mirror, std::move(*file)};
    }
    return {rules_.allow_network ? PageOrigin::network : PageOrigin::nowhere, {}};
}

Page PageLocator::read(const PageAddress& address, const PageLocation& location) const {
    const std::string& where = address.location;
    switch (location.origin) {
        case PageOrigin::memory: return page_in_memory(*address.bytes, where, rules_.max_page_bytes);
        case PageOrigin::archive_record: return address.archive->page_at(*address.record);
        case PageOrigin::archive: return address.archive->page(where);
        case PageOrigin::file: {
            if (const auto parts = parse_url(where); parts && where.find("://") != std::string::npos)
                throw InputError(where, "only http and https URLs and local files can be read, not " + parts->scheme);
            // A page of a mirror (batch finds them there) stays inside it, as one found by URL does.
            const auto& mirror = address.mirror_root;
            if (mirror && !rules_.follow_symlinks && lies_in_mirror(*mirror, where)) check_inside_mirror(*mirror, where);
            return read_page_file(where, rules_.max_page_bytes, rules_.allow_page_pipes);
        }
        case PageOrigin::mirror: {
            if (!rules_.follow_symlinks) check_inside_mirror(*address.mirror_root, location.file);
            Page page = read_page_file(location.file, rules_.max_page_bytes);
            page.url = where;
            return page;
        }
        case PageOrigin::network: {
            if (!fetcher_) {
                FetchOptions fetch = rules_.fetch;
                fetch.max_bytes = rules_.max_page_bytes;
                fetcher_ = std::make_unique<Fetcher>(fetch);
            }
            return fetcher_->fetch(where);
        }
        case PageOrigin::nowhere: break;
    }
    throw InputError(where, address.mirror_root
                                ? "not in the mirror at " + address.mirror_root->string() + " and fetching is off"
                                : std::string("fetching is off; give a local file or --mirror DIR"));
}

}  // namespace artalign
