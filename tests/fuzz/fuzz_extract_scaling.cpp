// Fuzz target: extraction time against page size. The input is one block of HTML; the page is
// that block repeated (a site template gone wrong, or a hostile page), parsed and extracted with
// every shipped profile and the generic extractor, at 8 and at 32 copies. Unclosed tags in the
// block make each copy nest inside the one before, the shape that once made extraction
// exponential. A finding: 4 times the copies costing more than 64 times the processor time
// (worse than cubic) beyond a 1 s allowance for noise, or libFuzzer's -timeout.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <ctime>
#include <string>
#include <string_view>

#include "parse/article_extractor.hpp"
#include "artalign/error.hpp"
#include "parse/generic_extractor.hpp"
#include "parse/html_document.hpp"
#include "parse/original_link.hpp"
#include "parse/site_profile.hpp"

namespace {

constexpr std::size_t kMaxBlock = 4096;

void extract_everything(const std::string& html) {
    static const auto profiles = artalign::ProfileRegistry::load_directory(ARTALIGN_FUZZ_DATA "/profiles");
    static const auto rules = artalign::GenericRules::load(ARTALIGN_FUZZ_DATA "/generic.rules");
    try {
        const artalign::HtmlDocument page(html, "scaling.html");
        const std::string url = artalign::page_url(page, "https://english.hani.co.kr/arti/1.html");
        for (const auto& profile : profiles.profiles()) {
            try {
                if (profile.matches(page)) (void)artalign::extract_article(page, profile, url);
            } catch (const artalign::Error&) {
            }
        }
        (void)artalign::find_original_link(page, nullptr, url);
        (void)artalign::extract_generic(page, rules, url);
    } catch (const artalign::Error&) {
    }
}

double seconds_to_extract(std::string_view block, int copies) {
    std::string html = "<html><head><title>Repeated</title></head><body>";
    for (int k = 0; k < copies; ++k) html += block;
    html += "</body></html>";
    const std::clock_t start = std::clock();
    extract_everything(html);
    return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view block(reinterpret_cast<const char*>(data), size < kMaxBlock ? size : kMaxBlock);
    // The better of two runs each, and a cubic bound with a 1 s allowance: a loaded machine (CI
    // runs this beside other work, under ASan) once made 32 copies look 29 times slower than 8
    // on a linear page, while the exponential path this guards against costs orders of magnitude.
    const double small = std::min(seconds_to_extract(block, 8), seconds_to_extract(block, 8));
    double large = seconds_to_extract(block, 32);
    if (large > 64 * small + 1.0) large = std::min(large, seconds_to_extract(block, 32));
    if (large > 64 * small + 1.0) {
        std::fprintf(stderr, "extraction of 32 copies took %.3f s, of 8 copies %.3f s: worse than cubic\n", large,
                     small);
        std::abort();
    }
    return 0;
}
