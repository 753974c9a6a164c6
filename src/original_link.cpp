// Finding the link from a translated page to its original, from the strongest signal down.
#include "artalign/original_link.hpp"

#include <libxml/tree.h>

#include "artalign/html_document.hpp"
#include "artalign/site_profile.hpp"
#include "artalign/url.hpp"

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

}  // namespace

std::optional<std::string> find_original_link(const HtmlDocument& page, const SiteProfile* profile,
                                              const std::string& page_url) {
    std::string base = page_url;
    if (const std::string base_href = page.select_text("//base/@href"); !base_href.empty()) {
        if (auto resolved = resolve_url(page_url, base_href)) base = *resolved;
    }

    std::vector<std::string> signals;
    if (profile != nullptr) signals = profile->original_link;
    signals.insert(signals.end(), std::begin(kGenericSignals), std::end(kGenericSignals));

    for (const std::string& xpath : signals) {
        for (xmlNode* node : page.select(xpath)) {
            const std::string href = node_text(node);
            if (href.empty()) continue;
            const auto resolved = resolve_url(base, href);
            if (resolved && is_web_url(*resolved)) return resolved;
        }
    }
    return std::nullopt;
}

}  // namespace artalign
