// The page-reading options shared by the verbs that read pages, and the limits that protect them.
#include "page_options.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "util/data_directory.hpp"
#include "artalign/error.hpp"
#include "util/limits.hpp"
#include "read/fetcher.hpp"

namespace artalign::cli {

namespace {

// A whole number from 1 to `max`, for options counting seconds or sentences.
std::size_t parse_count(const std::string& text, const char* option, std::size_t max, const char* what) {
    std::size_t value = 0;
    bool valid = !text.empty() && text.size() <= 9 && text.find_first_not_of("0123456789") == std::string::npos;
    if (valid) value = std::stoul(text);
    if (!valid || value == 0 || value > max)
        throw UsageError(fmt::format("--{} takes {} from 1 to {}, not '{}'", option, what, max, text));
    return value;
}

}  // namespace

void add_page_options(ArgumentParser& parser, Fetching fetching, const std::string& mirror_help) {
    const bool on_request = fetching == Fetching::on_request;
    const std::string with_fetch = on_request ? "with --fetch: " : "";
    parser.add_option("mirror", 0, "DIR", mirror_help);
    parser.add_option("profiles", 0, "DIR",
                      "a directory of your own *.profile files, tried before the built-in ones\n"
                      "                               (~/.config/artalign/profiles is always tried too)");
    if (on_request) {
        parser.add_flag("fetch", 0, "fetch pages and originals that are not in the mirror (default: never fetch)");
    } else {
        parser.add_flag("offline", 0, "never fetch: read URLs only from the mirror");
    }
    parser.add_option("cache", 0, "DIR", with_fetch + "where fetched pages are cached (default: ~/.cache/artalign)");
    parser.add_flag("ignore-robots", 0,
                    with_fetch + "fetch pages that the site's robots.txt disallows, and ignore its Crawl-delay");
    parser.add_option("timeout", 0, "SECONDS",
                      with_fetch + "give up on one attempt to fetch a page after this long (default: 30)");
    parser.add_flag("follow-symlinks", 0,
                    "read a page of the mirror even when a symbolic link leads outside the mirror\n"
                    "                               (default: refuse it)");
    parser.add_option("max-page-size", 0, "SIZE",
                      fmt::format("refuse pages larger than this, e.g. 64M or 512K (default: {})",
                                  describe_size(kDefaultMaxPageBytes)));
    parser.add_option("max-fetch-time", 0, "SECONDS",
                      fmt::format("give up on fetching a page after this long, retries and redirects\n"
                                  "                               included (default: {})",
                                  kDefaultMaxFetchTime.count()));
    parser.add_option("max-sentences", 0, "N",
                      fmt::format("refuse articles of more sentences than this (default: {})", kDefaultMaxSentences));
}

std::size_t parse_size(const std::string& text, const char* option) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    std::string suffix = text.substr(digits);
    for (char& c : suffix) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    int shift = -1;
    if (suffix.empty() || suffix == "B") shift = 0;
    else if (suffix == "K" || suffix == "KB") shift = 10;
    else if (suffix == "M" || suffix == "MB") shift = 20;
    else if (suffix == "G" || suffix == "GB") shift = 30;
    const bool valid = digits > 0 && digits <= 12 && shift >= 0;
    const std::uint64_t number = valid ? std::stoull(text.substr(0, digits)) : 0;
    // Past 2^40 bytes (a terabyte) is no limit at all; it also keeps the shift from overflowing.
    if (!valid || number == 0 || number > (std::uint64_t{1} << (40 - shift)))
        throw UsageError(fmt::format("--{} takes a size such as 64M, 512K or 1000000 (bytes), not '{}'", option, text));
    return static_cast<std::size_t>(number << shift);
}

ResourceOptions resource_options(const ArgumentParser& parser) {
    ResourceOptions options;
    if (parser.declares("profiles")) {
        if (const auto profiles = parser.option("profiles")) options.profile_dirs.emplace_back(*profiles);
    }
    if (const auto user = user_profile_directory()) options.profile_dirs.push_back(*user);
    if (parser.declares("lexicon")) {
        if (const auto lexicon = parser.option("lexicon")) options.lexicon_files.emplace_back(*lexicon);
    }
    return options;
}

PipelineOptions page_options(const ArgumentParser& parser) {
    PipelineOptions options;
    // The verb declared either --fetch (Fetching::on_request) or --offline (Fetching::by_default).
    options.allow_network = parser.declares("fetch") ? parser.flag("fetch") : !parser.flag("offline");
    if (const auto cache = parser.option("cache")) {
        options.fetch.cache_dir = *cache;
    } else {
        options.fetch.cache_dir = default_cache_directory();
    }
    options.fetch.ignore_robots = parser.flag("ignore-robots");
    if (const auto timeout = parser.option("timeout"))
        options.fetch.timeout = std::chrono::seconds(parse_count(*timeout, "timeout", 99999, "a whole number of seconds"));
    if (const auto size = parser.option("max-page-size")) options.max_page_bytes = parse_size(*size, "max-page-size");
    if (const auto time = parser.option("max-fetch-time"))
        options.fetch.max_total_time =
            std::chrono::seconds(parse_count(*time, "max-fetch-time", 99999, "a whole number of seconds"));
    options.follow_symlinks = parser.flag("follow-symlinks");
    if (const auto count = parser.option("max-sentences"))
        options.max_sentences = parse_count(*count, "max-sentences", 99'999'999, "a whole number of sentences");
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
            fmt::print(stderr, "artalign: warning: {}: {}\n", escape_control_characters(article->url),
                       escape_control_characters(warning));
    }
}

}  // namespace artalign::cli
