// A parsed HTML page: libxml2's lenient HTML parser plus XPath helpers.
#include "artalign/html_document.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xpath.h>

#include <cstring>
#include <limits>

#include "artalign/error.hpp"
#include "artalign/text.hpp"

namespace artalign {
namespace {

struct FreeXPathContext {
    void operator()(xmlXPathContext* context) const { xmlXPathFreeContext(context); }
};
struct FreeXPathObject {
    void operator()(xmlXPathObject* object) const { xmlXPathFreeObject(object); }
};

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

std::vector<xmlNode*> HtmlDocument::select(const std::string& xpath, xmlNode* context) const {
    std::unique_ptr<xmlXPathContext, FreeXPathContext> xpath_context(xmlXPathNewContext(doc_.get()));
    if (!xpath_context) throw ParseError(source_, "out of memory evaluating XPath");
    if (context != nullptr) xpath_context->node = context;
    std::unique_ptr<xmlXPathObject, FreeXPathObject> result(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), xpath_context.get()));
    if (!result) throw ParseError(source_, "invalid XPath expression: " + xpath);
    std::vector<xmlNode*> nodes;
    if (result->type == XPATH_NODESET && result->nodesetval != nullptr) {
        for (int i = 0; i < result->nodesetval->nodeNr; ++i) nodes.push_back(result->nodesetval->nodeTab[i]);
    }
    return nodes;
}

std::string HtmlDocument::select_text(const std::string& xpath, xmlNode* context) const {
    const auto nodes = select(xpath, context);
    return nodes.empty() ? std::string() : node_text(nodes.front());
}

std::string node_text(const xmlNode* node) {
    std::string raw;
    append_text(node, raw);
    return normalize_nfc(collapse_whitespace(raw));
}

}  // namespace artalign
