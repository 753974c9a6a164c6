// Internal: an index of a parsed page's elements by tag and by tag plus one identifying
// attribute, so that the XPath expressions profiles are made of ("//div[@class='text']/p",
// "//link[@rel='canonical']/@href") start from the few elements they name instead of walking
// the whole tree once per expression.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace artalign::detail {

/// An XPath expression split into a leading step that the index answers and the rest,
/// evaluated from each element the step finds: "//div[@class='a']//p" is the step
/// (div, class, a) and the rest ".//p".
struct IndexedPath {
    std::string tag;
    std::string attribute;  ///< empty: the tag alone
    std::string value;
    std::string rest;  ///< a relative path ("./h3", ".//p"), or empty for the step alone
};

/// `xpath` with each class-prefix test `@class='Name__*'` (a value without spaces ending in
/// '*') made XPath 1.0: true when one of the element's classes starts with `Name__`, as
/// `contains(concat(' ', normalize-space(@class)), ' Name__')`. CSS modules name classes
/// `Component_local__hash` and the hash changes with every build; the prefix does not.
std::string expand_class_prefixes(const std::string& xpath);

/// The split of `xpath` when it starts with "//tag" or "//tag[@attr='value']" (attr one of
/// class, id, rel, property, name; a class value may be a prefix ending in "__*", see
/// expand_class_prefixes) followed by nothing or by '/'; nullopt otherwise, and the
/// caller evaluates the expression as it is.
std::optional<IndexedPath> split_indexed_path(const std::string& xpath);

class ElementIndex {
public:
    /// Walks the document once (iteratively: pages may nest deep).
    explicit ElementIndex(xmlDoc* doc);

    /// The elements, in document order, that the step (tag, attribute = value) selects; a
    /// class value "Name__*" selects elements one of whose classes starts with "Name__".
    const std::vector<xmlNode*>& find(const IndexedPath& step) const;

    /// True when no element of `nodes` lies inside another one: results evaluated from each
    /// are then already in document order when joined.
    static bool disjoint(const std::vector<xmlNode*>& nodes);

    /// The elements of `nodes` (in document order) that lie inside no other one, in order.
    static std::vector<xmlNode*> outermost(const std::vector<xmlNode*>& nodes);

private:
    // Indexes `node` under "Name__*" for each CSS-module prefix of its classes.
    void add_class_prefixes(std::string_view tag, std::string_view classes, xmlNode* node);

    std::unordered_map<std::string, std::vector<xmlNode*>> elements_;  // "tag\0attr\0value" or "tag"
};

}  // namespace artalign::detail
