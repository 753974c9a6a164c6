// JSON Lines output: one JSON object a unit, carrying the same metadata as the TMX props.
#include <fmt/format.h>

#include <cmath>
#include <string>
#include <string_view>

#include "util/atomic_file.hpp"
#include "util/json_writer.hpp"
#include "write/unit_writer.hpp"

namespace artalign {
namespace {

void append_field(std::string& out, const char* name, std::string_view value) {
    if (out.back() != '{') out.push_back(',');
    out += json_quote(name);
    out.push_back(':');
    out += json_quote(value);
}

class JsonlUnitWriter final : public UnitWriter {
public:
    std::vector<std::filesystem::path> files(const std::filesystem::path& output, const OutputOptions&) const override {
        return {output};
    }

    // Keys: tuid, creationdate, source_lang, target_lang, source, target, source_url,
    // target_url, article_date, article_title, bead, warning (only when there is one), reviewed (only when
    // true), score
    // (TMX: the tu's attributes, tuv languages and segs, and its x-* props).
    std::size_t write(const std::filesystem::path& output, const std::vector<TranslationUnit>& units,
                      const OutputOptions& options) const override {
        const std::string created = tmx_timestamp(options.created);
        std::string content;
        std::size_t written = 0;
        for (const TranslationUnit& unit : units) {
            const std::string source = clean_segment_text(unit.source);
            const std::string target = clean_segment_text(unit.target);
            if (source.empty() || target.empty()) continue;
            ++written;
            content += fmt::format("{{\"tuid\":{}", written);
            append_field(content, "creationdate", created);
            append_field(content, "source_lang", options.source_language);
            append_field(content, "target_lang", options.target_language);
            append_field(content, "source", source);
            append_field(content, "target", target);
            append_field(content, "source_url", clean_segment_text(unit.source_url));
            append_field(content, "target_url", clean_segment_text(unit.target_url));
            append_field(content, "article_date", clean_segment_text(unit.article_date));
            append_field(content, "article_title", clean_segment_text(unit.article_title));
            append_field(content, "bead", clean_segment_text(unit.bead_type));
            if (!unit.warning.empty()) append_field(content, "warning", clean_segment_text(unit.warning));
            if (unit.reviewed) content += ",\"reviewed\":true";
            if (std::isfinite(unit.score)) {
                content += fmt::format(",\"score\":{:.3f}}}\n", unit.score);
            } else {
                content += ",\"score\":null}\n";
            }
        }
        write_file_atomically(output, content);
        return written;
    }
};

}  // namespace

std::unique_ptr<UnitWriter> make_jsonl_unit_writer() { return std::make_unique<JsonlUnitWriter>(); }

}  // namespace artalign
