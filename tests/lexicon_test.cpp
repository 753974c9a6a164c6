// Tests for the Korean-English lexicon: loading, particle stripping, compounds, stop words.
#include "anchor/lexicon.hpp"

#include <algorithm>

#include "artalign/error.hpp"
#include "test_support.hpp"
#include "util/text.hpp"

using namespace artalign;

namespace {

bool has(const std::vector<std::u32string>& list, std::u32string_view word) {
    return std::find(list.begin(), list.end(), english_stem(word)) != list.end();
}

}  // namespace

TEST_CASE("the shipped lexicon finds words behind particles and endings") {
    const Lexicon lexicon = Lexicon::load_directory(test::kData / "lexicon");
    CHECK(lexicon.size() > 5000);
    CHECK(has(lexicon.translations(U"대통령은"), U"president"));
    CHECK(has(lexicon.translations(U"정부의"), U"government"));
    CHECK(has(lexicon.translations(U"발표했다"), U"announce"));
    CHECK(has(lexicon.translations(U"선거에서"), U"election"));
    CHECK(lexicon.knows(U"경제가"));
}

TEST_CASE("one syllable before a form of 하다 is the verb, not the noun") {
    test::ScratchDirectory scratch;
    std::filesystem::copy_file(test::kData / "lexicon" / "ko.suffixes", scratch.path() / "ko.suffixes");
    test::write_file(scratch.path() / "words.tsv", "원\twon\n원하다\twant\n달\tmoon\n");
    const Lexicon lexicon = Lexicon::load_directory(scratch.path());
    CHECK(has(lexicon.translations(U"원했다"), U"want"));
    CHECK_FALSE(has(lexicon.translations(U"원했다"), U"won"));
    CHECK(lexicon.translations(U"달했다").empty());  // 달하다 not listed: not "moon" either
    CHECK(has(lexicon.translations(U"원"), U"won"));
    CHECK(has(lexicon.translations(U"원을"), U"won"));  // a particle is not a form of 하다
}

TEST_CASE("unknown solid compounds are split into known parts") {
    Lexicon lexicon;
    lexicon.add(U"핵무기", {U"nuclear", U"weapon"});
    lexicon.add(U"실험", {U"test"});
    const auto english = lexicon.translations(U"핵무기실험");
    CHECK(has(english, U"weapon"));
    CHECK(has(english, U"test"));
    CHECK(lexicon.translations(U"모르는말").empty());
}

TEST_CASE("a compound's parts are found in a long run of syllables, the longest headword too") {
    // Parts are tried no longer than the longest headword: a run of thousands of syllables (one
    // "word" to the splitter) is searched in time linear in its length, not cubic.
    std::u32string filler;
    for (int k = 0; k < 4000; ++k) filler += static_cast<char32_t>(0xAC00 + (k * 7919) % 11172);
    const std::u32string longest = U"가나다라마바사아자차카타파하";  // 14 syllables
    auto check = [&](const Lexicon& lexicon) {
        const auto english = lexicon.translations(filler + U"핵무기" + filler + longest + U"실험");
        CHECK(has(english, U"weapon"));
        CHECK(has(english, U"alphabet"));
        CHECK(has(english, U"test"));
    };
    Lexicon added;
    added.add(U"핵무기", {U"nuclear", U"weapon"});
    added.add(U"실험", {U"test"});
    added.add(longest, {U"alphabet"});
    check(added);

    // The same from an index, which records its longest headword.
    test::ScratchDirectory scratch;
    std::filesystem::copy_file(test::kData / "lexicon" / "ko.suffixes", scratch.path() / "ko.suffixes");
    test::write_file(scratch.path() / "words.tsv", "핵무기\tnuclear weapon\n실험\ttest\n" + to_utf8(longest) + "\talphabet\n");
    Lexicon::load_directory(scratch.path(), {}).write_index(scratch.path() / Lexicon::kIndexFileName);
    const Lexicon indexed = Lexicon::load_directory(scratch.path());
    REQUIRE(indexed.uses_index());
    check(indexed);
}

TEST_CASE("stop words are never anchors on either side") {
    const Lexicon lexicon = Lexicon::load_directory(test::kData / "lexicon");
    CHECK(lexicon.translations(U"이").empty());  // "this", whatever the list says of 이 "two"
    CHECK(lexicon.english_key(U"the").empty());
    CHECK(lexicon.english_key(U"Elections") == english_stem(U"election"));
}

// The buffer call is cleared first, and each stem carries its number among the index's stems
// (the anchors keep a stem's key by it); a lexicon parsed from its TSVs numbers none.
TEST_CASE("translations into a reused buffer carry the index's stem numbers, and English keys reuse theirs") {
    const Lexicon lexicon = Lexicon::load_directory(test::kData / "lexicon");
    const Lexicon parsed = Lexicon::load_directory(test::kData / "lexicon", {});
    REQUIRE(lexicon.uses_index());
    REQUIRE_FALSE(parsed.uses_index());
    CHECK(parsed.numbered_stems() == 0);
    std::vector<Lexicon::Translation> found{{U"left over", 0}};
    std::vector<Lexicon::Translation> found_parsed;
    std::size_t numbered = 0;
    for (const std::u32string word : {U"대통령은", U"원했다", U"달했다", U"핵전쟁", U"이", U"모르는말", U""}) {
        lexicon.translations(word, found);
        parsed.translations(word, found_parsed);
        REQUIRE(found.size() == found_parsed.size());
        for (std::size_t k = 0; k < found.size(); ++k) {
            CHECK(lexicon.stem_text(found[k]) == found_parsed[k].stem);
            CHECK(found_parsed[k].number == Lexicon::kUnnumbered);
            CHECK(found[k].number < lexicon.numbered_stems());
            CHECK(lexicon.translation_number(lexicon.stem_text(found[k])) == found[k].number);
            ++numbered;
        }
    }
    CHECK(numbered >= 4);  // 대통령은, 원했다 and the two parts of 핵전쟁 at least
    CHECK(lexicon.translation_number(U"zzzz-not-a-stem") == std::nullopt);
    CHECK(parsed.translation_number(lexicon.english_key(U"president")) == Lexicon::kUnnumbered);
    std::u32string key = U"left over";
    for (const std::u32string_view word : {U"Elections", U"the", U"The", U"a", U"re-election", U"announced"}) {
        lexicon.english_key(word, key);
        CHECK(key == lexicon.english_key(word));
    }
    CHECK(lexicon.is_korean_stopword(U"이"));
    CHECK_FALSE(lexicon.is_korean_stopword(U"대통령"));
}

TEST_CASE("a lexicon line without a tab is a data error naming the file") {
    test::ScratchDirectory scratch;
    test::write_file(scratch.path() / "bad.tsv", "대통령 president\n");
    CHECK_THROWS_AS(Lexicon::load_directory(scratch.path()), DataError);
    try {
        Lexicon::load_directory(scratch.path());
    } catch (const DataError& error) {
        CHECK(std::string(error.what()).find("bad.tsv") != std::string::npos);
    }
}
