// TMX written unit by unit through libxml2's text writer, into an AtomicFile.
#include "artalign/tmx_stream_writer.hpp"

#include <libxml/xmlwriter.h>
#include <fmt/format.h>

#include <stdexcept>

#include "artalign/atomic_file.hpp"
#include "artalign/error.hpp"
#include "artalign/version.hpp"

namespace artalign {
namespace {

const xmlChar* x(const char* text) { return reinterpret_cast<const xmlChar*>(text); }
const xmlChar* x(const std::string& text) { return reinterpret_cast<const xmlChar*>(text.c_str()); }

struct FreeWriter {
    void operator()(xmlTextWriter* writer) const { xmlFreeTextWriter(writer); }
};

}  // namespace

struct TmxStreamWriter::State {
    explicit State(const std::filesystem::path& output) : file(output), reported(output.string()) {}

    void check(int result) const {
        if (result < 0) throw OutputError(reported, "write failed (disk full or file not writable?)");
    }
    void start(const char* element) { check(xmlTextWriterStartElement(writer.get(), x(element))); }
    void attribute(const char* name, const std::string& value) {
        check(xmlTextWriterWriteAttribute(writer.get(), x(name), x(value)));
    }
    void end() { check(xmlTextWriterEndElement(writer.get())); }
    void prop(const char* type, const std::string& value) {
        if (value.empty()) return;
        start("prop");
        attribute("type", type);
        check(xmlTextWriterWriteString(writer.get(), x(value)));
        end();
    }

    AtomicFile file;
    std::string reported;
    std::unique_ptr<xmlTextWriter, FreeWriter> writer;
    std::string created;
    bool started = false;
};

TmxStreamWriter::TmxStreamWriter(const std::filesystem::path& output, const TmxOptions& options)
    : state_(std::make_unique<State>(output)), options_(options) {
    state_->writer.reset(xmlNewTextWriterFilename(state_->file.temp_path().c_str(), 0));
    if (!state_->writer) throw OutputError(state_->reported, "cannot open for writing");
    xmlTextWriterSetIndent(state_->writer.get(), 1);
    xmlTextWriterSetIndentString(state_->writer.get(), x("  "));
    state_->created = tmx_timestamp(options_.created);
}

TmxStreamWriter::~TmxStreamWriter() = default;

void TmxStreamWriter::set_languages(const std::string& source_language, const std::string& target_language) {
    if (state_->started) throw std::logic_error("TmxStreamWriter::set_languages after the first unit");
    options_.source_language = source_language;
    options_.target_language = target_language;
}

void TmxStreamWriter::start() {
    State& s = *state_;
    s.started = true;
    s.check(xmlTextWriterStartDocument(s.writer.get(), "1.0", "UTF-8", nullptr));
    s.start("tmx");
    s.attribute("version", "1.4");
    s.start("header");
    s.attribute("creationtool", "artalign");
    s.attribute("creationtoolversion", kVersion);
    s.attribute("segtype", "sentence");
    s.attribute("o-tmf", "artalign");
    s.attribute("adminlang", "en");
    s.attribute("srclang", options_.source_language);
    s.attribute("datatype", "plaintext");
    s.attribute("creationdate", s.created);
    s.end();
    s.start("body");
}

bool TmxStreamWriter::add(const TranslationUnit& unit) {
    const std::string source = clean_segment_text(unit.source);
    const std::string target = clean_segment_text(unit.target);
    if (source.empty() || target.empty()) return false;
    if (!state_->started) start();
    State& s = *state_;
    s.start("tu");
    s.attribute("tuid", std::to_string(options_.first_tuid + written_++));
    s.attribute("creationdate", s.created);
    s.prop("x-source-url", clean_segment_text(unit.source_url));
    s.prop("x-target-url", clean_segment_text(unit.target_url));
    s.prop("x-article-date", clean_segment_text(unit.article_date));
    s.prop("x-article-title", clean_segment_text(unit.article_title));
    s.prop("x-bead", clean_segment_text(unit.bead_type));
    s.prop("x-warning", clean_segment_text(unit.warning));
    s.prop("x-score", fmt::format("{:.3f}", unit.score));
    for (const auto& [language, text] :
         {std::pair{&options_.source_language, &source}, std::pair{&options_.target_language, &target}}) {
        s.start("tuv");
        s.attribute("xml:lang", *language);
        s.check(xmlTextWriterWriteElement(s.writer.get(), x("seg"), x(*text)));
        s.end();
    }
    s.end();
    return true;
}

void TmxStreamWriter::commit() {
    if (!state_->started) start();
    State& s = *state_;
    s.end();  // body
    s.end();  // tmx
    s.check(xmlTextWriterEndDocument(s.writer.get()));
    s.check(xmlTextWriterFlush(s.writer.get()));
    s.writer.reset();  // closes the file
    s.file.commit();
}

}  // namespace artalign
