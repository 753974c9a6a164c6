// JSON Lines output: one JSON object a unit, carrying the same metadata as the TMX props.
#include <string>

#include "util/atomic_file.hpp"
#include "util/json_writer.hpp"
#include "write/unit_writer.hpp"

namespace artalign {
namespace {

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
            JsonWriter json;
            json.begin_object().key("tuid").value(written);
            json.key("creationdate").value(created);
            json.key("source_lang").value(options.source_language);
            json.key("target_lang").value(options.target_language);
            json.key("source").value(source);
            json.key("target").value(target);
            json.key("source_url").value(clean_segment_text(unit.source_url));
            json.key("target_url").value(clean_segment_text(unit.target_url));
            json.key("article_date").value(clean_segment_text(unit.article_date));
            json.key("article_title").value(clean_segment_text(unit.article_title));
            json.key("bead").value(clean_segment_text(unit.bead_type));
            if (!unit.warning.empty()) json.key("warning").value(clean_segment_text(unit.warning));
            if (unit.reviewed) json.key("reviewed").value(true);
            json.key("score").fixed(unit.score, 3);  // null when not a number
            content += json.end_object().str();
            content.push_back('\n');
        }
        write_file_atomically(output, content);
        return written;
    }
};

}  // namespace

std::unique_ptr<UnitWriter> make_jsonl_unit_writer() { return std::make_unique<JsonlUnitWriter>(); }

}  // namespace artalign
