// TSV and JSONL streams (one line a unit, appended to an AtomicFile), and the format table.
#include "write/unit_stream.hpp"

#include <stdexcept>

#include "util/atomic_file.hpp"
#include "write/tmx_stream_writer.hpp"
#include "write/unit_lines.hpp"

namespace artalign {
namespace {

class LineStream final : public UnitStream {
public:
    LineStream(bool jsonl, const std::filesystem::path& output, const TmxOptions& options)
        : jsonl_(jsonl), file_(output), options_(options), created_(tmx_timestamp(options.created)) {}

    void set_languages(const std::string& source_language, const std::string& target_language) override {
        if (written_ > 0) throw std::logic_error("LineStream::set_languages after the first unit");
        options_.source_language = source_language;
        options_.target_language = target_language;
    }

    bool add(const TranslationUnit& unit) override {
        const std::string line = jsonl_ ? jsonl_line(unit, written_ + 1, created_, options_.source_language,
                                                     options_.target_language)
                                        : tsv_line(unit);
        if (line.empty()) return false;
        file_.append(line);
        ++written_;
        return true;
    }

    void finish() override {
        if (finished_) return;
        file_.sync();
        finished_ = true;
    }

    void commit() override {
        finish();
        file_.commit();
    }

private:
    bool jsonl_;
    AtomicFile file_;
    TmxOptions options_;
    std::string created_;
    std::size_t written_ = 0;
    bool finished_ = false;
};

}  // namespace

std::vector<std::string> unit_stream_formats() { return {"tmx", "tsv", "jsonl"}; }

std::unique_ptr<UnitStream> open_unit_stream(std::string_view format, const std::filesystem::path& output,
                                             const TmxOptions& options) {
    if (format == "tmx") return std::make_unique<TmxStreamWriter>(output, options);
    if (format == "tsv" || format == "jsonl") return std::make_unique<LineStream>(format == "jsonl", output, options);
    return nullptr;
}

}  // namespace artalign
