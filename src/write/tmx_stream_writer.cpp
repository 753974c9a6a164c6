// TMX written unit by unit through libxml2's text writer, into an AtomicFile.
#include "write/tmx_stream_writer.hpp"

#include <stdexcept>

#include "util/atomic_file.hpp"
#include "artalign/error.hpp"
#include "write/tmx_elements.hpp"

namespace artalign {

struct TmxStreamWriter::State {
    explicit State(const std::filesystem::path& output)
        : file(output), writer(file) {}

    AtomicFile file;
    detail::TmxElementWriter writer;
    std::string created;
    bool started = false;
    bool finished = false;
};

TmxStreamWriter::TmxStreamWriter(const std::filesystem::path& output, const TmxOptions& options)
    : state_(std::make_unique<State>(output)), options_(options) {
    state_->created = tmx_timestamp(options_.created);
}

TmxStreamWriter::~TmxStreamWriter() = default;

void TmxStreamWriter::set_languages(const std::string& source_language, const std::string& target_language) {
    if (state_->started) throw std::logic_error("TmxStreamWriter::set_languages after the first unit");
    options_.source_language = source_language;
    options_.target_language = target_language;
}

void TmxStreamWriter::start() {
    state_->started = true;
    state_->writer.begin_document(options_, state_->created);
}

bool TmxStreamWriter::add(const TranslationUnit& unit) {
    if (state_->finished) throw std::logic_error("TmxStreamWriter::add after finish");
    if (!state_->started) {
        // The header waits for the first unit that will be written (languages may change until then).
        if (clean_segment_text(unit.source).empty() || clean_segment_text(unit.target).empty()) return false;
        start();
    }
    if (!state_->writer.unit(unit, options_.first_tuid + written_, state_->created, options_)) return false;
    ++written_;
    return true;
}

void TmxStreamWriter::finish() {
    if (state_->finished) return;
    if (!state_->started) start();
    state_->writer.end_document();
    state_->file.sync();
    state_->finished = true;
}

void TmxStreamWriter::commit() {
    finish();
    state_->file.commit();
}

}  // namespace artalign
