// URLs: resolving links against a page's address and splitting out host and path.
#pragma once

#include <optional>
#include <string>

namespace artalign {

struct UrlParts {
    std::string scheme;  ///< lower-case, e.g. "https"
    std::string host;    ///< lower-case, without port
    int port = 0;        ///< as written; 0 when the URL names none (libxml2 cannot tell "h:0" from "h")
    std::string path;    ///< starts with '/', "/" when empty; no query or fragment
    std::string query;   ///< as written, escapes kept, without the '?'; empty when none
};

/// Resolves `reference` (absolute or relative) against `base` per RFC 3986.
/// Returns nullopt when either cannot be parsed.
std::optional<std::string> resolve_url(const std::string& base, const std::string& reference);

/// Splits an absolute URL; nullopt when it has no scheme or host.
std::optional<UrlParts> parse_url(const std::string& url);

/// The host, followed by ":PORT" when the URL names a port other than its scheme's default
/// (80 for http, 443 for https): "example.com:8080", but "example.com" for
/// "http://example.com:80/". The name `wget --mirror` gives a site's directory.
std::string host_and_port(const UrlParts& parts);

/// True for http and https URLs, the only ones artalign will follow.
bool is_web_url(const std::string& url);

}  // namespace artalign
