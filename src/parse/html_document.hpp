// A parsed HTML page (libxml2's HTML parser) with the XPath queries extraction needs.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

using xmlDoc = struct _xmlDoc;
using xmlNode = struct _xmlNode;

namespace artalign {
namespace detail {
class ElementIndex;
}

/// Owns a libxml2 HTML document. Parsing is lenient, as browsers are, and never touches
/// the network; charset comes from the page's <meta> when `encoding` is empty.
class HtmlDocument {
public:
    /// Parses `html`. `source` (a path or URL) is only used in error messages.
    /// Throws InputError when the bytes are empty or hold no HTML element at all.
    HtmlDocument(std::string_view html, const std::string& source, const char* encoding = nullptr);

    const std::string& source() const { return source_; }

    /// What the parser had to give up on, e.g. "the page nests elements more than 256 deep
    /// (libxml2's limit); the parser stopped there, so the rest of the page is missing".
    const std::vector<std::string>& warnings() const { return warnings_; }
    xmlDoc* get() const { return doc_.get(); }

    /// Nodes matching an XPath 1.0 expression, optionally relative to `context`.
    /// Throws ParseError for an invalid expression. Expressions are compiled once a thread,
    /// and whole-document results are kept (the tree is never changed), because profiles ask
    /// the same `//` questions several times a page. Not for concurrent use.
    std::vector<xmlNode*> select(const std::string& xpath, xmlNode* context = nullptr) const;

    /// True when the expression finds a node in the document; libxml2 stops at the first
    /// one where it can. Throws ParseError for an invalid expression.
    bool any(const std::string& xpath) const;

    /// Text content of the first match (attribute value for an attribute node), whitespace
    /// collapsed; empty when nothing matches.
    std::string select_text(const std::string& xpath, xmlNode* context = nullptr) const;

private:
    struct FreeDoc {
        void operator()(xmlDoc* doc) const;
    };
    std::unique_ptr<xmlDoc, FreeDoc> doc_;
    std::string source_;
    std::vector<std::string> warnings_;
    mutable std::unordered_map<std::string, std::vector<xmlNode*>> selected_;  // whole-document results
    mutable std::shared_ptr<const detail::ElementIndex> index_;  // built on the first select that can use it
};

/// The value of `node`'s attribute `name`, empty when it has none.
std::string node_attribute(const xmlNode* node, const char* name);

/// Concatenated text of a node and its descendants, whitespace collapsed and trimmed, NFC.
std::string node_text(const xmlNode* node);

/// Why `xpath` is not an XPath 1.0 expression, in libxml2's words ("Invalid predicate"), or
/// empty when it compiles. Prints nothing: libxml2's own error output is silenced.
std::string xpath_syntax_error(const std::string& xpath);

}  // namespace artalign
