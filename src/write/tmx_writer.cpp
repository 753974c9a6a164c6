// TMX 1.4b output through libxml2's text writer, written atomically; the TMX UnitWriter.
#include "write/tmx_writer.hpp"

#include <libxml/xmlwriter.h>
#include <fmt/format.h>

#include <ctime>
#include <memory>

#include "util/atomic_file.hpp"
#include "artalign/error.hpp"
#include "util/text.hpp"
#include "write/unit_writer.hpp"
#include "write/tmx_elements.hpp"

namespace artalign {
namespace {

struct FreeBuffer {
    void operator()(xmlBuffer* buffer) const { xmlBufferFree(buffer); }
};

bool xml_allowed(UChar32 c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

// The whole document: header, then one tu per unit whose cleaned source and target are not
// empty. Returns the number of units written.
std::size_t write_document(detail::TmxElementWriter& writer, const std::vector<TranslationUnit>& units,
                           const TmxOptions& options) {
    const std::string created = tmx_timestamp(options.created);
    writer.begin_document(options, created);
    std::size_t written = 0;
    for (const TranslationUnit& unit : units) {
        if (writer.unit(unit, options.first_tuid + written, created, options)) ++written;
    }
    writer.end_document();
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
            detail::TmxElementWriter writer(file);
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
        detail::TmxElementWriter writer(file);
        write_document(writer, units, options);
    }
    file.commit();
}

std::string tmx_document(const std::vector<TranslationUnit>& units, const TmxOptions& options) {
    const std::unique_ptr<xmlBuffer, FreeBuffer> buffer(xmlBufferCreate());
    if (!buffer) throw OutputError("TMX", "cannot allocate a buffer (out of memory?)");
    {
        detail::TmxElementWriter writer(buffer.get());
        write_document(writer, units, options);
    }
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                       static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

}  // namespace artalign
