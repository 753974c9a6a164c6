// URLs: resolving links against a page's address and splitting out host and path.
#pragma once

#include <optional>
#include <string>

namespace artalign {

struct UrlParts {
    std::string scheme;  ///< lower-case, e.g. "https"
    std::string host;    ///< lower-case, without port
    std::string path;    ///< starts with '/', "/" when empty; no query or fragment
    std::string query;   ///< as written, escapes kept, without the '?'; empty when none
};

/// Resolves `reference` (absolute or relative) against `base` per RFC 3986.
/// Returns nullopt when either cannot be parsed.
std::optional<std::string> resolve_url(const std::string& base, const std::string& reference);

/// Splits an absolute URL; nullopt when it has no scheme or host.
std::optional<UrlParts> parse_url(const std::string& url);

/// True for http and https URLs, the only ones artalign will follow.
bool is_web_url(const std::string& url);

}  // namespace artalign
