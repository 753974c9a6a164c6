// TSV output: "source TAB target", one unit a line, no header (what corpus tools read).
#include <string>

#include "write/unit_lines.hpp"
#include "write/unit_writer.hpp"

namespace artalign {
namespace {

class TsvUnitWriter final : public UnitWriter {
public:
    std::vector<std::filesystem::path> files(const std::filesystem::path& output, const OutputOptions&) const override {
        return {output};
    }

    std::size_t write(const std::filesystem::path& output, const std::vector<TranslationUnit>& units,
                      const OutputOptions&) const override {
        return write_unit_lines(output, units, [](const TranslationUnit& unit, std::size_t) { return tsv_line(unit); });
    }
};

}  // namespace

std::unique_ptr<UnitWriter> make_tsv_unit_writer() { return std::make_unique<TsvUnitWriter>(); }

}  // namespace artalign
