// Internal: the TMX 1.4b header and units, written through a checked libxml2 text writer.
#include "write/tmx_elements.hpp"

#include <libxml/xmlwriter.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "artalign/error.hpp"
#include "artalign/version.hpp"
#include "util/xml_library.hpp"

namespace artalign::detail {
namespace {

const xmlChar* x(const char* text) { return reinterpret_cast<const xmlChar*>(text); }
const xmlChar* x(const std::string& text) { return reinterpret_cast<const xmlChar*>(text.c_str()); }

void indent(xmlTextWriter* writer) {
    xmlTextWriterSetIndent(writer, 1);
    xmlTextWriterSetIndentString(writer, x("  "));
}

}  // namespace

void TmxElementWriter::FreeWriter::operator()(xmlTextWriter* writer) const { xmlFreeTextWriter(writer); }

TmxElementWriter::TmxElementWriter(AtomicFile& file) : file_(&file), reported_(output_display_name(file.target())) {
    prepare_xml_library();
    xmlOutputBuffer* output = xmlOutputBufferCreateIO(write_to_file, nullptr, this, nullptr);
    if (output == nullptr) throw OutputError(reported_, "cannot start the XML writer (out of memory?)");
    writer_.reset(xmlNewTextWriter(output));  // owns `output` when it succeeds
    if (!writer_) {
        xmlOutputBufferClose(output);
        throw OutputError(reported_, "cannot start the XML writer (out of memory?)");
    }
    indent(writer_.get());
}

int TmxElementWriter::write_to_file(void* self, const char* buffer, int length) {
    auto* writer = static_cast<TmxElementWriter*>(self);
    if (writer->write_failure_) return length;
    try {
        writer->file_->append(std::string_view(buffer, static_cast<std::size_t>(length)));
    } catch (...) {
        writer->write_failure_ = std::current_exception();
    }
    return length;
}

TmxElementWriter::TmxElementWriter(xmlBuffer* buffer) : reported_("TMX") {
    prepare_xml_library();
    writer_.reset(xmlNewTextWriterMemory(buffer, 0));
    if (!writer_) throw OutputError(reported_, "cannot start the XML writer (out of memory?)");
    indent(writer_.get());
}

TmxElementWriter::~TmxElementWriter() = default;

void TmxElementWriter::check(int result) const {
    if (write_failure_) std::rethrow_exception(write_failure_);
    if (result < 0) throw OutputError(reported_, "write failed (out of memory?)");
}

void TmxElementWriter::start(const char* element) { check(xmlTextWriterStartElement(writer_.get(), x(element))); }

void TmxElementWriter::attribute(const char* name, const std::string& value) {
    check(xmlTextWriterWriteAttribute(writer_.get(), x(name), x(value)));
}

void TmxElementWriter::prop(const char* type, const std::string& value) {
    if (value.empty()) return;  // props with no value are left out
    start("prop");
    attribute("type", type);
    check(xmlTextWriterWriteString(writer_.get(), x(value)));
    end();
}

void TmxElementWriter::end() { check(xmlTextWriterEndElement(writer_.get())); }

void TmxElementWriter::begin_document(const TmxOptions& options, const std::string& created) {
    check(xmlTextWriterStartDocument(writer_.get(), "1.0", "UTF-8", nullptr));
    start("tmx");
    attribute("version", "1.4");
    start("header");
    attribute("creationtool", "artalign");
    attribute("creationtoolversion", kVersion);
    attribute("segtype", "sentence");
    attribute("o-tmf", "artalign");
    attribute("adminlang", "en");
    attribute("srclang", options.source_language);
    attribute("datatype", "plaintext");
    attribute("creationdate", created);
    end();
    start("body");
}

bool TmxElementWriter::unit(const TranslationUnit& unit, std::size_t tuid, const std::string& created,
                            const TmxOptions& options) {
    return this->unit(unit, std::to_string(tuid), created, options, "xml:lang");
}

bool TmxElementWriter::unit(const TranslationUnit& unit, const std::string& tuid, const std::string& created,
                            const TmxOptions& options, const char* language_attribute) {
    const std::string source = clean_segment_text(unit.source);
    const std::string target = clean_segment_text(unit.target);
    if (source.empty() || target.empty()) return false;
    start("tu");
    attribute("tuid", tuid);
    attribute("creationdate", created);
    prop("x-source-url", clean_segment_text(unit.source_url));
    prop("x-target-url", clean_segment_text(unit.target_url));
    prop("x-article-date", clean_segment_text(unit.article_date));
    prop("x-article-title", clean_segment_text(unit.article_title));
    prop("x-bead", clean_segment_text(unit.bead_type));
    prop("x-warning", clean_segment_text(unit.warning));
    prop("x-reviewed", unit.reviewed ? "yes" : "");
    prop("x-score", fmt::format("{:.3f}", unit.score));
    for (const auto& [language, text] :
         {std::pair{&options.source_language, &source}, std::pair{&options.target_language, &target}}) {
        start("tuv");
        attribute(language_attribute, *language);
        check(xmlTextWriterWriteElement(writer_.get(), x("seg"), x(*text)));
        end();
    }
    end();
    return true;
}

void TmxElementWriter::end_document() {
    end();  // body
    end();  // tmx
    check(xmlTextWriterEndDocument(writer_.get()));
    check(xmlTextWriterFlush(writer_.get()));
    writer_.reset();  // flushes what libxml2 still holds
    check(0);
}

}  // namespace artalign::detail
