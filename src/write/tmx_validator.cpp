// Safe reading and validation of TMX files with libxml2: entities refused, nothing fetched,
// DTD validation against artalign's own copy of the TMX 1.4b DTD (adapted to TMX 1.1-1.3),
// and the rules the DTD cannot express (detail/tmx_checks).
#include "write/tmx_validator.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/valid.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <fmt/format.h>

#include <climits>
#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

#include "artalign/error.hpp"
#include "util/xml_library.hpp"
#include "read/byte_source.hpp"
#include "write/tmx_checks.hpp"
#include "write/tmx_reading.hpp"

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
    ErrorCapture() : previous_(xmlStructuredError), previous_context_(xmlStructuredErrorContext), global_(true) {
        xmlSetStructuredErrorFunc(this, &ErrorCapture::receive);
    }
    // Collects the errors of one reader's parser only (well-formedness), apart from validity.
    explicit ErrorCapture(xmlTextReader* reader) : previous_(nullptr), previous_context_(nullptr), global_(false) {
        xmlTextReaderSetStructuredErrorHandler(reader, &ErrorCapture::receive, this);
    }
    ~ErrorCapture() {
        if (global_) xmlSetStructuredErrorFunc(previous_context_, previous_);
    }
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
    bool global_;
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

using Dtd = std::unique_ptr<xmlDtd, FreeDtd>;

// The DTD for TMX 1.`minor`: the 1.4b DTD at `path` as it is for 1.4; for 1.1-1.3 with the
// version fixed to theirs and, before 1.3, the <tuv>'s xml:lang optional (they name the
// language with lang="...", which check_unit requires instead). The rest of 1.4b is a
// superset of the older DTDs ("Modifications" in the DTD's own history); what 1.1 lacks
// (<hi>) is checked by check_unit.
Dtd load_dtd(const std::filesystem::path& path, int minor) {
    const auto unreadable = [&] {
        return DataError(path.string(), "cannot read the TMX 1.4b DTD (is artalign's data directory complete?)");
    };
    std::ifstream file(path, std::ios::binary);
    std::ostringstream read;
    read << file.rdbuf();
    if (!file) throw unreadable();
    std::string text = read.str();
    if (minor != 4) {
        const std::string fixed = "#FIXED \"1.4\"";
        const auto version = text.find(fixed);
        const auto tuv = text.find("<!ATTLIST tuv");
        const auto required = tuv == std::string::npos ? tuv : text.find("#REQUIRED", tuv);
        if (version == std::string::npos || required == std::string::npos) throw unreadable();
        if (minor < 3) text.replace(required, 9, "#IMPLIED ");
        text.replace(version, fixed.size(), fmt::format("#FIXED \"1.{}\"", minor));
    }
    xmlParserInputBuffer* input =
        xmlParserInputBufferCreateMem(text.data(), static_cast<int>(text.size()), XML_CHAR_ENCODING_UTF8);
    if (input == nullptr) throw unreadable();
    Dtd dtd(xmlIOParseDTD(nullptr, input, XML_CHAR_ENCODING_UTF8));  // frees `input`
    if (!dtd) throw unreadable();
    return dtd;
}

struct FreeReader {
    void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};

// Marks the root element reached and stops: the prolog check is done.
void stop_at_root(void* context, const xmlChar*, const xmlChar*, const xmlChar*, int, const xmlChar**, int, int,
                  const xmlChar**) {
    xmlStopParser(static_cast<xmlParserCtxt*>(context));
}

// libxml2's read callback over a ByteSource: -1 on a read error (the source remembers it).
int read_bytes(void* source, char* buffer, int length) {
    auto* bytes = static_cast<ByteSource*>(source);
    const std::size_t got = bytes->read(buffer, static_cast<std::size_t>(length));
    return bytes->failed() ? -1 : static_cast<int>(got);
}

bool starts_with_utf16_byte_order_mark(ByteSource& bytes) {
    unsigned char start[2] = {};
    if (bytes.read_at(0, reinterpret_cast<char*>(start), sizeof start) != sizeof start) return false;
    return (start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF);
}

void throw_if_read_failed(const ByteSource& bytes) {
    if (bytes.failed()) throw InputError(bytes.name(), bytes.error());
}

// Phase 1: parses the prolog only (XML declaration, DOCTYPE and its internal subset, up to the
// root's start tag) with a parser that stops at the first entity declaration, never loads the
// external DTD and has no network. A document that passes holds no entity declaration, so the
// streaming parse of phase 2 has nothing to expand. The bytes are pushed in chunks until the
// parser stops, so a large file is not read further than its prolog. Returns false (and fills
// `report`) when the prolog is refused or not well-formed.
bool prolog_is_safe(ByteSource& bytes, TmxReport& report, ErrorCapture& errors) {
    char chunk[16384];
    // The first bytes go in with the context: libxml2 detects the encoding from them.
    std::size_t got = bytes.read(chunk, 4);
    throw_if_read_failed(bytes);
    const std::unique_ptr<xmlParserCtxt, FreeParser> context(
        xmlCreatePushParserCtxt(nullptr, nullptr, chunk, static_cast<int>(got), nullptr));
    if (!context) throw InputError(bytes.name(), "cannot start the XML parser (out of memory?)");
    xmlCtxtUseOptions(context.get(), XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    EntityRefusal refusal;
    context->_private = &refusal;
    context->sax->entityDecl = refuse_entity;
    context->sax->unparsedEntityDecl = refuse_unparsed_entity;
    context->sax->externalSubset = nullptr;  // never load the DTD the document points to
    context->sax->resolveEntity = resolve_nothing;
    context->sax->startElementNs = stop_at_root;
    context->replaceEntities = 0;
    context->loadsubset = 0;
    context->validate = 0;
    // Until the parser stops (the root reached, an entity refused, a fatal error) or the bytes end.
    while (context->instate != XML_PARSER_EOF && context->disableSAX == 0) {
        got = bytes.read(chunk, sizeof chunk);
        throw_if_read_failed(bytes);
        xmlParseChunk(context.get(), chunk, static_cast<int>(got), got == 0 ? 1 : 0);
        if (got == 0) break;
    }
    XmlDocument partial(context->myDoc);  // the prolog's nodes, freed here
    context->myDoc = nullptr;
    if (refusal.declared) {
        report.declares_entities = true;
        report.problems = {
            {refusal.line, "the DOCTYPE declares entities; artalign refuses such files (nothing is expanded or fetched)"}};
        return false;
    }
    // Errors, not warnings (ErrorCapture drops those); stopping at the root raises none.
    std::vector<TmxProblem> prolog_errors = errors.take();
    if (!prolog_errors.empty() || context->wellFormed == 0) {
        report.problems = std::move(prolog_errors);
        if (report.problems.empty()) report.problems.push_back({0, "not well-formed XML"});
        return false;
    }
    return true;
}

// While alive, the reader's document has artalign's DTD as its only DTD (as xmlValidateDtd
// does), so a DOCTYPE's own declarations can neither loosen nor tighten validation.
class DtdSwap {
public:
    DtdSwap() = default;
    DtdSwap(const DtdSwap&) = delete;
    DtdSwap& operator=(const DtdSwap&) = delete;
    ~DtdSwap() {
        if (document_ != nullptr) {
            document_->extSubset = external_;
            document_->intSubset = internal_;
        }
    }
    void attach(xmlDoc* document, xmlDtd* dtd) {
        document_ = document;
        external_ = document->extSubset;
        internal_ = document->intSubset;
        document->extSubset = dtd;
        document->intSubset = nullptr;
    }

private:
    xmlDoc* document_ = nullptr;
    xmlDtd* external_ = nullptr;
    xmlDtd* internal_ = nullptr;
};

bool is_white_space(const xmlChar* text) {
    for (; text != nullptr && *text != 0; ++text) {
        if (*text != ' ' && *text != '\t' && *text != '\n' && *text != '\r') return false;
    }
    return true;
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

// Phase 2: one streaming pass with xmlTextReader. Each <header> and <tu> is expanded, checked
// against the DTD (xmlValidateElement: content models and attributes of it and everything
// inside), checked for the srclang rule, handed to `on_unit`, and freed; <tmx> and <body>,
// never whole in memory, have their attributes checked against the DTD and their content
// models ((header, body) and (tu*)) checked here. Memory stays that of one unit.
TmxReport scan_tmx(ByteSource& bytes, const std::filesystem::path& dtd_path, const std::function<void(xmlNode*)>& on_unit) {
    prepare_xml_library();
    TmxReport report;
    const std::string& name = bytes.name();
    if (bytes.size() >= static_cast<std::uint64_t>(INT_MAX))
        throw InputError(name, "is 2 GiB or larger; artalign reads TMX files below 2 GiB");
    if (bytes.size() == 0) {
        report.problems.push_back({0, "the file is empty"});
        return report;
    }
    ErrorCapture errors;
    if (!prolog_is_safe(bytes, report, errors)) return report;

    Dtd dtd;  // chosen at the root, by the version it declares
    int minor = 4;
    bytes.rewind();
    const std::unique_ptr<xmlValidCtxt, FreeValidContext> validation(xmlNewValidCtxt());
    const std::unique_ptr<xmlTextReader, FreeReader> reader(
        xmlReaderForIO(read_bytes, nullptr, &bytes, nullptr, nullptr, XML_PARSE_NONET | XML_PARSE_BIG_LINES));
    if (!validation || !reader) throw InputError(name, "cannot start the XML reader (out of memory?)");
    ErrorCapture parse_errors(reader.get());
    DtdSwap dtd_swap;  // destroyed before the reader frees the document

    std::vector<TmxProblem> problems;
    const auto not_expected = [&](xmlNode* node, const char* parent, const char* expected, const std::string& got) {
        problems.push_back({node != nullptr ? xmlGetLineNo(node) : 0,
                            fmt::format("Element {} content does not follow the DTD, expecting {}, got {}", parent,
                                        expected, got)});
    };
    const auto check_attributes = [&](xmlDoc* document, xmlNode* element) {
        for (xmlAttr* property = element->properties; property != nullptr; property = property->next) {
            xmlChar* value = xmlNodeListGetString(document, property->children, 1);
            xmlValidateOneAttribute(validation.get(), document, element, property, value);
            xmlFree(value);
        }
    };

    bool in_body = false;
    bool seen_header = false;
    bool seen_body = false;
    int status = xmlTextReaderRead(reader.get());
    while (status == 1) {
        const int type = xmlTextReaderNodeType(reader.get());
        const int depth = xmlTextReaderDepth(reader.get());
        xmlNode* node = xmlTextReaderCurrentNode(reader.get());
        const std::string element = type == XML_READER_TYPE_ELEMENT ? xml_string(xmlTextReaderConstName(reader.get())) : "";
        if (type == XML_READER_TYPE_ELEMENT && depth == 0) {
            if (element != "tmx") {
                report.well_formed = true;
                report.problems = {{xmlGetLineNo(node),
                                    fmt::format("the root element is <{}>, not <tmx>: this is not a TMX file", element)}};
                return report;
            }
            report.is_tmx = true;
            const auto version = xmlGetNoNsProp(node, x("version"));
            report.version = version == nullptr ? "1.4" : xml_string(version);
            xmlFree(version);
            minor = tmx_minor_version(report.version);
            dtd = load_dtd(dtd_path, minor == 0 ? 4 : minor);
            errors.take();  // anything the DTD parser said is about the DTD, not this file
            // node->doc, not xmlTextReaderCurrentDoc: that one makes the reader leave the document unfreed.
            xmlDoc* document = node->doc;
            dtd_swap.attach(document, dtd.get());
            if (minor == 0) {
                problems.push_back({xmlGetLineNo(node), fmt::format("<tmx version=\"{}\">: artalign reads TMX 1.1, 1.2, "
                                                                    "1.3 and 1.4", report.version)});
            } else {
                check_attributes(document, node);
            }
        } else if (type == XML_READER_TYPE_ELEMENT && depth == 1) {
            if (element == "header" && !seen_header && !seen_body) {
                seen_header = true;
                xmlNode* header = xmlTextReaderExpand(reader.get());
                if (header == nullptr) break;
                xmlValidateElement(validation.get(), header->doc, header);
                check_header(header, problems);
                report.srclang = attribute(header, "srclang");
                status = xmlTextReaderNext(reader.get());
                continue;
            }
            if (element == "body" && seen_header && !seen_body) {
                seen_body = true;
                in_body = xmlTextReaderIsEmptyElement(reader.get()) == 0;
                check_attributes(node->doc, node);
            } else {
                not_expected(node, "tmx", "(header , body)", "<" + element + ">");
                status = xmlTextReaderNext(reader.get());
                continue;
            }
        } else if (type == XML_READER_TYPE_ELEMENT && depth == 2 && in_body) {
            if (element == "tu") {
                xmlNode* tu = xmlTextReaderExpand(reader.get());
                if (tu == nullptr) break;
                xmlValidateElement(validation.get(), tu->doc, tu);
                check_unit(tu, report.srclang, minor, problems);
                ++report.units;
                if (on_unit) on_unit(tu);
            } else {
                not_expected(node, "body", "(tu)*", "<" + element + ">");
            }
            status = xmlTextReaderNext(reader.get());
            continue;
        } else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) && (depth == 1 || (depth == 2 && in_body)) &&
                   !is_white_space(xmlTextReaderConstValue(reader.get()))) {
            not_expected(node, depth == 1 ? "tmx" : "body", depth == 1 ? "(header , body)" : "(tu)*", "text");
        } else if (type == XML_READER_TYPE_END_ELEMENT && depth == 1 && element.empty() && in_body) {
            in_body = false;
        } else if (type == XML_READER_TYPE_END_ELEMENT && depth == 0 && (!seen_header || !seen_body)) {
            not_expected(node, "tmx", "(header , body)", seen_header ? "no <body>" : "no <header>");
        }
        status = xmlTextReaderRead(reader.get());
    }
    throw_if_read_failed(bytes);
    std::vector<TmxProblem> syntax = parse_errors.take();
    if (status != 0 || !syntax.empty()) {
        report.well_formed = false;
        report.problems = std::move(syntax);
        if (report.problems.empty()) report.problems.push_back({0, "not well-formed XML"});
        return report;
    }
    report.well_formed = true;
    report.checks = tmx_check_names(minor == 0 ? 4 : minor);
    if (!report.is_tmx) {
        report.problems = {{0, "no root element: this is not a TMX file"}};
        return report;
    }
    if (const xmlChar* encoding = xmlTextReaderConstEncoding(reader.get())) report.encoding = xml_string(encoding);
    // No encoding declaration: XML 1.0 (4.3.3, appendix F) reads a document that starts with a
    // UTF-16 byte order mark as UTF-16 (Trados Workbench writes such memories), any other as UTF-8.
    if (report.encoding.empty() && starts_with_utf16_byte_order_mark(bytes)) report.encoding = "UTF-16";
    // Validity errors came through `errors` (libxml2's validator reports them globally);
    // merge them with the structural ones in document order.
    std::vector<TmxProblem> validity = errors.take();
    problems.insert(problems.end(), validity.begin(), validity.end());
    std::stable_sort(problems.begin(), problems.end(),
                     [](const TmxProblem& a, const TmxProblem& b) { return a.line < b.line; });
    report.problems = std::move(problems);
    return report;
}

}  // namespace detail

TmxReport validate_tmx_text(std::string_view content, const std::string& name, const std::filesystem::path& dtd) {
    detail::ByteSource bytes(content, name);
    return detail::scan_tmx(bytes, dtd, nullptr);
}

TmxReport validate_tmx(const std::filesystem::path& file, const std::filesystem::path& dtd) {
    detail::ByteSource bytes(file);
    return detail::scan_tmx(bytes, dtd, nullptr);
}

std::filesystem::path tmx_dtd_path(const std::filesystem::path& data_dir) { return data_dir / "tmx" / "tmx14.dtd"; }

}  // namespace artalign
