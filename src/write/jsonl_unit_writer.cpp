// JSON Lines output: one JSON object a unit, carrying the same metadata as the TMX props.
#include <string>

#include "write/unit_lines.hpp"
#include "write/unit_writer.hpp"

namespace artalign {
namespace {

class JsonlUnitWriter final : public UnitWriter {
public:
    std::vector<std::filesystem::path> files(const std::filesystem::path& output, const OutputOptions&) const override {
        return {output};
    }

    // Keys: see jsonl_line (write/unit_lines.hpp).
    std::size_t write(const std::filesystem::path& output, const std::vector<TranslationUnit>& units,
                      const OutputOptions& options) const override {
        const std::string created = tmx_timestamp(options.created);
        return write_unit_lines(output, units, [&](const TranslationUnit& unit, std::size_t tuid) {
            return jsonl_line(unit, tuid, created, options.source_language, options.target_language);
        });
    }
};

}  // namespace

std::unique_ptr<UnitWriter> make_jsonl_unit_writer() { return std::make_unique<JsonlUnitWriter>(); }

}  // namespace artalign
