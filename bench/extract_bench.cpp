// Extraction benchmark: pages per second and MB/s of HTML for artalign's whole extraction
// (charset decoding, parse, profile choice, extraction, original link) against libxml2's bare
// HTML parse of the same bytes. Usage: extract_bench DATA_DIR SECONDS PAGE...
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "artalign/error.hpp"
#include "read/page_source.hpp"
#include "artalign/pipeline.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Rate {
    double pages_per_second;
    double megabytes_per_second;
};

// Runs `work` over every page, round after round, for at least `seconds`.
template <typename Work>
Rate measure(const std::vector<artalign::Page>& pages, double seconds, Work work) {
    std::size_t done = 0, bytes = 0;
    const auto start = Clock::now();
    std::chrono::duration<double> elapsed{0};
    while (elapsed.count() < seconds) {
        for (const artalign::Page& page : pages) {
            work(page);
            ++done;
            bytes += page.content.size();
        }
        elapsed = Clock::now() - start;
    }
    return {static_cast<double>(done) / elapsed.count(), static_cast<double>(bytes) / 1e6 / elapsed.count()};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fputs("usage: extract_bench DATA_DIR SECONDS PAGE...\n", stderr);
        return 2;
    }
    try {
        const artalign::Pipeline pipeline(argv[1]);
        const double seconds = std::atof(argv[2]);
        std::vector<artalign::Page> pages;
        std::size_t total = 0;
        for (int k = 3; k < argc; ++k) {
            pages.push_back(artalign::read_page_file(argv[k]));
            total += pages.back().content.size();
        }
        const Rate parse = measure(pages, seconds, [](const artalign::Page& page) {
            xmlDoc* doc = htmlReadMemory(page.content.data(), static_cast<int>(page.content.size()), nullptr, nullptr,
                                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                             HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS);
            xmlFreeDoc(doc);
        });
        std::size_t failures = 0;
        const Rate extract = measure(pages, seconds, [&](const artalign::Page& page) {
            try {
                pipeline.extract_bytes(page.content, page.location);
            } catch (const artalign::Error&) {
                ++failures;
            }
        });
        std::printf("pages: %zu (%.1f KB in all)\n", pages.size(), static_cast<double>(total) / 1e3);
        std::printf("libxml2 parse only : %9.1f pages/s %8.2f MB/s\n", parse.pages_per_second, parse.megabytes_per_second);
        std::printf("artalign extraction: %9.1f pages/s %8.2f MB/s (%.1fx the parse time)\n", extract.pages_per_second,
                    extract.megabytes_per_second, parse.pages_per_second / extract.pages_per_second);
        if (failures > 0) std::printf("extraction failures: %zu\n", failures);
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "extract_bench: %s\n", error.what());
        return 1;
    }
}
