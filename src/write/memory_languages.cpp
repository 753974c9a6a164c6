// The memory's source and target language codes from --srclang and --tgtlang.
#include "write/memory_languages.hpp"

#include <fmt/format.h>

namespace artalign {

bool plausible_language_tag(const std::string& tag) {
    std::size_t start = 0;
    for (bool first = true;; first = false) {
        const std::size_t dash = tag.find('-', start);
        const std::string part = tag.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
        const std::size_t shortest = first ? 2 : 1;
        if (part.size() < shortest || part.size() > 8) return false;
        for (const char c : part) {
            const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            const bool digit = c >= '0' && c <= '9';
            if (!letter && !(digit && !first)) return false;
        }
        if (dash == std::string::npos) return true;
        start = dash + 1;
    }
}

std::string primary_subtag(const std::string& tag) {
    std::string primary = tag.substr(0, tag.find('-'));
    for (char& c : primary) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return primary;
}

MemoryLanguages choose_memory_languages(const LanguageRequest& request, const std::string& original,
                                        const std::string& translation) {
    MemoryLanguages languages;
    languages.source = original;
    if (request.source) {
        const std::string primary = primary_subtag(*request.source);
        if (primary == primary_subtag(translation) && primary != primary_subtag(original)) {
            languages.reversed = true;
        } else if (primary != primary_subtag(original)) {
            throw std::invalid_argument(fmt::format("--srclang {} is neither the original's language ({}) nor the translation's ({})",
                                                    *request.source, original, translation));
        }
        languages.source = *request.source;
    }
    const std::string& other = languages.reversed ? original : translation;
    languages.target = request.target.value_or(other);
    if (primary_subtag(languages.target) != primary_subtag(other))
        throw std::invalid_argument(fmt::format("--tgtlang {} does not name the memory's target language ({})",
                                                languages.target, other));
    return languages;
}

}  // namespace artalign
