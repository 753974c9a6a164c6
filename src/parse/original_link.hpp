// Finding the link from a translated page to the original it was translated from.
#pragma once

#include <optional>
#include <string>

namespace artalign {

class HtmlDocument;
struct SiteProfile;

/// The signals find_original_link looks for, in order, for error messages.
extern const char* const kOriginalLinkSignals;

/// The absolute http(s) URL of the original: first the profile's original_link XPaths, then
/// <link rel="alternate" hreflang="ko">, then anchors whose text or image alt reads "원문",
/// "Korean original" or "Read in Korean". Relative links resolve against <base href> or
/// `page_url`. Links to other schemes are ignored. nullopt when no signal is present.
std::optional<std::string> find_original_link(const HtmlDocument& page, const SiteProfile* profile,
                                              const std::string& page_url);

/// The first link a signal gives that find_original_link passes over for its scheme
/// (file:, javascript:, data:, ftp:, mailto: or any other but http and https), as the page
/// writes it; nullopt when there is none. Says why no link to the original was found.
std::optional<std::string> find_refused_original_link(const HtmlDocument& page, const SiteProfile* profile);

}  // namespace artalign
