// Tests for loading site profiles and choosing one for a page.
#include "artalign/site_profile.hpp"

#include "artalign/error.hpp"
#include "artalign/html_document.hpp"
#include "test_support.hpp"

using namespace artalign;
using artalign::test::ScratchDirectory;

TEST_CASE("the shipped profiles load and pick the right layout for each sample") {
    const auto registry = ProfileRegistry::load_directory(test::kData / "profiles");
    CHECK(registry.profiles().size() >= 2);
    const HtmlDocument english(test::read_file(test::kEnglishSample), "en.html");
    const HtmlDocument korean(test::read_file(test::kKoreanSample), "ko.html");
    REQUIRE(registry.find(english, "english.hani.co.kr") != nullptr);
    CHECK(registry.find(english, "english.hani.co.kr")->name == "hani-english-desktop");
    CHECK(registry.find(korean, "www.hani.co.kr")->name == "hani-korean");
    // The layout decides even when the host is unknown (a page saved without its URL).
    CHECK(registry.find(korean, "")->name == "hani-korean");
    const HtmlDocument other("<html><body><p>Not a news page</p></body></html>", "other.html");
    CHECK(registry.find(other, "example.com") == nullptr);
}

TEST_CASE("a malformed profile is an error naming the file and line") {
    ScratchDirectory scratch;
    const auto file = scratch.path() / "bad.profile";
    test::write_file(file, "name = x\nlanguage = en\nbody = //div\nthis line has no equals sign\n");
    CHECK_THROWS_WITH_AS(SiteProfile::load(file), (file.string() + ":4: expected 'key = value'").c_str(), DataError);
    test::write_file(file, "name = x\ncolour = blue\n");
    CHECK_THROWS_WITH_AS(SiteProfile::load(file), (file.string() + ":2: unknown key 'colour'").c_str(), DataError);
    test::write_file(file, "name = x\nlanguage = en\n");
    CHECK_THROWS_WITH_AS(SiteProfile::load(file), (file.string() + ": profile has no 'body'").c_str(), DataError);
    CHECK_THROWS_AS(ProfileRegistry::load_directory(scratch.path() / "none"), DataError);
}
