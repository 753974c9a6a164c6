// Parsing robots.txt and matching paths against its rules, after RFC 9309: groups chosen by
// product token, longest match wins, Allow wins a tie, `*` and a final `$` in patterns.
#include "read/robots_rules.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace artalign {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool product_token_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool unreserved(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

// One spelling for equal paths (RFC 9309 §2.2.2): escapes of unreserved characters decoded,
// other escapes in upper case, bytes outside printable ASCII escaped. Rules and URLs both go
// through it, so "/%7euser", "/~user" and a Korean path written raw or escaped all compare equal.
std::string normalise_path(std::string_view text) {
    static const char* const digits = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (std::size_t k = 0; k < text.size(); ++k) {
        const auto byte = static_cast<unsigned char>(text[k]);
        if (byte == '%' && k + 2 < text.size() && hex_value(text[k + 1]) >= 0 && hex_value(text[k + 2]) >= 0) {
            const auto decoded = static_cast<unsigned char>(hex_value(text[k + 1]) * 16 + hex_value(text[k + 2]));
            if (unreserved(decoded)) {
                out.push_back(static_cast<char>(decoded));
            } else {
                out += {'%', digits[decoded >> 4], digits[decoded & 0xF]};
            }
            k += 2;
        } else if (byte <= 0x20 || byte >= 0x7F) {
            out += {'%', digits[byte >> 4], digits[byte & 0xF]};
        } else {
            out.push_back(static_cast<char>(byte));
        }
    }
    return out;
}

// Whether `pattern` matches the start of `path` (all of it with a final '$'); '*' matches any
// run. Greedy with backtracking to the last '*': O(pattern x path) at worst, no recursion.
bool pattern_matches(std::string_view pattern, std::string_view path) {
    const bool anchored = !pattern.empty() && pattern.back() == '$';
    if (anchored) pattern.remove_suffix(1);
    std::size_t p = 0;
    std::size_t s = 0;
    std::size_t star = std::string_view::npos;
    std::size_t star_s = 0;
    while (true) {
        if (p == pattern.size()) {
            if (!anchored || s == path.size()) return true;
        } else if (pattern[p] == '*') {
            star = p++;
            star_s = s;
            continue;
        } else if (s < path.size() && pattern[p] == path[s]) {
            ++p;
            ++s;
            continue;
        }
        if (star == std::string_view::npos || star_s >= path.size()) return false;
        p = star + 1;
        s = ++star_s;
    }
}

// "10", "0.5": seconds; nullopt for anything else. A day at most, so that milliseconds never overflow.
std::optional<std::chrono::milliseconds> parse_delay(std::string_view value) {
    double seconds = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (error != std::errc() || end != value.data() + value.size() || !std::isfinite(seconds) || seconds < 0)
        return std::nullopt;
    return std::chrono::milliseconds(static_cast<long long>(std::min(seconds, 86'400.0) * 1000.0));
}

// The rules of the groups for one kind of user agent (ours, or '*'), merged.
struct GroupRules {
    bool found = false;
    std::vector<std::pair<bool, std::string>> rules;  // allow?, pattern
    std::optional<std::chrono::milliseconds> crawl_delay;
};

}  // namespace

RobotsRules RobotsRules::allow_all() { return RobotsRules(); }

RobotsRules RobotsRules::disallow_all() {
    RobotsRules rules;
    rules.rules_.push_back(Rule{false, "/"});
    return rules;
}

RobotsRules RobotsRules::parse(std::string_view text, std::string_view product_token) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    GroupRules ours;
    GroupRules anyone;
    // The group being read: whom it is for, and whether its User-agent lines are over.
    bool for_us = false;
    bool for_anyone = false;
    bool in_group = false;
    bool reading_agents = false;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find_first_of("\r\n"), text.size());
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == text.size() ? end : end + 1);
        line = line.substr(0, line.find('#'));
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view field = trim(line.substr(0, colon));
        const std::string_view value = trim(line.substr(colon + 1));

        if (equal_ignoring_case(field, "user-agent")) {
            if (!reading_agents) for_us = for_anyone = false;  // a rule came before: a new group
            reading_agents = in_group = true;
            const std::size_t token_end = std::min(
                static_cast<std::size_t>(std::find_if_not(value.begin(), value.end(), product_token_char) - value.begin()),
                value.size());
            if (value == "*") for_anyone = true;
            else if (token_end > 0 && equal_ignoring_case(value.substr(0, token_end), product_token)) for_us = true;
            ours.found = ours.found || for_us;
            anyone.found = anyone.found || for_anyone;
            continue;
        }
        const bool allow = equal_ignoring_case(field, "allow");
        const bool disallow = equal_ignoring_case(field, "disallow");
        const bool delay = equal_ignoring_case(field, "crawl-delay");
        if (!allow && !disallow && !delay) continue;  // Sitemap and the like: not part of a group
        reading_agents = false;
        if (!in_group) continue;  // rules before any User-agent belong to nobody
        for (GroupRules* group : {for_us ? &ours : nullptr, for_anyone ? &anyone : nullptr}) {
            if (group == nullptr) continue;
            if (delay) {
                if (const auto parsed = parse_delay(value); parsed && !group->crawl_delay) group->crawl_delay = parsed;
            } else if (!value.empty()) {  // an empty Disallow disallows nothing
                group->rules.emplace_back(allow, normalise_path(value));
            }
        }
    }
    const GroupRules& chosen = ours.found ? ours : anyone;
    RobotsRules rules;
    for (const auto& [allow, pattern] : chosen.rules) rules.rules_.push_back(Rule{allow, pattern});
    rules.crawl_delay_ = chosen.crawl_delay;
    return rules;
}

bool RobotsRules::allows(std::string_view path) const {
    const std::string normalised = normalise_path(path);
    std::size_t longest = 0;
    bool allowed = true;
    bool matched = false;
    for (const Rule& rule : rules_) {
        if (matched && (rule.pattern.size() < longest || (rule.pattern.size() == longest && !rule.allow))) continue;
        if (!pattern_matches(rule.pattern, normalised)) continue;
        // Longer wins; on a tie Allow wins, so a later Allow of the same length replaces a Disallow.
        if (!matched || rule.pattern.size() > longest || rule.allow) allowed = rule.allow;
        longest = rule.pattern.size();
        matched = true;
    }
    return allowed;
}

std::string robots_product_token(std::string_view user_agent) {
    const auto end = std::find_if_not(user_agent.begin(), user_agent.end(), product_token_char);
    return std::string(user_agent.begin(), end);
}

}  // namespace artalign
