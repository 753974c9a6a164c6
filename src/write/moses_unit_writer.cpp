// Moses output: two line-aligned plain-text files, OUTPUT.SRC and OUTPUT.TGT (e.g. corpus.ko
// and corpus.en), line k of one translating line k of the other.
#include <string>

#include "util/atomic_file.hpp"
#include "write/unit_writer.hpp"

namespace artalign {
namespace {

class MosesUnitWriter final : public UnitWriter {
public:
    std::vector<std::filesystem::path> files(const std::filesystem::path& output,
                                             const OutputOptions& options) const override {
        return {output.string() + "." + options.source_language, output.string() + "." + options.target_language};
    }

    // Both files are complete before either is renamed into place, so a failed write leaves
    // both old files; only a failure between the two renames (rare) leaves a mixed pair.
    std::size_t write(const std::filesystem::path& output, const std::vector<TranslationUnit>& units,
                      const OutputOptions& options) const override {
        const auto paths = files(output, options);
        std::string source_lines;
        std::string target_lines;
        std::size_t written = 0;
        for (const TranslationUnit& unit : units) {
            const std::string source = clean_segment_text(unit.source);
            const std::string target = clean_segment_text(unit.target);
            if (source.empty() || target.empty()) continue;
            source_lines += source + '\n';
            target_lines += target + '\n';
            ++written;
        }
        AtomicFile source_file(paths[0]);
        AtomicFile target_file(paths[1]);
        source_file.write(source_lines);
        target_file.write(target_lines);
        source_file.commit();
        target_file.commit();
        return written;
    }
};

}  // namespace

std::unique_ptr<UnitWriter> make_moses_unit_writer() { return std::make_unique<MosesUnitWriter>(); }

}  // namespace artalign
