// Choosing batch's and discover's pair source from their arguments.
#include "pair_inputs.hpp"

#include <string>

#include "batch/pair_discovery.hpp"
#include "pipeline/resources_impl.hpp"

namespace artalign::cli {

void add_pair_input_options(ArgumentParser& parser, bool records) {
    parser.add_option("list", 0, "FILE", "the translation pages listed in FILE, one path or URL a line");
    if (records) parser.add_option("records", 0, "FILE", "the pairs named by the JSON records of FILE, one a line");
}

std::unique_ptr<PairSource> open_pair_inputs(const ArgumentParser& parser, const Resources& resources,
                                             const char* usage, std::size_t max_page_bytes) {
    const auto list = parser.option("list");
    const auto records = parser.declares("records") ? parser.option("records") : std::nullopt;
    const auto& positional = parser.positional();
    const int sources = (positional.empty() ? 0 : 1) + (list ? 1 : 0) + (records ? 1 : 0);
    if (sources != 1)
        throw UsageError(std::string("give exactly one of MIRROR_DIR, WARC..., --list") + (parser.declares("records") ? ", --records" : "") +
                         "; usage: " + usage);
    if (parser.option("mirror") && !list) throw UsageError("--mirror goes with --list (a MIRROR_DIR is its own mirror)");
    if (list) {
        std::optional<std::filesystem::path> mirror;
        if (const auto value = parser.option("mirror")) mirror = *value;
        return std::make_unique<PageList>(read_page_list(*list, mirror));
    }
    if (records) return std::make_unique<RequestList>(read_pair_records(*records));
    const ProfileRegistry& profiles = resources.impl().profiles;
    std::error_code error;
    if (positional.size() > 1 || std::filesystem::is_regular_file(positional.front(), error)) {
        const std::vector<std::filesystem::path> warcs(positional.begin(), positional.end());
        return discover_archive_pairs(warcs, profiles, "ko", max_page_bytes);
    }
    return std::make_unique<PageList>(discover_mirror_pairs(positional.front(), profiles));
}

}  // namespace artalign::cli
