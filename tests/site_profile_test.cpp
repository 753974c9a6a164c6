// Tests for loading site profiles and choosing one for a page.
#include "parse/site_profile.hpp"

#include "artalign/error.hpp"
#include "parse/html_document.hpp"
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

TEST_CASE("every layout's profile recognises its own sample and no other's") {
    const auto registry = ProfileRegistry::load_directory(test::kData / "profiles");
    const std::pair<const char*, const char*> samples[] = {
        {"english.hani.co.kr/arti/english_edition/e_international/928034.html", "hani-english-desktop"},
        {"english.hani.co.kr/arti/english_edition/e_northkorea/450321.html", "hani-english-desktop"},
        {"english.hani.co.kr/arti/english_edition/e_national/1068251.html", "hani-english-mobile"},
        {"www.hani.co.kr/arti/international/america/927886.html", "hani-korean"},
        {"www.hani.co.kr/arti/society/society_general/1067990.html", "hani-korean-2022"},
        {"www.hani.co.kr/arti/politics/defense/450298.html", "hani-korean-legacy"},
    };
    for (const auto& [file, expected] : samples) {
        CAPTURE(file);
        const HtmlDocument page(test::read_file(test::kSamples / "mirror" / file), file);
        const SiteProfile* profile = registry.find(page, "");
        REQUIRE(profile != nullptr);
        CHECK(profile->name == expected);
        int matching = 0;
        for (const SiteProfile& candidate : registry.profiles()) matching += candidate.matches(page) ? 1 : 0;
        CHECK(matching == 1);
    }
    const HtmlDocument generic(
        test::read_file(test::kSamples / "mirror/en.harbourdaily.example/news/2023/0315/e1234.html"), "generic.html");
    CHECK(registry.find(generic, "en.harbourdaily.example") == nullptr);
}

TEST_CASE("profiles from several directories: earlier directories first, each must exist") {
    ScratchDirectory scratch;
    test::write_file(scratch.path() / "mine.profile",
                     "name = mine\nlanguage = en\nhost = english.hani.co.kr\nmatch = //div[@class='article-contents']\nbody = //div\n");
    const auto registry = ProfileRegistry::load_directories({scratch.path(), test::kData / "profiles"});
    REQUIRE(registry.profiles().size() > 1);
    CHECK(registry.profiles().front().name == "mine");
    const HtmlDocument english(test::read_file(test::kEnglishSample), "en.html");
    CHECK(registry.find(english, "english.hani.co.kr")->name == "mine");
    CHECK_THROWS_WITH_AS(ProfileRegistry::load_directories({scratch.path() / "none"}),
                         ((scratch.path() / "none").string() + ": is not a directory of site profiles").c_str(),
                         DataError);
    const auto empty = scratch.path() / "empty";
    std::filesystem::create_directories(empty);
    CHECK_THROWS_WITH_AS(ProfileRegistry::load_directories({empty}),
                         (empty.string() + ": no site profiles (*.profile) found").c_str(), DataError);
}

TEST_CASE("a profile's broken XPath or regular expression is an error naming the file and line, at load") {
    test::ScratchDirectory scratch;
    const auto file = scratch.path() / "broken.profile";
    test::write_file(file, "name = broken\nlanguage = en\n# the layout\nmatch = //div[@class='story-body'\nbody = //div\n");
    CHECK_THROWS_WITH_AS(SiteProfile::load(file),
                         (file.string() + ":4: invalid XPath expression for 'match' (libxml2: Invalid predicate): "
                                          "//div[@class='story-body'")
                             .c_str(),
                         DataError);
    test::write_file(file, "name = broken\nlanguage = en\nbody = //div\ncaption = //p[\n");
    CHECK_THROWS_WITH_AS(SiteProfile::load(file),
                         (file.string() + ":4: invalid XPath expression for 'caption' (libxml2: Invalid expression): //p[")
                             .c_str(),
                         DataError);
    test::write_file(file, "name = broken\nlanguage = en\nbody = //div\nbyline_paragraph = ^By (\n");
    CHECK_THROWS_WITH_AS(SiteProfile::load(file),
                         (file.string() + ":4: invalid regular expression for 'byline_paragraph' (ICU: "
                                          "U_REGEX_MISMATCHED_PAREN at offset 5): ^By (")
                             .c_str(),
                         DataError);
}
