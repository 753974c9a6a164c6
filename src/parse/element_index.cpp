// Internal: the element index behind HtmlDocument::select's shortcut.
#include "parse/element_index.hpp"

#include <algorithm>
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

bool is_class_prefix(std::string_view value) {
    return value.size() > 1 && value.back() == '*' && value.find_first_of(" \t'*") == value.size() - 1;
}

}  // namespace

std::string expand_class_prefixes(const std::string& xpath) {
    static constexpr std::string_view kTest = "@class='";
    std::string out;
    std::size_t done = 0;
    for (std::size_t at = xpath.find(kTest); at != std::string::npos; at = xpath.find(kTest, at + 1)) {
        const std::size_t open = at + kTest.size();
        const std::size_t close = xpath.find('\'', open);
        if (close == std::string::npos) break;
        const std::string_view value = std::string_view(xpath).substr(open, close - open);
        if (!is_class_prefix(value)) continue;
        out.append(xpath, done, at - done);
        out += "contains(concat(' ', normalize-space(@class)), ' ";
        out += value.substr(0, value.size() - 1);
        out += "')";
        done = close + 1;
    }
    if (done == 0) return xpath;
    out.append(xpath, done, std::string::npos);
    return out;
}

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
        // A class prefix the index holds ("Name__*", see the constructor); other prefixes are
        // evaluated as the expression is.
        if (path.value.find('*') != std::string::npos &&
            (path.attribute != "class" || !is_class_prefix(path.value) || !path.value.ends_with("__*")))
            return std::nullopt;
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
                    const std::string_view text = value != nullptr ? reinterpret_cast<const char*>(value) : "";
                    elements_[key(tag, indexed, text)].push_back(node);
                    if (std::string_view(indexed) == "class") add_class_prefixes(tag, text, node);
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

void ElementIndex::add_class_prefixes(std::string_view tag, std::string_view classes, xmlNode* node) {
    std::size_t start = 0;
    while (start < classes.size()) {
        const std::size_t end = std::min(classes.find_first_of(" \t\r\n\f", start), classes.size());
        const std::string_view name = classes.substr(start, end - start);
        // Every "Name__" a class starts with (a hash may itself hold "__").
        for (std::size_t at = name.find("__"); at != std::string_view::npos; at = name.find("__", at + 1)) {
            std::vector<xmlNode*>& nodes = elements_[key(tag, "class", std::string(name.substr(0, at + 2)) + '*')];
            if (nodes.empty() || nodes.back() != node) nodes.push_back(node);
        }
        start = end + 1;
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
