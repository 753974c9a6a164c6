// TMX 1.4b output through libxml2's text writer, written atomically; the TMX UnitWriter.
#include "artalign/tmx_writer.hpp"

#include <libxml/xmlwriter.h>
#include <fmt/format.h>

#include <ctime>
#include <memory>

#include "artalign/atomic_file.hpp"
#include "artalign/error.hpp"
#include "artalign/text.hpp"
#include "artalign/unit_writer.hpp"
#include "artalign/version.hpp"

namespace artalign {
namespace {

struct FreeWriter {
    void operator()(xmlTextWriter* writer) const { xmlFreeTextWriter(writer); }
};
struct FreeBuffer {
    void operator()(xmlBuffer* buffer) const { xmlBufferFree(buffer); }
};

const xmlChar* x(const char* text) { return reinterpret_cast<const xmlChar*>(text); }
const xmlChar* x(const std::string& text) { return reinterpret_cast<const xmlChar*>(text.c_str()); }

bool xml_allowed(UChar32 c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

// Thin checked wrapper: every libxml2 writer call returns < 0 on failure.
class TmxDocumentWriter {
public:
    // Writes to `file`; errors name `reported`.
    TmxDocumentWriter(const std::filesystem::path& file, const std::filesystem::path& reported)
        : writer_(xmlNewTextWriterFilename(file.c_str(), 0)), reported_(reported.string()) {
        if (!writer_) throw OutputError(reported_, "cannot open for writing");
        indent();
    }
    // Writes into `buffer`, which must outlive the writer.
    explicit TmxDocumentWriter(xmlBuffer* buffer) : writer_(xmlNewTextWriterMemory(buffer, 0)), reported_("TMX") {
        if (!writer_) throw OutputError(reported_, "cannot start the XML writer (out of memory?)");
        indent();
    }

    void start_document() { check(xmlTextWriterStartDocument(writer_.get(), "1.0", "UTF-8", nullptr)); }
    void start(const char* element) { check(xmlTextWriterStartElement(writer_.get(), x(element))); }
    void attribute(const char* name, const std::string& value) {
        check(xmlTextWriterWriteAttribute(writer_.get(), x(name), x(value)));
    }
    void text_element(const char* element, const std::string& text) {
        check(xmlTextWriterWriteElement(writer_.get(), x(element), x(text)));
    }
    void prop(const char* type, const std::string& value) {
        if (value.empty()) return;
        start("prop");
        attribute("type", type);
        check(xmlTextWriterWriteString(writer_.get(), x(value)));
        end();
    }
    void end() { check(xmlTextWriterEndElement(writer_.get())); }
    void finish() {
        check(xmlTextWriterEndDocument(writer_.get()));
        check(xmlTextWriterFlush(writer_.get()));
        writer_.reset();  // closes the file; a failed close shows up as a failed flush above
    }

private:
    void indent() {
        xmlTextWriterSetIndent(writer_.get(), 1);
        xmlTextWriterSetIndentString(writer_.get(), x("  "));
    }
    void check(int result) {
        if (result < 0) throw OutputError(reported_, "write failed (disk full or file not writable?)");
    }

    std::unique_ptr<xmlTextWriter, FreeWriter> writer_;
    std::string reported_;
};

// The whole document: header, then one tu per unit whose cleaned source and target are not
// empty. Returns the number of units written.
std::size_t write_document(TmxDocumentWriter& writer, const std::vector<TranslationUnit>& units,
                           const TmxOptions& options) {
    const std::string created = tmx_timestamp(options.created);
    writer.start_document();
    writer.start("tmx");
    writer.attribute("version", "1.4");
    writer.start("header");
    writer.attribute("creationtool", "artalign");
    writer.attribute("creationtoolversion", kVersion);
    writer.attribute("segtype", "sentence");
    writer.attribute("o-tmf", "artalign");
    writer.attribute("adminlang", "en");
    writer.attribute("srclang", options.source_language);
    writer.attribute("datatype", "plaintext");
    writer.attribute("creationdate", created);
    writer.end();

    writer.start("body");
    std::size_t id = options.first_tuid;
    std::size_t written = 0;
    for (const TranslationUnit& unit : units) {
        const std::string source = clean_segment_text(unit.source);
        const std::string target = clean_segment_text(unit.target);
        if (source.empty() || target.empty()) continue;
        writer.start("tu");
        writer.attribute("tuid", std::to_string(id++));
        writer.attribute("creationdate", created);
        writer.prop("x-source-url", clean_segment_text(unit.source_url));
        writer.prop("x-target-url", clean_segment_text(unit.target_url));
        writer.prop("x-article-date", clean_segment_text(unit.article_date));
        writer.prop("x-article-title", clean_segment_text(unit.article_title));
        writer.prop("x-bead", clean_segment_text(unit.bead_type));
        writer.prop("x-warning", clean_segment_text(unit.warning));
        writer.prop("x-score", fmt::format("{:.3f}", unit.score));
        for (const auto& [language, text] : {std::pair{&options.source_language, &source},
                                             std::pair{&options.target_language, &target}}) {
            writer.start("tuv");
            writer.attribute("xml:lang", *language);
            writer.text_element("seg", *text);
            writer.end();
        }
        writer.end();
        ++written;
    }
    writer.end();  // body
    writer.end();  // tmx
    writer.finish();
    return written;
}

TmxOptions tmx_options(const OutputOptions& options) {
    TmxOptions tmx;
    tmx.source_language = options.source_language;
    tmx.target_language = options.target_language;
    tmx.created = options.created;
    return tmx;
}

class TmxUnitWriter final : public UnitWriter {
public:
    std::vector<std::filesystem::path> files(const std::filesystem::path& output, const OutputOptions&) const override {
        return {output};
    }
    std::size_t write(const std::filesystem::path& output, const std::vector<TranslationUnit>& units,
                      const OutputOptions& options) const override {
        AtomicFile file(output);
        std::size_t written = 0;
        {
            TmxDocumentWriter writer(file.temp_path(), output);
            written = write_document(writer, units, tmx_options(options));
        }
        file.commit();
        return written;
    }
};

}  // namespace

std::unique_ptr<UnitWriter> make_tmx_unit_writer() { return std::make_unique<TmxUnitWriter>(); }

std::string tmx_timestamp(std::chrono::system_clock::time_point time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                       utc.tm_hour, utc.tm_min, utc.tm_sec);
}

std::string clean_segment_text(std::string_view text) {
    std::string allowed;
    allowed.reserve(text.size());
    std::size_t offset = 0;
    while (offset < text.size()) {
        const std::size_t start = offset;
        const int32_t c = next_code_point(text, offset);
        if (c < 0 || !xml_allowed(c)) {
            allowed.push_back(' ');
            continue;
        }
        allowed.append(text.substr(start, offset - start));
    }
    return collapse_whitespace(allowed);
}

void write_tmx(const std::filesystem::path& output, const std::vector<TranslationUnit>& units,
               const TmxOptions& options) {
    AtomicFile file(output);
    {
        TmxDocumentWriter writer(file.temp_path(), output);
        write_document(writer, units, options);
    }
    file.commit();
}

std::string tmx_document(const std::vector<TranslationUnit>& units, const TmxOptions& options) {
    const std::unique_ptr<xmlBuffer, FreeBuffer> buffer(xmlBufferCreate());
    if (!buffer) throw OutputError("TMX", "cannot allocate a buffer (out of memory?)");
    {
        TmxDocumentWriter writer(buffer.get());
        write_document(writer, units, options);
    }
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                       static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

}  // namespace artalign
