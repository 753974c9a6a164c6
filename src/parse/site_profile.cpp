// Site profiles: loading the declarative .profile files and choosing one for a page.
#include "parse/site_profile.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "artalign/error.hpp"
#include "parse/html_document.hpp"
#include "util/key_value_file.hpp"
#include "util/text.hpp"
#include "util/regex.hpp"

namespace artalign {

SiteProfile SiteProfile::load(const std::filesystem::path& file) {
    SiteProfile profile;
    // Keys that take one value, and keys that may repeat.
    const std::map<std::string, std::string SiteProfile::*> single = {
        {"name", &SiteProfile::name},         {"language", &SiteProfile::language},
        {"title", &SiteProfile::title},       {"subtitle", &SiteProfile::subtitle},
        {"section", &SiteProfile::section},   {"dates", &SiteProfile::dates},
        {"body", &SiteProfile::body},         {"published_pattern", &SiteProfile::published_pattern},
        {"modified_pattern", &SiteProfile::modified_pattern}, {"utc_offset", &SiteProfile::utc_offset},
    };
    const std::map<std::string, std::vector<std::string> SiteProfile::*> repeated = {
        {"host", &SiteProfile::hosts},
        {"match", &SiteProfile::match},
        {"caption", &SiteProfile::caption},
        {"drop", &SiteProfile::drop},
        {"byline_paragraph", &SiteProfile::byline_paragraph},
        {"drop_paragraph", &SiteProfile::drop_paragraph},
        {"original_link", &SiteProfile::original_link},
    };

    // Checked as they are read, so that a mistake is reported against its line, once, rather
    // than against whichever page first meets it.
    const std::set<std::string> regular_expressions = {"published_pattern", "modified_pattern", "byline_paragraph",
                                                       "drop_paragraph"};
    const std::set<std::string> not_xpath = {"name", "language", "host", "utc_offset"};

    for (const auto& [key, value, where] : read_key_value_file(file, "site profile")) {
        if (regular_expressions.count(key) != 0) {
            if (const std::string error = detail::regex_syntax_error(value, 0); !error.empty())
                throw DataError(where, "invalid regular expression for '" + key + "' (ICU: " + error + "): " + value);
        } else if (not_xpath.count(key) == 0 && (single.count(key) != 0 || repeated.count(key) != 0)) {
            if (const std::string error = xpath_syntax_error(value); !error.empty())
                throw DataError(where, "invalid XPath expression for '" + key + "' (libxml2: " + error + "): " + value);
        }
        if (const auto found = single.find(key); found != single.end()) {
            profile.*(found->second) = value;
        } else if (const auto list = repeated.find(key); list != repeated.end()) {
            (profile.*(list->second)).push_back(value);
        } else {
            throw DataError(where, "unknown key '" + key + "'");
        }
    }
    for (const auto& [key, member] : {std::pair{"name", &SiteProfile::name},
                                      std::pair{"language", &SiteProfile::language},
                                      std::pair{"body", &SiteProfile::body}}) {
        if ((profile.*member).empty()) throw DataError(file.string(), std::string("profile has no '") + key + "'");
    }
    return profile;
}

bool SiteProfile::matches(const HtmlDocument& page) const {
    const std::vector<std::string>& required = match.empty() ? std::vector<std::string>{body} : match;
    return std::all_of(required.begin(), required.end(),
                       [&](const std::string& xpath) { return page.any(xpath); });
}

ProfileRegistry ProfileRegistry::load_directory(const std::filesystem::path& directory) {
    return load_directories({directory});
}

ProfileRegistry ProfileRegistry::load_directories(const std::vector<std::filesystem::path>& directories) {
    ProfileRegistry registry;
    for (const auto& directory : directories) {
        std::vector<std::filesystem::path> files;
        std::error_code error;
        if (!std::filesystem::is_directory(directory, error))
            throw DataError(directory.string(), "is not a directory of site profiles");
        for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
            if (entry.path().extension() == ".profile") files.push_back(entry.path());
        }
        if (error) throw DataError(directory.string(), "cannot list site profiles: " + error.message());
        std::sort(files.begin(), files.end());
        for (const auto& file : files) registry.profiles_.push_back(SiteProfile::load(file));
    }
    if (registry.profiles_.empty())
        throw DataError(directories.empty() ? std::string() : directories.back().string(),
                        "no site profiles (*.profile) found");
    return registry;
}

const SiteProfile* ProfileRegistry::find(const HtmlDocument& page, const std::string& host) const {
    for (const SiteProfile& profile : profiles_) {
        const bool host_listed = std::find(profile.hosts.begin(), profile.hosts.end(), host) != profile.hosts.end();
        if (host_listed && profile.matches(page)) return &profile;
    }
    for (const SiteProfile& profile : profiles_) {
        if (profile.matches(page)) return &profile;
    }
    return nullptr;
}

}  // namespace artalign
