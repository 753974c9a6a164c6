// Internal: the TMX rules a DTD cannot express (TMX 1.4b specification, sections 3 and 4).
#include "write/tmx_checks.hpp"

#include <fmt/format.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

#include "write/tmx_reading.hpp"

namespace artalign::detail {
namespace {

const xmlChar* x(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

bool named(xmlNode* node, const char* name) {
    return node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, x(name));
}

// An attribute without namespace, or in the xml: namespace with `in_xml_namespace`.
std::optional<std::string> attribute(xmlNode* node, const char* name, bool in_xml_namespace = false) {
    xmlChar* value = in_xml_namespace ? xmlGetNsProp(node, x(name), XML_XML_NAMESPACE) : xmlGetNoNsProp(node, x(name));
    if (value == nullptr) return std::nullopt;
    std::string text = reinterpret_cast<const char*>(value);
    xmlFree(value);
    return text;
}

bool is_number(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int digits(std::string_view text, std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t k = from; k < from + count; ++k) value = value * 10 + (text[k] - '0');
    return value;
}

void add(std::vector<TmxProblem>& problems, xmlNode* node, std::string message) {
    problems.push_back({xmlGetLineNo(node), std::move(message)});
}

void check_dates(xmlNode* node, std::vector<TmxProblem>& problems) {
    for (const char* name : {"creationdate", "changedate", "lastusagedate"}) {
        if (const auto date = attribute(node, name); date && !is_tmx_date(*date))
            add(problems, node,
                fmt::format("<{} {}=\"{}\">: not a TMX date (YYYYMMDDThhmmssZ, e.g. 20240131T235900Z)",
                            reinterpret_cast<const char*>(node->name), name, *date));
    }
}

// xml:lang of <note>, <prop> and <tuv>; lang (TMX 1.1-1.2, deprecated since) too.
void check_language_attributes(xmlNode* node, std::vector<TmxProblem>& problems) {
    for (const auto& [name, in_xml] : {std::pair{"lang", true}, std::pair{"lang", false}}) {
        if (const auto tag = attribute(node, name, in_xml); tag && !is_language_tag(*tag))
            add(problems, node,
                fmt::format("<{} {}{}=\"{}\">: not a BCP 47 language tag (such as en, ko-KR, zh-Hant)",
                            reinterpret_cast<const char*>(node->name), in_xml ? "xml:" : "", name, *tag));
    }
}

void check_notes_and_props(xmlNode* parent, std::vector<TmxProblem>& problems) {
    for (xmlNode* child = parent->children; child != nullptr; child = child->next) {
        if (named(child, "note") || named(child, "prop")) check_language_attributes(child, problems);
    }
}

// The inline codes of one <seg> or <sub>: <bpt> i numbers unique, each closed by one <ept>
// after it, each <ept> closing one <bpt>; i and x are numbers; no x used twice.
class InlineScope {
public:
    InlineScope(int minor_version, std::vector<TmxProblem>& problems) : minor_(minor_version), problems_(problems) {}

    void walk(xmlNode* container) {
        for (xmlNode* child = container->children; child != nullptr; child = child->next) {
            if (child->type != XML_ELEMENT_NODE) continue;
            const std::string name = reinterpret_cast<const char*>(child->name);
            if (name == "bpt") {
                const std::string i = number(child, "i").value_or("");
                if (!i.empty() && !opened_.insert(i).second) {
                    add(problems_, child, fmt::format("<bpt i=\"{}\">: a second <bpt> with this i in one <seg>", i));
                } else if (!i.empty()) {
                    open_.emplace_back(i, child);
                }
            } else if (name == "ept") {
                const std::string i = number(child, "i").value_or("");
                const auto match = std::find_if(open_.begin(), open_.end(), [&](const auto& bpt) { return bpt.first == i; });
                if (!i.empty() && match == open_.end()) {
                    add(problems_, child, fmt::format("<ept i=\"{}\">: no <bpt i=\"{}\"> before it in its <seg>", i, i));
                } else if (!i.empty()) {
                    open_.erase(match);
                }
            } else if (name == "hi" && minor_ < 2) {
                add(problems_, child, "<hi>: TMX 1.2 introduced <hi>; this memory says it is TMX 1.1");
            }
            if (name != "ept") check_x(child);
            if (name == "hi") {
                walk(child);  // <hi> holds codes of the same segment
            } else {
                for (xmlNode* sub = child->children; sub != nullptr; sub = sub->next) {
                    if (!named(sub, "sub")) continue;
                    InlineScope inner(minor_, problems_);  // a <sub> is a segment of its own
                    inner.walk(sub);
                    inner.finish();
                }
            }
        }
    }

    void finish() {
        for (const auto& [i, bpt] : open_)
            add(problems_, bpt, fmt::format("<bpt i=\"{}\">: no <ept i=\"{}\"> after it in its <seg>", i, i));
        open_.clear();
    }

private:
    std::optional<std::string> number(xmlNode* node, const char* name) {
        auto value = attribute(node, name);
        if (value && !is_number(*value)) {
            add(problems_, node,
                fmt::format("<{} {}=\"{}\">: {} must be a number", reinterpret_cast<const char*>(node->name), name, *value, name));
            return std::nullopt;
        }
        return value;
    }

    void check_x(xmlNode* node) {
        const auto value = number(node, "x");
        if (value && !x_values_.insert(*value).second)
            add(problems_, node,
                fmt::format("<{} x=\"{}\">: a second inline code with this x in one <seg>",
                            reinterpret_cast<const char*>(node->name), *value));
    }

    int minor_;
    std::vector<TmxProblem>& problems_;
    std::set<std::string> opened_;
    std::set<std::string> x_values_;
    std::vector<std::pair<std::string, xmlNode*>> open_;
};

}  // namespace

int tmx_minor_version(std::string_view version) {
    for (const int minor : {1, 2, 3, 4}) {
        if (version == fmt::format("1.{}", minor)) return minor;
    }
    return 0;
}

bool is_language_tag(std::string_view tag) {
    if (tag.empty() || tag.size() > 128) return false;
    const bool plain = std::all_of(tag.begin(), tag.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!plain) return false;
    const std::string text(tag);
    char locale[ULOC_FULLNAME_CAPACITY * 2];
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(text.c_str(), locale, static_cast<int32_t>(sizeof locale), &parsed, &status);
    return U_SUCCESS(status) && parsed == static_cast<int32_t>(text.size());
}

bool is_tmx_date(std::string_view date) {
    if (date.size() != 16 || date[8] != 'T' || date[15] != 'Z') return false;
    for (std::size_t k = 0; k < 15; ++k) {
        if (k != 8 && (date[k] < '0' || date[k] > '9')) return false;
    }
    const int year = digits(date, 0, 4);
    const int month = digits(date, 4, 2);
    const int day = digits(date, 6, 2);
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1] + (month == 2 && leap ? 1 : 0)) return false;
    return digits(date, 9, 2) < 24 && digits(date, 11, 2) < 60 && digits(date, 13, 2) <= 60;  // 60: a leap second
}

std::vector<std::string> tmx_check_names(int minor_version) {
    return {"well-formed XML",
            "no entity declarations",
            fmt::format("TMX {} DTD", minor_version >= 4 ? "1.4b" : fmt::format("1.{}", minor_version)),
            "language tags (BCP 47)",
            "dates (YYYYMMDDThhmmssZ)",
            "inline codes (bpt/ept i paired and unique, i and x numbers, x unique)",
            "srclang (with <tu srclang> overrides)"};
}

void check_header(xmlNode* header, std::vector<TmxProblem>& problems) {
    check_dates(header, problems);
    for (const char* name : {"srclang", "adminlang"}) {
        const auto tag = attribute(header, name);
        if (tag && !is_language_tag(*tag) && !(*tag == "*all*" && std::string_view(name) == "srclang"))
            add(problems, header,
                fmt::format("<header {}=\"{}\">: not a BCP 47 language tag (such as en, ko-KR{})", name, *tag,
                            std::string_view(name) == "srclang" ? ", or *all*" : ""));
    }
    check_notes_and_props(header, problems);
}

void check_unit(xmlNode* tu, const std::string& header_srclang, int minor_version, std::vector<TmxProblem>& problems) {
    check_dates(tu, problems);
    const auto own_srclang = attribute(tu, "srclang");
    if (own_srclang && *own_srclang != "*all*" && !is_language_tag(*own_srclang))
        add(problems, tu, fmt::format("<tu srclang=\"{}\">: not a BCP 47 language tag (such as en, ko-KR, or *all*)", *own_srclang));
    check_notes_and_props(tu, problems);
    const std::string srclang = own_srclang.value_or(header_srclang);
    bool has_source = srclang.empty() || srclang == "*all*";
    for_each_child(tu, "tuv", [&](xmlNode* tuv) {
        check_dates(tuv, problems);
        check_language_attributes(tuv, problems);
        check_notes_and_props(tuv, problems);
        const std::string language = tuv_language(tuv);
        if (language.empty() && minor_version < 3)
            add(problems, tuv, "<tuv> has no lang attribute (TMX 1.1 and 1.2 name the language with lang=\"...\")");
        // The DTD requires xml:lang from TMX 1.3 on; libxml2 only warns when a lang stands in for it.
        if (minor_version >= 3 && !attribute(tuv, "lang", true) && attribute(tuv, "lang"))
            add(problems, tuv, fmt::format("<tuv lang=\"{}\"> has no xml:lang, which TMX 1.{} requires (lang is TMX 1.1 and 1.2's)",
                                           *attribute(tuv, "lang"), minor_version));
        has_source = has_source || same_language(language, srclang);
        for_each_child(tuv, "seg", [&](xmlNode* seg) {
            InlineScope scope(minor_version, problems);
            scope.walk(seg);
            scope.finish();
        });
    });
    if (!has_source) {
        const auto tuid = attribute(tu, "tuid");
        add(problems, tu,
            fmt::format("<tu{}> has no <tuv> in its srclang '{}' ({})", tuid ? " tuid=\"" + *tuid + "\"" : "", srclang,
                        own_srclang ? "its own srclang attribute" : "the header's"));
    }
}

}  // namespace artalign::detail
