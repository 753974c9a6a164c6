// Article extraction: from a parsed news page to the Article model, guided by a site profile.
#pragma once

#include <string>

#include "artalign/types.hpp"

namespace artalign {

class HtmlDocument;
struct SiteProfile;

/// The page's own address: its <link rel="canonical"> or og:url when absolute, else `fallback`.
std::string page_url(const HtmlDocument& page, const std::string& fallback);

/// Extracts title, subtitle, section, dates, byline and body paragraphs as the profile says.
/// Drops scripts, styles, forms, the profile's captions (and paragraphs repeating a caption),
/// byline and boilerplate paragraphs. `url` becomes Article::url.
/// Throws ParseError naming the page when the profile's body holds no text.
Article extract_article(const HtmlDocument& page, const SiteProfile& profile, const std::string& url);

}  // namespace artalign
