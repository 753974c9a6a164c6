// The one place that decides where a page comes from: bytes given in memory, a record of WARC
// files, a local file, a page inside a local mirror, or the network when fetching is allowed.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "artalign/options.hpp"
#include "artalign/types.hpp"
#include "read/page_source.hpp"

namespace artalign {

class Fetcher;
class WebArchive;

/// A page as a request names it.
struct PageAddress {
    /// A file path or an http(s) URL; for a page given in memory, what names it in messages.
    std::string location;
    std::optional<std::filesystem::path> mirror_root;  ///< where URLs are looked up as files
    const WebArchive* archive = nullptr;               ///< where URLs (and `record`) are looked up
    std::optional<WarcPlace> record;                   ///< the page's own record in `archive`
    std::optional<std::string_view> bytes;             ///< the page itself, given in memory
};

/// Where a page is to be read from, first match wins, in this order.
enum class PageOrigin {
    memory,          ///< PageAddress::bytes
    archive_record,  ///< PageAddress::record in the archive
    archive,         ///< a URL the archive holds
    file,            ///< a location that is not a URL (read as a local file)
    mirror,          ///< a URL the mirror holds: PageLocation::file
    network,         ///< a URL to fetch
    nowhere,         ///< a URL that neither the archive nor the mirror holds, fetching being off
};

struct PageLocation {
    PageOrigin origin = PageOrigin::nowhere;
    std::filesystem::path file;  ///< for PageOrigin::mirror
};

/// How pages may be read (the pipeline's options that concern reading).
struct PageRules {
    std::size_t max_page_bytes = kDefaultMaxPageBytes;
    bool allow_page_pipes = false;  ///< a page given as a path may be a named pipe
    bool follow_symlinks = false;   ///< a mirror's page may lead outside the mirror
    bool allow_network = false;
    FetchOptions fetch;             ///< fetch.max_bytes is replaced by max_page_bytes
};

/// Finds and reads pages. Holds the fetcher (made on the first fetch): not thread-safe.
class PageLocator {
public:
    explicit PageLocator(PageRules rules);
    ~PageLocator();
    PageLocator(const PageLocator&) = delete;
    PageLocator& operator=(const PageLocator&) = delete;

    /// Where `address` would be read from, without reading it.
    PageLocation locate(const PageAddress& address) const;

    /// Reads the page from where locate() found it. Throws InputError naming the location: a
    /// URL of a scheme other than http(s) ("only http and https URLs and local files can be
    /// read, not ftp"), a page of a mirror outside it (check_inside_mirror), an unreadable,
    /// empty or oversized page, a URL not available offline ("fetching is off; give a local
    /// file or --mirror DIR", or "not in the mirror at DIR and fetching is off"); FetchError;
    /// the archive's errors.
    Page read(const PageAddress& address, const PageLocation& location) const;
    Page read(const PageAddress& address) const { return read(address, locate(address)); }

    const PageRules& rules() const { return rules_; }

private:
    PageRules rules_;
    mutable std::unique_ptr<Fetcher> fetcher_;
};

}  // namespace artalign
