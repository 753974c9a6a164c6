// TSV output: "source TAB target", one unit a line, no header (what corpus tools read).
#include <string>

#include "util/atomic_file.hpp"
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
        std::string content;
        std::size_t written = 0;
        for (const TranslationUnit& unit : units) {
            const std::string line = tsv_line(unit);
            if (line.empty()) continue;
            content += line;
            ++written;
        }
        write_file_atomically(output, content);
        return written;
    }
};

}  // namespace

std::unique_ptr<UnitWriter> make_tsv_unit_writer() { return std::make_unique<TsvUnitWriter>(); }

}  // namespace artalign
