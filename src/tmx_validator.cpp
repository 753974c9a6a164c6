// Safe reading and validation of TMX files with libxml2: entities refused, nothing fetched,
// DTD validation against artalign's own copy of the TMX 1.4b DTD, and the srclang rule.
#include "artalign/tmx_validator.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/valid.h>
#include <libxml/xmlerror.h>
#include <fmt/format.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>
#include <iterator>

#include "artalign/error.hpp"
#include "tmx_reading.hpp"

namespace artalign {
namespace detail {
namespace {

const xmlChar* x(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

std::string xml_string(const xmlChar* text) { return text == nullptr ? std::string() : reinterpret_cast<const char*>(text); }

// An attribute's value ("" when absent), owned.
std::string attribute(xmlNode* node, const char* name, const xmlChar* ns = nullptr) {
    xmlChar* value = ns == nullptr ? xmlGetNoNsProp(node, x(name)) : xmlGetNsProp(node, x(name), ns);
    std::string out = xml_string(value);
    xmlFree(value);
    return out;
}

// Collects libxml2's errors (not warnings) while alive, instead of letting them go to stderr.
// libxml2 reports validation errors only through this thread's global handler, so the guard
// installs it and puts the previous one back.
class ErrorCapture {
public:
    ErrorCapture() : previous_(xmlStructuredError), previous_context_(xmlStructuredErrorContext) {
        xmlSetStructuredErrorFunc(this, &ErrorCapture::receive);
    }
    ~ErrorCapture() { xmlSetStructuredErrorFunc(previous_context_, previous_); }
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

    std::vector<TmxProblem> take() { return std::move(problems_); }

private:
#if LIBXML_VERSION >= 21200
    static void receive(void* self, const xmlError* error) {
#else
    static void receive(void* self, xmlError* error) {
#endif
        if (error == nullptr || error->level == XML_ERR_WARNING) return;
        TmxProblem problem;
        problem.line = error->line;
        // Validity errors carry the node; its line survives past 65535 with XML_PARSE_BIG_LINES.
        if (error->node != nullptr) problem.line = xmlGetLineNo(static_cast<xmlNode*>(error->node));
        problem.message = error->message != nullptr ? error->message : "unknown XML error";
        while (!problem.message.empty() && (problem.message.back() == '\n' || problem.message.back() == ' '))
            problem.message.pop_back();
        static_cast<ErrorCapture*>(self)->problems_.push_back(std::move(problem));
    }

    xmlStructuredErrorFunc previous_;
    void* previous_context_;
    std::vector<TmxProblem> problems_;
};

struct FreeParser {
    void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};
struct FreeDtd {
    void operator()(xmlDtd* dtd) const { xmlFreeDtd(dtd); }
};
struct FreeValidContext {
    void operator()(xmlValidCtxt* context) const { xmlFreeValidCtxt(context); }
};

// Set through the parser's _private while parsing.
struct EntityRefusal {
    bool declared = false;
    long line = 0;
};

void refuse(void* parser_context) {
    auto* context = static_cast<xmlParserCtxt*>(parser_context);
    auto* refusal = static_cast<EntityRefusal*>(context->_private);
    if (!refusal->declared) {
        refusal->declared = true;
        refusal->line = context->input != nullptr ? context->input->line : 0;
    }
    xmlStopParser(context);
}

void refuse_entity(void* context, const xmlChar*, int, const xmlChar*, const xmlChar*, xmlChar*) { refuse(context); }
void refuse_unparsed_entity(void* context, const xmlChar*, const xmlChar*, const xmlChar*, const xmlChar*) {
    refuse(context);
}
xmlParserInput* resolve_nothing(void*, const xmlChar*, const xmlChar*) { return nullptr; }

// Parses without network, without loading the DTD the document names, without substituting
// entities, and stops at the first entity declaration. Returns the document when well formed.
XmlDocument parse_safely(std::string_view content, const std::string& name, TmxReport& report) {
    if (content.size() >= static_cast<std::size_t>(INT_MAX))
        throw InputError(name, "is 2 GiB or larger; artalign reads TMX files below 2 GiB");
    if (content.empty()) {
        report.problems.push_back({0, "the file is empty"});
        return nullptr;
    }
    const std::unique_ptr<xmlParserCtxt, FreeParser> context(
        xmlCreateMemoryParserCtxt(content.data(), static_cast<int>(content.size())));
    if (!context) throw InputError(name, "cannot start the XML parser (out of memory?)");
    xmlCtxtUseOptions(context.get(), XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    EntityRefusal refusal;
    context->_private = &refusal;
    context->sax->entityDecl = refuse_entity;
    context->sax->unparsedEntityDecl = refuse_unparsed_entity;
    context->sax->externalSubset = nullptr;  // never load the DTD the document points to
    context->sax->resolveEntity = resolve_nothing;
    context->replaceEntities = 0;
    context->loadsubset = 0;
    context->validate = 0;

    const int status = xmlParseDocument(context.get());
    XmlDocument document(context->myDoc);
    context->myDoc = nullptr;
    if (refusal.declared) {
        report.declares_entities = true;
        report.problems.clear();
        report.problems.push_back(
            {refusal.line, "the DOCTYPE declares entities; artalign refuses such files (nothing is expanded or fetched)"});
        return nullptr;
    }
    if (status != 0 || context->wellFormed == 0 || !document) {
        if (report.problems.empty()) report.problems.push_back({0, "not well-formed XML"});
        return nullptr;
    }
    report.well_formed = true;
    if (document->encoding != nullptr) report.encoding = xml_string(document->encoding);
    return document;
}

void check_srclang(xmlNode* body, const std::string& srclang, std::vector<TmxProblem>& problems) {
    if (srclang.empty() || srclang == "*all*") return;
    for_each_child(body, "tu", [&](xmlNode* tu) {
        bool found = false;
        for_each_child(tu, "tuv", [&](xmlNode* tuv) { found = found || same_language(tuv_language(tuv), srclang); });
        if (found) return;
        const std::string tuid = attribute(tu, "tuid");
        problems.push_back({xmlGetLineNo(tu), fmt::format("<tu{}> has no <tuv> in the header's srclang '{}'",
                                                          tuid.empty() ? "" : " tuid=\"" + tuid + "\"", srclang)});
    });
}

}  // namespace

std::string tuv_language(xmlNode* tuv) {
    std::string language = attribute(tuv, "lang", XML_XML_NAMESPACE);
    if (language.empty()) language = attribute(tuv, "lang");
    return language;
}

bool same_language(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[k]) != lower(b[k])) return false;
    }
    return true;
}

TmxReport check_tmx_text(std::string_view content, const std::string& name, const std::filesystem::path& dtd_path,
                         XmlDocument* document_out) {
    TmxReport report;
    ErrorCapture errors;
    XmlDocument document = parse_safely(content, name, report);
    if (!document) {
        std::vector<TmxProblem> parse_errors = errors.take();
        if (!report.declares_entities && !parse_errors.empty()) report.problems = std::move(parse_errors);
        if (report.problems.empty()) report.problems.push_back({0, "not well-formed XML"});
        return report;
    }
    xmlNode* root = xmlDocGetRootElement(document.get());
    if (root == nullptr || !xmlStrEqual(root->name, x("tmx"))) {
        report.problems.push_back({root != nullptr ? xmlGetLineNo(root) : 0,
                                   fmt::format("the root element is <{}>, not <tmx>: this is not a TMX file",
                                               root != nullptr ? xml_string(root->name) : std::string())});
        return report;
    }
    report.is_tmx = true;

    const std::unique_ptr<xmlDtd, FreeDtd> dtd(xmlParseDTD(nullptr, x(dtd_path.c_str())));
    if (!dtd) throw DataError(dtd_path.string(), "cannot read the TMX 1.4b DTD (is artalign's data directory complete?)");
    errors.take();  // anything the DTD parser said is about the DTD, reported above
    const std::unique_ptr<xmlValidCtxt, FreeValidContext> validation(xmlNewValidCtxt());
    if (!validation) throw InputError(name, "cannot start the DTD validator (out of memory?)");
    const int valid = xmlValidateDtd(validation.get(), document.get(), dtd.get());
    report.problems = errors.take();
    if (valid != 1 && report.problems.empty()) report.problems.push_back({0, "not valid against the TMX 1.4b DTD"});

    xmlNode* body = nullptr;
    for_each_child(root, "header", [&](xmlNode* header) { report.srclang = attribute(header, "srclang"); });
    for_each_child(root, "body", [&](xmlNode* element) { body = element; });
    if (body != nullptr) {
        for_each_child(body, "tu", [&](xmlNode*) { ++report.units; });
        check_srclang(body, report.srclang, report.problems);
    }
    if (document_out != nullptr) *document_out = std::move(document);
    return report;
}

}  // namespace detail

TmxReport validate_tmx_text(std::string_view content, const std::string& name, const std::filesystem::path& dtd) {
    return detail::check_tmx_text(content, name, dtd, nullptr);
}

std::string read_whole_file(const std::filesystem::path& file) {
    std::error_code error;
    if (!std::filesystem::exists(file, error)) throw InputError(file.string(), "no such file");
    if (std::filesystem::is_directory(file, error)) throw InputError(file.string(), "is a directory, not a file");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string(), std::string("cannot open: ") + std::strerror(errno));
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw InputError(file.string(), "read failed");
    return content;
}

TmxReport validate_tmx(const std::filesystem::path& file, const std::filesystem::path& dtd) {
    return validate_tmx_text(read_whole_file(file), file.string(), dtd);
}

std::filesystem::path tmx_dtd_path(const std::filesystem::path& data_dir) { return data_dir / "tmx" / "tmx14.dtd"; }

}  // namespace artalign
