// URLs: resolution against a base (libxml2's RFC 3986 implementation) and splitting.
#include "read/url.hpp"

#include <libxml/uri.h>
#include <libxml/xmlmemory.h>

#include <algorithm>
#include <memory>

#include "util/xml_library.hpp"

namespace artalign {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return text;
}

struct FreeUri {
    void operator()(xmlURI* uri) const { xmlFreeURI(uri); }
};

const xmlChar* as_xml(const std::string& text) { return reinterpret_cast<const xmlChar*>(text.c_str()); }

}  // namespace

std::optional<std::string> resolve_url(const std::string& base, const std::string& reference) {
    prepare_xml_library();
    xmlChar* built = xmlBuildURI(as_xml(reference), as_xml(base));
    if (built == nullptr) return std::nullopt;
    std::string result(reinterpret_cast<const char*>(built));
    xmlFree(built);
    if (!parse_url(result)) return std::nullopt;
    return result;
}

std::optional<UrlParts> parse_url(const std::string& url) {
    prepare_xml_library();
    std::unique_ptr<xmlURI, FreeUri> uri(xmlParseURI(url.c_str()));
    if (!uri || uri->scheme == nullptr || uri->server == nullptr || uri->server[0] == '\0') return std::nullopt;
    UrlParts parts;
    parts.scheme = lower(uri->scheme);
    parts.host = lower(uri->server);
    parts.port = uri->port;
    parts.path = uri->path != nullptr && uri->path[0] != '\0' ? uri->path : "/";
    if (uri->query_raw != nullptr) parts.query = uri->query_raw;
    return parts;
}

std::string host_and_port(const UrlParts& parts) {
    const bool default_port = parts.port == 0 || (parts.scheme == "http" && parts.port == 80) ||
                              (parts.scheme == "https" && parts.port == 443);
    return default_port ? parts.host : parts.host + ":" + std::to_string(parts.port);
}

bool is_web_url(const std::string& url) {
    const auto parts = parse_url(url);
    return parts && (parts->scheme == "http" || parts->scheme == "https");
}

}  // namespace artalign
