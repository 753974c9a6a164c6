// Fuzz target: HTML parsing, profile choice, article extraction and original-link finding on
// arbitrary bytes. Errors from the artalign::Error hierarchy are expected; anything else
// (a crash, a sanitizer report, another exception) is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parse/article_extractor.hpp"
#include "artalign/error.hpp"
#include "parse/html_document.hpp"
#include "parse/original_link.hpp"
#include "parse/site_profile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto profiles = artalign::ProfileRegistry::load_directory(ARTALIGN_FUZZ_DATA "/profiles");
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    try {
        const artalign::HtmlDocument page(html, "fuzz.html");
        const std::string url = artalign::page_url(page, "https://english.hani.co.kr/arti/1.html");
        for (const auto& profile : profiles.profiles()) {
            (void)artalign::find_original_link(page, &profile, url);
            if (profile.matches(page)) (void)artalign::extract_article(page, profile, url);
        }
        (void)artalign::find_original_link(page, nullptr, url);
        (void)artalign::find_refused_original_link(page, nullptr);
    } catch (const artalign::Error&) {
    }
    return 0;
}
