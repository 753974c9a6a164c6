// Finding the link from a translated page to its original, from the strongest signal down.
#include "parse/original_link.hpp"

#include <libxml/tree.h>

#include <cctype>
#include <vector>

#include "parse/html_document.hpp"
#include "parse/site_profile.hpp"
#include "read/url.hpp"

namespace artalign {

const char* const kOriginalLinkSignals =
    "the site profile's button to the original, <link rel=\"alternate\" hreflang=\"ko\">, "
    "and links reading \"원문\", \"Korean original\" or \"Read in Korean\"";

namespace {

// Generic signals, for pages whose profile names no button (or that have no profile).
const char* const kGenericSignals[] = {
    "//link[@rel='alternate' and (@hreflang='ko' or starts-with(@hreflang, 'ko-'))]/@href",
    "//a[contains(normalize-space(.), '원문') or .//img[contains(@alt, '원문')]]/@href",
    "//a[contains(translate(normalize-space(.), 'KORANIGLDE', 'koranigld'), 'korean original') or "
    "contains(translate(normalize-space(.), 'KORANIGLDE', 'koranigld'), 'read in korean') or "
    ".//img[contains(translate(@alt, 'KORANIGLDE', 'koranigld'), 'korean original') or "
    "contains(translate(@alt, 'KORANIGLDE', 'koranigld'), 'original korean')]]/@href",
};

// Calls `visit` with each href the signals give, strongest signal first, until it returns true.
template <typename Visit>
void for_each_signalled_href(const HtmlDocument& page, const SiteProfile* profile, Visit visit) {
    std::vector<std::string> signals;
    if (profile != nullptr) signals = profile->original_link;
    signals.insert(signals.end(), std::begin(kGenericSignals), std::end(kGenericSignals));
    for (const std::string& xpath : signals) {
        for (xmlNode* node : page.select(xpath)) {
            const std::string href = node_text(node);
            if (!href.empty() && visit(href)) return;
        }
    }
}

// The scheme an href names ("javascript" in "JavaScript:go()"), lower-cased; empty for a
// relative reference.
std::string scheme_of(const std::string& href) {
    std::size_t end = 0;
    while (end < href.size() && (std::isalnum(static_cast<unsigned char>(href[end])) != 0 || href[end] == '+' ||
                                 href[end] == '-' || href[end] == '.'))
        ++end;
    if (end == 0 || end == href.size() || href[end] != ':' || std::isalpha(static_cast<unsigned char>(href[0])) == 0)
        return {};
    std::string scheme = href.substr(0, end);
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return scheme;
}

}  // namespace

std::optional<std::string> find_original_link(const HtmlDocument& page, const SiteProfile* profile,
                                              const std::string& page_url) {
    std::string base = page_url;
    if (const std::string base_href = page.select_text("//base/@href"); !base_href.empty()) {
        if (auto resolved = resolve_url(page_url, base_href)) base = *resolved;
    }
    std::optional<std::string> found;
    for_each_signalled_href(page, profile, [&](const std::string& href) {
        if (auto resolved = resolve_url(base, href); resolved && is_web_url(*resolved)) found = std::move(resolved);
        return found.has_value();
    });
    return found;
}

std::optional<std::string> find_refused_original_link(const HtmlDocument& page, const SiteProfile* profile) {
    std::optional<std::string> refused;
    for_each_signalled_href(page, profile, [&](const std::string& href) {
        const std::string scheme = scheme_of(href);
        if (!scheme.empty() && scheme != "http" && scheme != "https") refused = href;
        return refused.has_value();
    });
    return refused;
}

}  // namespace artalign
