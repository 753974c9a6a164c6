// Internal: the element index behind HtmlDocument::select's shortcut.
#include "detail/element_index.hpp"

#include <array>
#include <unordered_set>

namespace artalign::detail {
namespace {

constexpr std::array<const char*, 5> kIndexedAttributes = {"class", "id", "rel", "property", "name"};

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string key(std::string_view tag, std::string_view attribute, std::string_view value) {
    std::string out(tag);
    if (!attribute.empty()) {
        out.push_back('\0');
        out += attribute;
        out.push_back('\0');
        out += value;
    }
    return out;
}

// True when `rest` is one relative location path: outside brackets and quotes only steps
// ("/h3", "//p", "/@href", "/a[last()]", "/text()"), never a union or an operator, which
// would apply to the whole expression rather than to each start.
bool is_plain_path(std::string_view rest) {
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        const char c = rest[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '[') {
            ++depth;
        } else if (c == ']') {
            if (--depth < 0) return false;
        } else if (depth == 0) {
            const bool star_step = c == '*' && i > 0 && (rest[i - 1] == '/' || rest[i - 1] == '@' || rest[i - 1] == ':');
            if (!is_name_char(c) && c != '/' && c != '.' && c != '@' && c != ':' && c != '(' && c != ')' && !star_step)
                return false;
        }
    }
    return depth == 0 && quote == 0;
}

}  // namespace

std::optional<IndexedPath> split_indexed_path(const std::string& xpath) {
    if (xpath.size() < 3 || xpath.compare(0, 2, "//") != 0) return std::nullopt;
    std::size_t i = 2;
    while (i < xpath.size() && is_name_char(xpath[i])) ++i;
    IndexedPath path;
    path.tag = xpath.substr(2, i - 2);
    if (path.tag.empty()) return std::nullopt;
    if (i < xpath.size() && xpath[i] == '[') {
        // Exactly [@attr='value'], nothing more inside the brackets.
        if (xpath.compare(i, 2, "[@") != 0) return std::nullopt;
        std::size_t j = i + 2;
        while (j < xpath.size() && is_name_char(xpath[j])) ++j;
        path.attribute = xpath.substr(i + 2, j - i - 2);
        bool known = false;
        for (const char* attribute : kIndexedAttributes) known = known || path.attribute == attribute;
        if (!known || xpath.compare(j, 2, "='") != 0) return std::nullopt;
        const std::size_t close = xpath.find('\'', j + 2);
        if (close == std::string::npos || xpath.compare(close, 2, "']") != 0) return std::nullopt;
        path.value = xpath.substr(j + 2, close - j - 2);
        i = close + 2;
    }
    if (i < xpath.size()) {
        // A second predicate, "|", an operator: evaluate the expression as it is.
        if (xpath[i] != '/' || !is_plain_path(std::string_view(xpath).substr(i))) return std::nullopt;
        path.rest = '.' + xpath.substr(i);
    }
    return path;
}

ElementIndex::ElementIndex(xmlDoc* doc) {
    xmlNode* node = xmlDocGetRootElement(doc);
    // Pre-order walk without recursion: first child, else next sibling, else the nearest
    // ancestor's next sibling.
    while (node != nullptr) {
        if (node->type == XML_ELEMENT_NODE && node->name != nullptr) {
            const std::string_view tag = reinterpret_cast<const char*>(node->name);
            elements_[std::string(tag)].push_back(node);
            for (const xmlAttr* attribute = node->properties; attribute != nullptr; attribute = attribute->next) {
                for (const char* indexed : kIndexedAttributes) {
                    if (xmlStrEqual(attribute->name, reinterpret_cast<const xmlChar*>(indexed)) == 0) continue;
                    // An attribute's value is its text children (libxml2 keeps entities resolved).
                    xmlChar* value = xmlNodeListGetString(doc, attribute->children, 1);
                    elements_[key(tag, indexed, value != nullptr ? reinterpret_cast<const char*>(value) : "")].push_back(node);
                    xmlFree(value);
                }
            }
        }
        if (node->children != nullptr && node->type == XML_ELEMENT_NODE) {
            node = node->children;
            continue;
        }
        while (node != nullptr && node->next == nullptr) node = node->parent;
        if (node != nullptr) node = node->next;
    }
}

const std::vector<xmlNode*>& ElementIndex::find(const IndexedPath& step) const {
    static const std::vector<xmlNode*> kNone;
    const auto found = elements_.find(key(step.tag, step.attribute, step.value));
    return found == elements_.end() ? kNone : found->second;
}

bool ElementIndex::disjoint(const std::vector<xmlNode*>& nodes) {
    if (nodes.size() < 2) return true;
    const std::unordered_set<const xmlNode*> members(nodes.begin(), nodes.end());
    for (const xmlNode* node : nodes) {
        for (const xmlNode* up = node->parent; up != nullptr; up = up->parent) {
            if (members.count(up) != 0) return false;
        }
    }
    return true;
}

std::vector<xmlNode*> ElementIndex::outermost(const std::vector<xmlNode*>& nodes) {
    const std::unordered_set<const xmlNode*> members(nodes.begin(), nodes.end());
    std::vector<xmlNode*> out;
    for (xmlNode* node : nodes) {
        bool inside = false;
        for (const xmlNode* up = node->parent; up != nullptr && !inside; up = up->parent) inside = members.count(up) != 0;
        if (!inside) out.push_back(node);
    }
    return out;
}

}  // namespace artalign::detail
