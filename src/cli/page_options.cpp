// The page-reading options shared by `align` and `extract`.
#include "page_options.hpp"

#include <fmt/format.h>

#include <chrono>
#include <string>

#include "artalign/data_directory.hpp"

namespace artalign::cli {

void add_page_options(ArgumentParser& parser) {
    parser.add_option("mirror", 0, "DIR", "root of a local site mirror (host/path tree) to resolve links in");
    parser.add_option("profiles", 0, "DIR",
                      "a directory of your own *.profile files, tried before the built-in ones\n"
                      "                               (~/.config/artalign/profiles is always tried too)");
    parser.add_flag("offline", 0, "never fetch: read URLs only from the mirror");
    parser.add_option("cache", 0, "DIR", "where fetched pages are cached (default: ~/.cache/artalign)");
    parser.add_option("timeout", 0, "SECONDS", "give up on a fetch after this long (default: 30)");
}

PipelineOptions page_options(const ArgumentParser& parser) {
    PipelineOptions options;
    if (const auto profiles = parser.option("profiles")) options.profile_dirs.push_back(*profiles);
    if (const auto user = user_profile_directory()) options.profile_dirs.push_back(*user);
    options.allow_network = !parser.flag("offline");
    if (const auto cache = parser.option("cache")) {
        options.fetch.cache_dir = *cache;
    } else {
        options.fetch.cache_dir = default_cache_directory();
    }
    if (const auto timeout = parser.option("timeout")) {
        if (timeout->empty() || timeout->size() > 5 || timeout->find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(*timeout) == 0)
            throw UsageError("--timeout takes a whole number of seconds, not '" + *timeout + "'");
        options.fetch.timeout = std::chrono::seconds(std::stoi(*timeout));
    }
    return options;
}

std::optional<std::filesystem::path> mirror_option(const ArgumentParser& parser) {
    if (const auto mirror = parser.option("mirror")) return std::filesystem::path(*mirror);
    return std::nullopt;
}

PairInput pair_input(const ArgumentParser& parser, const char* usage) {
    if (parser.positional().empty()) throw UsageError(std::string("missing EN_PAGE; usage: ") + usage);
    PairInput input;
    input.translation_page = parser.positional()[0];
    if (parser.positional().size() > 1) input.original_page = parser.positional()[1];
    input.mirror_root = mirror_option(parser);
    return input;
}

void print_page_warnings(const AlignedPair& pair) {
    for (const Article* article : {&pair.translation, &pair.original}) {
        for (const std::string& warning : article->warnings)
            fmt::print(stderr, "artalign: warning: {}: {}\n", article->url, warning);
    }
}

}  // namespace artalign::cli
