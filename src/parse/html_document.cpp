// A parsed HTML page: libxml2's lenient HTML parser plus XPath helpers.
#include "parse/html_document.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "artalign/error.hpp"
#include "util/text.hpp"
#include "util/xml_library.hpp"
#include "parse/element_index.hpp"

namespace artalign {
namespace {

struct FreeXPathContext {
    void operator()(xmlXPathContext* context) const { xmlXPathFreeContext(context); }
};
struct FreeXPathObject {
    void operator()(xmlXPathObject* object) const { xmlXPathFreeObject(object); }
};
struct FreeXPathExpression {
    void operator()(xmlXPathCompExpr* expression) const { xmlXPathFreeCompExpr(expression); }
};

// While alive, libxml2's errors on this thread go to `message` (the first one, trimmed) instead
// of libxml2's generic handler, which prints several lines on stderr.
class CapturedXmlErrors {
public:
    CapturedXmlErrors() : previous_context_(xmlStructuredErrorContext), previous_(xmlStructuredError) {
        xmlSetStructuredErrorFunc(this, &CapturedXmlErrors::keep);
    }
    ~CapturedXmlErrors() { xmlSetStructuredErrorFunc(previous_context_, previous_); }
    CapturedXmlErrors(const CapturedXmlErrors&) = delete;
    CapturedXmlErrors& operator=(const CapturedXmlErrors&) = delete;

    const std::string& message() const { return message_; }

private:
    static void keep(void* self, xmlError* error) {
        auto& captured = *static_cast<CapturedXmlErrors*>(self);
        if (!captured.message_.empty() || error == nullptr || error->message == nullptr) return;
        captured.message_ = collapse_whitespace(error->message);
    }

    void* previous_context_;
    xmlStructuredErrorFunc previous_;
    std::string message_;
};

// `xpath` compiled silently; `error` gets libxml2's reason when it does not compile.
std::unique_ptr<xmlXPathCompExpr, FreeXPathExpression> compile_quietly(const std::string& xpath, std::string& error) {
    const CapturedXmlErrors captured;
    std::unique_ptr<xmlXPathCompExpr, FreeXPathExpression> expression(
        xmlXPathCompile(reinterpret_cast<const xmlChar*>(xpath.c_str())));
    if (!expression) error = captured.message().empty() ? "does not compile" : captured.message();
    return expression;
}

// The compiled form of `xpath`, compiled once a thread (a compiled expression keeps state
// while it is evaluated, so threads do not share them). Throws ParseError naming `source`.
xmlXPathCompExpr* compiled(const std::string& xpath, const std::string& source) {
    thread_local std::unordered_map<std::string, std::unique_ptr<xmlXPathCompExpr, FreeXPathExpression>> cache;
    auto found = cache.find(xpath);
    if (found == cache.end()) {
        std::string error;
        auto expression = compile_quietly(detail::expand_class_prefixes(xpath), error);
        if (!expression) throw ParseError(source, "invalid XPath expression (libxml2: " + error + "): " + xpath);
        found = cache.emplace(xpath, std::move(expression)).first;
    }
    return found->second.get();
}

bool is_invisible(const xmlNode* node) {
    if (node->type != XML_ELEMENT_NODE) return false;
    for (const char* hidden : {"script", "style", "noscript", "template"}) {
        if (xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(hidden)) == 0) return true;
    }
    return false;
}

void append_text(const xmlNode* node, std::string& out) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content != nullptr) out += reinterpret_cast<const char*>(node->content);
        return;
    }
    if (node->type == XML_ATTRIBUTE_NODE) {
        for (const xmlNode* child = node->children; child != nullptr; child = child->next) append_text(child, out);
        return;
    }
    if (node->type != XML_ELEMENT_NODE || is_invisible(node)) return;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        append_text(child, out);
        if (child->type == XML_ELEMENT_NODE && xmlStrcasecmp(child->name, reinterpret_cast<const xmlChar*>("br")) == 0)
            out.push_back('\n');
    }
}

}  // namespace

void HtmlDocument::FreeDoc::operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }

HtmlDocument::HtmlDocument(std::string_view html, const std::string& source, const char* encoding)
    : source_(source) {
    if (html.find_first_not_of(" \t\r\n") == std::string_view::npos) throw InputError(source, "the page is empty");
    if (html.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw InputError(source, "the page is too large to parse");
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS;
    prepare_xml_library();
    xmlResetLastError();
    doc_.reset(htmlReadMemory(html.data(), static_cast<int>(html.size()), source.c_str(), encoding, options));
    if (!doc_ || xmlDocGetRootElement(doc_.get()) == nullptr) throw InputError(source, "not an HTML page");
    // libxml2 halts (without XML_PARSE_HUGE, which we keep off: it bounds the recursion of
    // every walk over the tree) when elements nest deeper than xmlParserMaxDepth. The parser's
    // errors are silenced but still recorded as the thread's last error.
    const xmlError* last = xmlGetLastError();
    if (last != nullptr && last->code == XML_ERR_INTERNAL_ERROR && last->message != nullptr &&
        std::strstr(last->message, "depth") != nullptr)
        warnings_.push_back("the page nests elements more than " + std::to_string(xmlParserMaxDepth) +
                            " deep (libxml2's limit); the parser stopped there, so the rest of the page is missing");
}

namespace {

// Evaluates `xpath` from `context` (the document when null), appending the nodes found.
void evaluate(xmlDoc* doc, const std::string& xpath, xmlNode* context, const std::string& source,
              std::vector<xmlNode*>& nodes) {
    xmlXPathCompExpr* expression = compiled(xpath, source);
    std::unique_ptr<xmlXPathContext, FreeXPathContext> xpath_context(xmlXPathNewContext(doc));
    if (!xpath_context) throw ParseError(source, "out of memory evaluating XPath");
    if (context != nullptr) xpath_context->node = context;
    std::unique_ptr<xmlXPathObject, FreeXPathObject> result(xmlXPathCompiledEval(expression, xpath_context.get()));
    if (!result) throw ParseError(source, "cannot evaluate XPath expression: " + xpath);
    if (result->type == XPATH_NODESET && result->nodesetval != nullptr) {
        for (int i = 0; i < result->nodesetval->nodeNr; ++i) nodes.push_back(result->nodesetval->nodeTab[i]);
    }
}

struct FreeNodeSet {
    void operator()(xmlNodeSet* set) const { xmlXPathFreeNodeSet(set); }
};

// The union, in document order, of `relative_xpath` evaluated from each of `starts`, some of
// which lie inside others. libxml2 evaluating the whole expression merges the node sets of the
// starts by comparing each new node with all it holds, quadratic in the nodes found (16 KB of
// article blocks nested in unclosed <div>s took seconds); a hash set and one sort do not.
std::vector<xmlNode*> evaluate_from_nested(xmlDoc* doc, const std::string& relative_xpath,
                                           const std::vector<xmlNode*>& starts, const std::string& source) {
    std::vector<xmlNode*> found;
    for (xmlNode* start : starts) evaluate(doc, relative_xpath, start, source, found);
    std::unordered_set<const xmlNode*> seen;
    std::unique_ptr<xmlNodeSet, FreeNodeSet> set(xmlXPathNodeSetCreate(nullptr));
    if (!set) throw ParseError(source, "out of memory evaluating XPath");
    for (xmlNode* node : found) {
        // A namespace node would be copied into the set and freed with it (HTML pages have none).
        if (node->type == XML_NAMESPACE_DECL) continue;
        if (seen.insert(node).second && xmlXPathNodeSetAddUnique(set.get(), node) != 0)
            throw ParseError(source, "out of memory evaluating XPath");
    }
    xmlXPathNodeSetSort(set.get());
    return std::vector<xmlNode*>(set->nodeTab, set->nodeTab + set->nodeNr);
}

}  // namespace

std::vector<xmlNode*> HtmlDocument::select(const std::string& xpath, xmlNode* context) const {
    std::vector<xmlNode*> nodes;
    if (context != nullptr) {
        evaluate(doc_.get(), xpath, context, source_, nodes);
        return nodes;
    }
    if (const auto kept = selected_.find(xpath); kept != selected_.end()) return kept->second;
    const std::optional<detail::IndexedPath> path = detail::split_indexed_path(xpath);
    if (path) {
        if (!index_) index_ = std::make_shared<const detail::ElementIndex>(doc_.get());
        const std::vector<xmlNode*>& starts = index_->find(*path);
        if (path->rest.empty()) {
            nodes = starts;
        } else {
            compiled(xpath, source_);  // an invalid expression fails here as it would as a whole
            if (detail::ElementIndex::disjoint(starts)) {
                // The rest of the path from each start, joined: document order, no duplicates.
                for (xmlNode* start : starts) evaluate(doc_.get(), path->rest, start, source_, nodes);
            } else if (path->rest.compare(0, 3, ".//") == 0) {
                // What ".//..." finds from a start inside another start it also finds from that
                // outer one: the outermost starts, disjoint, find it all.
                for (xmlNode* start : detail::ElementIndex::outermost(starts))
                    evaluate(doc_.get(), path->rest, start, source_, nodes);
            } else {
                nodes = evaluate_from_nested(doc_.get(), path->rest, starts, source_);
            }
        }
    } else {
        evaluate(doc_.get(), xpath, nullptr, source_, nodes);
    }
    selected_.emplace(xpath, nodes);
    return nodes;
}

bool HtmlDocument::any(const std::string& xpath) const {
    if (const auto kept = selected_.find(xpath); kept != selected_.end()) return !kept->second.empty();
    if (detail::split_indexed_path(xpath)) return !select(xpath).empty();
    xmlXPathCompExpr* expression = compiled(xpath, source_);
    std::unique_ptr<xmlXPathContext, FreeXPathContext> xpath_context(xmlXPathNewContext(doc_.get()));
    if (!xpath_context) throw ParseError(source_, "out of memory evaluating XPath");
    const int found = xmlXPathCompiledEvalToBoolean(expression, xpath_context.get());
    if (found < 0) throw ParseError(source_, "cannot evaluate XPath expression: " + xpath);
    return found == 1;
}

std::string HtmlDocument::select_text(const std::string& xpath, xmlNode* context) const {
    const auto nodes = select(xpath, context);
    return nodes.empty() ? std::string() : node_text(nodes.front());
}

std::string xpath_syntax_error(const std::string& xpath) {
    std::string error;
    (void)compile_quietly(detail::expand_class_prefixes(xpath), error);  // as compiled() compiles it
    return error;
}

std::string node_attribute(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (value == nullptr) return {};
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

std::string node_text(const xmlNode* node) {
    std::string raw;
    append_text(node, raw);
    return normalize_nfc(collapse_whitespace(raw));
}

}  // namespace artalign
