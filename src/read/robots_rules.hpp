// The rules of a site's robots.txt for one crawler (RFC 9309, the Robots Exclusion Protocol):
// which paths it may fetch, and how long it should wait between requests.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace artalign {

/// The Allow and Disallow rules of the robots.txt group that applies to one crawler. Built
/// once per host from robots.txt and asked for every URL of that host.
///
///     const RobotsRules rules = RobotsRules::parse(robots_txt, "artalign");
///     if (!rules.allows("/arti/1.html?page=2")) ...  // refuse the URL
///
/// Why this shape: RFC 9309 only needs the one group that matches us, so the other groups are
/// dropped while parsing and matching stays a scan over a few rules.
class RobotsRules {
public:
    /// No rules at all: everything is allowed (a missing robots.txt, RFC 9309 §2.3.1.3).
    static RobotsRules allow_all();

    /// "Disallow: /" for everything (a robots.txt that cannot be read, RFC 9309 §2.3.1.4).
    static RobotsRules disallow_all();

    /// The rules robots.txt `text` gives the crawler whose product token is `product_token`
    /// (e.g. "artalign"): the groups whose User-agent matches it (case-insensitive), all merged,
    /// else the `*` groups, else none (everything allowed). Field names are case-insensitive;
    /// comments, blank lines, unknown fields and lines without ':' are ignored; a UTF-8 BOM and
    /// CR, LF or CRLF line ends are read. Crawl-delay (seconds, decimals allowed, not in the
    /// RFC but widely used) is kept for the chosen group. Never throws on any input.
    static RobotsRules parse(std::string_view text, std::string_view product_token);

    /// Whether `path` may be fetched: the path of a URL with its "?query", as it appears in the
    /// URL (percent-escapes are compared as RFC 9309 §2.2.2 says). The longest matching rule
    /// decides (its length in octets, pattern as written); Allow wins a tie; no match allows.
    /// In a rule `*` matches any run of characters and a final `$` anchors the end.
    bool allows(std::string_view path) const;

    /// The group's Crawl-delay, if it has a valid one.
    std::optional<std::chrono::milliseconds> crawl_delay() const { return crawl_delay_; }

private:
    struct Rule {
        bool allow = false;
        std::string pattern;  ///< normalised like the paths it is matched against
    };
    std::vector<Rule> rules_;
    std::optional<std::chrono::milliseconds> crawl_delay_;
};

/// The product token of a User-Agent header: its leading letters, '-' and '_'
/// ("artalign/1.2 (...)" -> "artalign"), the name robots.txt groups are matched against.
std::string robots_product_token(std::string_view user_agent);

}  // namespace artalign
