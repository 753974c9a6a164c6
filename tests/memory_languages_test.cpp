// Tests for the memory's language codes: --srclang/--tgtlang against a pair's languages.
#include "write/memory_languages.hpp"

#include "test_support.hpp"

using namespace artalign;

TEST_CASE("by default the original is the source, with the pair's own codes") {
    const MemoryLanguages languages = choose_memory_languages({}, "ko", "en");
    CHECK_FALSE(languages.reversed);
    CHECK(languages.source == "ko");
    CHECK(languages.target == "en");
}

TEST_CASE("a source in the translation's language turns the pair around") {
    const MemoryLanguages languages = choose_memory_languages({"en-GB", std::nullopt}, "ko", "en");
    CHECK(languages.reversed);
    CHECK(languages.source == "en-GB");
    CHECK(languages.target == "ko");
    CHECK(choose_memory_languages({"EN", "ko-KR"}, "ko", "en").target == "ko-KR");
}

TEST_CASE("regional codes of the original's side keep the order") {
    const MemoryLanguages languages = choose_memory_languages({"ko-KR", "en-US"}, "ko", "en");
    CHECK_FALSE(languages.reversed);
    CHECK(languages.source == "ko-KR");
    CHECK(languages.target == "en-US");
}

TEST_CASE("a code naming neither side, or the source's side as target, is refused with align's message") {
    CHECK_THROWS_WITH_AS(choose_memory_languages({"ja", std::nullopt}, "ko", "en"),
                         "--srclang ja is neither the original's language (ko) nor the translation's (en)",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(choose_memory_languages({std::nullopt, "ko"}, "ko", "en"),
                         "--tgtlang ko does not name the memory's target language (en)", std::invalid_argument);
    CHECK_THROWS_AS(choose_memory_languages({"en", "en"}, "ko", "en"), std::invalid_argument);
}

TEST_CASE("language tag shape and primary subtag") {
    CHECK(plausible_language_tag("ko"));
    CHECK(plausible_language_tag("en-US"));
    CHECK(plausible_language_tag("zh-Hant-TW"));
    CHECK_FALSE(plausible_language_tag("k"));
    CHECK_FALSE(plausible_language_tag("ko KR"));
    CHECK_FALSE(plausible_language_tag("ko-"));
    CHECK_FALSE(plausible_language_tag("12"));
    CHECK(primary_subtag("ko-KR") == "ko");
    CHECK(primary_subtag("EN-gb") == "en");
}
