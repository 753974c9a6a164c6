// TSV and JSONL lines of one unit.
#include "write/unit_lines.hpp"

#include "util/atomic_file.hpp"
#include "util/json_writer.hpp"

namespace artalign {

std::string tsv_line(const TranslationUnit& unit) {
    const std::string source = clean_segment_text(unit.source);
    const std::string target = clean_segment_text(unit.target);
    if (source.empty() || target.empty()) return {};
    return source + '\t' + target + '\n';
}

std::string jsonl_line(const TranslationUnit& unit, std::size_t tuid, const std::string& created,
                       const std::string& source_language, const std::string& target_language) {
    const std::string source = clean_segment_text(unit.source);
    const std::string target = clean_segment_text(unit.target);
    if (source.empty() || target.empty()) return {};
    JsonWriter json;
    json.begin_object().key("tuid").value(tuid);
    json.key("creationdate").value(created);
    json.key("source_lang").value(source_language);
    json.key("target_lang").value(target_language);
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
    return json.end_object().str() + '\n';
}

std::size_t write_unit_lines(const std::filesystem::path& output, const std::vector<TranslationUnit>& units,
                             const std::function<std::string(const TranslationUnit&, std::size_t)>& line_of) {
    std::string content;
    std::size_t written = 0;
    for (const TranslationUnit& unit : units) {
        const std::string line = line_of(unit, written + 1);
        if (line.empty()) continue;
        content += line;
        ++written;
    }
    write_file_atomically(output, content);
    return written;
}

}  // namespace artalign
