// The pages a set of WARC files holds, looked up by URL the way a mirror is looked up by path:
// batch, discover and stream read web archives (crawls, Common Crawl, national libraries) with it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "artalign/error.hpp"
#include "artalign/types.hpp"  // WarcPlace
#include "util/limits.hpp"
#include "read/page_source.hpp"

namespace artalign {

/// A revisit record whose earlier capture is not in the archive: the page cannot be read.
class UnresolvedRevisitError : public InputError {
    using InputError::InputError;
};

/// One capture the archive holds of an HTML page that answered 200 (or a revisit of one).
struct ArchivedPage {
    std::string url;
    WarcPlace place;
};

/// An index of the response, resource and revisit records of WARC files by target URI, made
/// by reading each file through once (cost: one decompression of every file; memory: a few
/// dozen bytes per record plus its URL). A URL captured more than once is read from its first
/// capture that answered 2xx or 3xx (else its first). Revisit records are resolved to the
/// capture they repeat (WARC-Refers-To, else WARC-Refers-To-Target-URI and -Date, else the
/// payload digest). Read-only after construction: safe to share between threads.
class WebArchive {
public:
    /// Throws InputError naming the file and offset of a record that cannot be read.
    explicit WebArchive(std::vector<std::filesystem::path> files, std::size_t max_page_bytes = kDefaultMaxPageBytes);
    ~WebArchive();

    const std::vector<std::filesystem::path>& files() const { return files_; }
    /// "a.warc.gz" or "a.warc.gz and 2 more WARC files", for messages.
    std::string describe() const;

    /// Whether the archive holds `url` (as written, else with the other of http/https).
    bool holds(const std::string& url) const;
    /// The page at `url`: the HTTP body of its record (transfer and content codings undone),
    /// the Content-Type as the HTTP header gave it, and Page::url the URL after redirects
    /// (a 3xx with a Location the archive holds; at most 5). Throws InputError naming the URL:
    /// not in the archive, an HTTP status other than 2xx, a redirect to a page it lacks, not
    /// HTML; UnresolvedRevisitError for a revisit of a capture it does not hold.
    Page page(const std::string& url) const;
    /// The page in the record at `place`, read as page() reads a URL's record.
    Page page_at(const WarcPlace& place) const;
    /// The HTML pages that answered 200 and the revisits of pages, one per URL, in archive order
    /// (the files in the order given, then by offset): the candidates a batch aligns.
    std::vector<ArchivedPage> html_pages() const;

private:
    struct Capture;
    const Capture* find(const std::string& url) const;
    Page read_capture(const Capture& capture, const std::string& url, int hops) const;

    std::vector<std::filesystem::path> files_;
    std::size_t max_page_bytes_;
    std::vector<Capture> captures_;
    std::unordered_map<std::string, std::size_t> by_url_;  // the capture to read for a URL
};

}  // namespace artalign
