// Indexing WARC files by URL and reading pages out of them: HTTP status, redirects, revisits.
#include "read/web_archive.hpp"

#include <algorithm>
#include <optional>

#include "read/url.hpp"
#include "read/warc_reader.hpp"

namespace artalign {

struct WebArchive::Capture {
    enum class Kind { response, resource, revisit };
    std::uint32_t file = 0;
    std::uint64_t offset = 0;
    std::string url;
    Kind kind = Kind::response;
    int status = 0;     // HTTP status; 200 for a resource; 0 when unknown
    bool html = false;  // by the Content-Type (a missing one counts as HTML)
    std::optional<std::size_t> repeats;  // a revisit: the capture whose payload it repeats
    std::string refers_to;               // a revisit: what it names, for messages
};

namespace {

constexpr int kMaxRedirects = 5;

std::string unbracketed(std::string text) {
    if (text.size() >= 2 && text.front() == '<' && text.back() == '>') return text.substr(1, text.size() - 2);
    return text;
}

bool is_html_type(const std::optional<std::string>& content_type) {
    if (!content_type || content_type->empty()) return true;
    std::string lower = *content_type;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return lower.find("html") != std::string::npos;
}

std::string place_text(const std::filesystem::path& file, std::uint64_t offset) {
    return file.string() + " at offset " + std::to_string(offset);
}

}  // namespace

WebArchive::WebArchive(std::vector<std::filesystem::path> files, std::size_t max_page_bytes)
    : files_(std::move(files)), max_page_bytes_(max_page_bytes) {
    std::unordered_map<std::string, std::size_t> by_record_id, by_digest, first_by_url;
    struct Revisit {
        std::size_t capture;
        std::string record_id, target_uri, digest;
    };
    std::vector<Revisit> revisits;
    // Room for the HTTP header and a compressed body beside the page limit.
    const std::size_t max_block = max_page_bytes_ + (std::size_t{1} << 20);
    for (std::size_t file = 0; file < files_.size(); ++file) {
        WarcReader reader(files_[file], max_block);
        while (auto record = reader.next()) {
            const std::string type = record->type();
            Capture capture;
            if (type == "response") {
                capture.kind = Capture::Kind::response;
            } else if (type == "resource") {
                capture.kind = Capture::Kind::resource;
            } else if (type == "revisit") {
                capture.kind = Capture::Kind::revisit;
            } else {
                continue;  // warcinfo, request, metadata, conversion, continuation
            }
            const auto uri = record->field("WARC-Target-URI");
            if (!uri) continue;
            capture.file = static_cast<std::uint32_t>(file);
            capture.offset = record->offset;
            capture.url = unbracketed(*uri);
            const std::string where = place_text(files_[file], record->offset);
            const bool http = record->field("Content-Type").value_or("").rfind("application/http", 0) == 0;
            if (capture.kind == Capture::Kind::resource) {
                capture.status = 200;
                capture.html = is_html_type(record->field("Content-Type"));
            } else if (http && record->block_complete && !record->block.empty()) {
                try {
                    const HttpMessage message = parse_http_response(record->block, where, true);
                    capture.status = message.status;
                    capture.html = is_html_type(message.field("Content-Type"));
                } catch (const InputError&) {
                    capture.status = 0;  // unreadable: reading the page says why
                }
            } else if (capture.kind == Capture::Kind::revisit) {
                capture.html = true;  // no headers kept: what it repeats decides
            }
            const std::size_t index = captures_.size();
            if (capture.kind == Capture::Kind::revisit) {
                Revisit revisit{index, unbracketed(record->field("WARC-Refers-To").value_or("")),
                                unbracketed(record->field("WARC-Refers-To-Target-URI").value_or(capture.url)),
                                record->field("WARC-Payload-Digest").value_or("")};
                capture.refers_to = !revisit.record_id.empty() ? "WARC-Refers-To <" + revisit.record_id + ">"
                                                                : "WARC-Refers-To-Target-URI " + revisit.target_uri;
                revisits.push_back(std::move(revisit));
            } else {
                if (const auto id = record->field("WARC-Record-ID")) by_record_id.emplace(unbracketed(*id), index);
                if (const auto digest = record->field("WARC-Payload-Digest")) by_digest.emplace(*digest, index);
                first_by_url.emplace(capture.url, index);
            }
            captures_.push_back(std::move(capture));
        }
    }
    for (const Revisit& revisit : revisits) {
        std::optional<std::size_t> found;
        if (auto it = by_record_id.find(revisit.record_id); !revisit.record_id.empty() && it != by_record_id.end())
            found = it->second;
        else if (auto at = first_by_url.find(revisit.target_uri); at != first_by_url.end())
            found = at->second;
        else if (auto same = by_digest.find(revisit.digest); !revisit.digest.empty() && same != by_digest.end())
            found = same->second;
        Capture& capture = captures_[revisit.capture];
        capture.repeats = found;
        if (found) {
            capture.html = captures_[*found].html;
            if (capture.status == 0) capture.status = captures_[*found].status;
        }
    }
    for (std::size_t index = 0; index < captures_.size(); ++index) {
        const Capture& capture = captures_[index];
        const auto [it, added] = by_url_.emplace(capture.url, index);
        const auto usable = [](const Capture& c) { return c.status >= 200 && c.status < 400; };
        if (!added && !usable(captures_[it->second]) && usable(capture)) it->second = index;
    }
}

WebArchive::~WebArchive() = default;

std::string WebArchive::describe() const {
    if (files_.empty()) return "(no WARC files)";
    if (files_.size() == 1) return files_.front().string();
    return files_.front().string() + " and " + std::to_string(files_.size() - 1) + " more WARC file" +
           (files_.size() > 2 ? "s" : "");
}

const WebArchive::Capture* WebArchive::find(const std::string& url) const {
    std::string key = url.substr(0, url.find('#'));
    if (auto it = by_url_.find(key); it != by_url_.end()) return &captures_[it->second];
    // A mirror does not tell http from https; neither does this lookup, as a second choice.
    if (key.rfind("http://", 0) == 0) {
        key.insert(4, "s");
    } else if (key.rfind("https://", 0) == 0) {
        key.erase(4, 1);
    } else {
        return nullptr;
    }
    if (auto it = by_url_.find(key); it != by_url_.end()) return &captures_[it->second];
    return nullptr;
}

bool WebArchive::holds(const std::string& url) const { return find(url) != nullptr; }

Page WebArchive::page(const std::string& url) const {
    const Capture* capture = find(url);
    if (capture == nullptr) throw InputError(url, "not in the WARC files (" + describe() + ")");
    return read_capture(*capture, url, 0);
}

Page WebArchive::page_at(const WarcPlace& place) const {
    const auto file = std::find(files_.begin(), files_.end(), place.file);
    if (file == files_.end())
        throw InputError(place.file.string(), "is not one of the archive's WARC files (" + describe() + ")");
    const auto file_index = static_cast<std::uint32_t>(file - files_.begin());
    const auto at = std::lower_bound(captures_.begin(), captures_.end(), std::make_pair(file_index, place.offset),
                                     [](const Capture& capture, const std::pair<std::uint32_t, std::uint64_t>& key) {
                                         return std::make_pair(capture.file, capture.offset) < key;
                                     });
    if (at == captures_.end() || at->file != file_index || at->offset != place.offset)
        throw InputError(place_text(place.file, place.offset), "no response, resource or revisit record starts here");
    return read_capture(*at, at->url, 0);
}

Page WebArchive::read_capture(const Capture& capture, const std::string& url, int hops) const {
    const std::filesystem::path& file = files_[capture.file];
    const std::string where = url + " (" + place_text(file, capture.offset) + ")";
    if (capture.kind == Capture::Kind::revisit) {
        if (!capture.repeats)
            throw UnresolvedRevisitError(where, "a revisit record of a capture the WARC files do not hold (" +
                                                    capture.refers_to + "); give the WARC file that holds it too");
        Page page = read_capture(captures_[*capture.repeats], url, hops);
        page.url = url;
        return page;
    }
    const WarcRecord record = read_warc_record(file, capture.offset, max_page_bytes_ + (std::size_t{1} << 20));
    if (!record.block_complete) throw InputError(where, page_size_problem(record.content_length, max_page_bytes_));
    Page page;
    page.location = url;
    page.url = url;
    if (capture.kind == Capture::Kind::resource) {
        if (record.block.size() > max_page_bytes_) throw InputError(where, page_size_problem(record.block.size(), max_page_bytes_));
        page.content = record.block;
        page.content_type = record.field("Content-Type").value_or("");
    } else {
        HttpMessage message = parse_http_response(record.block, where, false, max_page_bytes_);
        if (message.status >= 300 && message.status < 400) {
            const auto location = message.field("Location");
            if (!location) throw InputError(where, "HTTP " + std::to_string(message.status) + " without a Location");
            if (hops >= kMaxRedirects) throw InputError(url, "more than " + std::to_string(kMaxRedirects) + " redirects");
            const auto target = resolve_url(url, *location);
            if (!target || !is_web_url(*target)) throw InputError(where, "redirected to " + *location + ", which is not an http(s) URL; refused");
            const Capture* next = find(*target);
            if (next == nullptr)
                throw InputError(url, "redirected to " + *target + ", which the WARC files (" + describe() + ") do not hold");
            return read_capture(*next, *target, hops + 1);
        }
        if (message.status < 200 || message.status >= 300)
            throw InputError(where, "the archived answer is HTTP " + std::to_string(message.status));
        page.content = std::move(message.body);
        page.content_type = message.field("Content-Type").value_or("");
    }
    if (!is_html_type(page.content_type)) throw InputError(where, "the archived answer is " + page.content_type + ", not an HTML page");
    if (page.content.empty()) throw InputError(where, "the archived page is empty");
    return page;
}

std::vector<ArchivedPage> WebArchive::html_pages() const {
    std::vector<ArchivedPage> pages;
    for (std::size_t index = 0; index < captures_.size(); ++index) {
        const Capture& capture = captures_[index];
        if (by_url_.at(capture.url) != index || !capture.html) continue;
        if (capture.kind == Capture::Kind::revisit ? (capture.status != 0 && capture.status != 200) : capture.status != 200)
            continue;
        pages.push_back({capture.url, {files_[capture.file], capture.offset}});
    }
    return pages;
}

}  // namespace artalign
