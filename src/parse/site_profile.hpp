// Site profiles: declarative descriptions of where a site's layout keeps each article field.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace artalign {

class HtmlDocument;

/// One layout of one site, loaded from a `.profile` file (key = value lines, '#' comments).
/// XPath values locate fields; *_pattern and *_paragraph values are ICU regular expressions.
struct SiteProfile {
    std::string name;
    std::string language;
    std::vector<std::string> hosts;
    std::vector<std::string> match;      ///< XPaths that must all match for the profile to apply
    std::string title, subtitle, section, dates, body;
    std::string published_pattern, modified_pattern, utc_offset;
    std::vector<std::string> caption;    ///< XPaths of captions: dropped, with their repeats
    std::vector<std::string> drop;       ///< XPaths of other nodes to leave out of the body
    std::vector<std::string> byline_paragraph;  ///< body paragraphs that are the byline
    std::vector<std::string> drop_paragraph;    ///< body paragraphs that are boilerplate
    std::vector<std::string> original_link;     ///< XPaths yielding the original's URL

    /// Parses a profile file. Throws DataError naming the file and line on a bad line,
    /// an unknown key or a missing name, language or body.
    static SiteProfile load(const std::filesystem::path& file);

    /// True when the document's layout is this profile's: every `match` XPath finds a node.
    bool matches(const HtmlDocument& page) const;
};

/// The profiles artalign knows, in a fixed order (file name order).
class ProfileRegistry {
public:
    /// Loads every *.profile file of `directory`. Throws DataError when it has none.
    static ProfileRegistry load_directory(const std::filesystem::path& directory);

    /// Loads every *.profile file of each directory, in the order given (file name order
    /// within one), so that earlier directories take precedence. Throws DataError when a
    /// directory cannot be listed or none of them holds a profile.
    static ProfileRegistry load_directories(const std::vector<std::filesystem::path>& directories);

    /// The first profile whose host list contains `host` and whose layout matches the page,
    /// then the first whose layout matches regardless of host; nullptr when none does.
    const SiteProfile* find(const HtmlDocument& page, const std::string& host) const;

    const std::vector<SiteProfile>& profiles() const { return profiles_; }

private:
    std::vector<SiteProfile> profiles_;
};

}  // namespace artalign
