// Fuzz target: extraction time against page size. The input is one block of HTML; the page is
// that block repeated (a site template gone wrong, or a hostile page), parsed and extracted with
// every shipped profile and the generic extractor, at 8 and at 32 copies. Unclosed tags in the
// block make each copy nest inside the one before, the shape that once made extraction
// exponential. A finding: 4 times the copies costing more than 16 times the processor time
// (worse than quadratic) beyond a 0.25 s allowance for noise, or libFuzzer's -timeout.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <ctime>
#include <string>
#include <string_view>

#include "artalign/article_extractor.hpp"
#include "artalign/error.hpp"
#include "artalign/generic_extractor.hpp"
#include "artalign/html_document.hpp"
#include "artalign/original_link.hpp"
#include "artalign/site_profile.hpp"

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
    const double small = seconds_to_extract(block, 8);
    const double large = seconds_to_extract(block, 32);
    if (large > 16 * small + 0.25) {
        std::fprintf(stderr, "extraction of 32 copies took %.3f s, of 8 copies %.3f s: worse than quadratic\n", large,
                     small);
        std::abort();
    }
    return 0;
}
