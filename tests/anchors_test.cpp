// Tests for anchor extraction: every kind, and matching across the two languages.
#include "anchor/anchors.hpp"

#include <set>

#include "test_support.hpp"

using namespace artalign;

namespace {

const AnchorExtractor& extractor() {
    static const AnchorExtractor instance = AnchorExtractor::load(test::kData);
    return instance;
}

// Kinds of the source anchors with a key among the target's keys.
std::set<AnchorKind> matched_kinds(const std::string& source, const std::string& target) {
    std::set<std::string> target_keys;
    for (const Anchor& anchor : extractor().target_anchors(target)) target_keys.insert(anchor.keys.begin(), anchor.keys.end());
    std::set<AnchorKind> kinds;
    for (const Anchor& anchor : extractor().source_anchors(source)) {
        for (const std::string& key : anchor.keys) {
            if (target_keys.count(key) != 0) kinds.insert(anchor.kind);
        }
    }
    return kinds;
}

}  // namespace

// 볼턴 is in no lexicon file, so it can only meet "Bolton" as a transliterated name.
TEST_CASE("a translated sentence pair shares numbers, names, Latin tokens, words and marks") {
    const auto kinds = matched_kinds(
        "CNN은 볼턴 보좌관이 지난해 10월5일 협상 결렬에 “실망했다”고 전했다.",
        "Bolton expressed his \"disappointment\" after the collapse of talks on Oct. 5, CNN reported.");
    CHECK(kinds.count(AnchorKind::number) == 1);
    CHECK(kinds.count(AnchorKind::name) == 1);
    CHECK(kinds.count(AnchorKind::latin) == 1);
    CHECK(kinds.count(AnchorKind::word) == 1);
    CHECK(kinds.count(AnchorKind::mark) == 1);
}

TEST_CASE("unrelated sentences share little") {
    const auto kinds = matched_kinds("지진으로 건물 12채가 무너졌다.", "The central bank raised interest rates by 0.25 percent.");
    CHECK(kinds.count(AnchorKind::number) == 0);
    CHECK(kinds.count(AnchorKind::name) == 0);
}

TEST_CASE("anchors of empty text and an extractor without data") {
    CHECK(extractor().source_anchors("").empty());
    CHECK(extractor().target_anchors("   ").empty());
    const AnchorExtractor bare;
    CHECK_FALSE(bare.source_anchors("IBM 직원").empty());  // Latin tokens need no data
    CHECK(std::string(anchor_kind_name(AnchorKind::word)) == "word");
}

TEST_CASE("control characters, invalid UTF-8 and very long numbers do not break extraction") {
    const std::string noisy = std::string("\x01\x02 트럼프\x7F \xFF\xFE CNN 2월 10일 \xE2\x80") + "\t\r\n";
    CHECK_NOTHROW(extractor().source_anchors(noisy));
    CHECK_NOTHROW(extractor().target_anchors(noisy));
    const std::string digits(400, '9');
    CHECK_NOTHROW(extractor().source_anchors(digits + "조 " + digits + "억"));
    CHECK_NOTHROW(extractor().target_anchors(digits + " trillion"));
}

TEST_CASE("an English word no lexicon entry translates to is no word anchor") {
    auto word_keys = [](const std::string& text) {
        std::set<std::string> keys;
        for (const Anchor& anchor : extractor().target_anchors(text)) {
            if (anchor.kind == AnchorKind::word) keys.insert(anchor.keys.begin(), anchor.keys.end());
        }
        return keys;
    };
    CHECK(word_keys("the police") == std::set<std::string>{"w:polic"});  // 경찰 police
    CHECK(word_keys("the zilch") .empty());                             // nothing translates to "zilch"
}

namespace {

std::vector<std::vector<std::string>> keys_of(const AnchorList& anchors) {
    std::vector<std::vector<std::string>> keys;
    for (const Anchor& anchor : anchors) keys.push_back(anchor.keys);
    return keys;
}

}  // namespace

// share() is what each thread of a batch takes: the same anchors from the loaded data, and a
// lexicon entry added to one extractor reaches neither the one it shares with nor the others.
TEST_CASE("a shared extractor gives the same anchors, and learns on its own copy") {
    const std::string korean = "뚜르르 씨는 볼턴 보좌관과 2월 10일 백악관에서 만났다.";
    const std::string english = "Mr. Tururu met Bolton at the White House on Feb. 10.";
    AnchorExtractor loaded = AnchorExtractor::load(test::kData);
    AnchorExtractor shared = loaded.share();
    CHECK(keys_of(shared.source_anchors(korean)) == keys_of(loaded.source_anchors(korean)));
    CHECK(keys_of(shared.target_anchors(english)) == keys_of(loaded.target_anchors(english)));
    CHECK(&shared.lexicon() == &loaded.lexicon());  // shared, not copied

    const std::size_t before = loaded.lexicon().size();
    shared.add_lexicon_entry(U"뚜르르", {U"tururu"});
    CHECK(&shared.lexicon() != &loaded.lexicon());
    CHECK(shared.lexicon().size() == before + 1);
    CHECK(loaded.lexicon().size() == before);
    CHECK(!loaded.lexicon().knows(U"뚜르르"));
    CHECK(shared.lexicon().knows(U"뚜르르"));
}

// A sentence is stored in the extractor's sentence cache at its second sighting and read from
// it at its third: the same anchors each time, among other sentences, and an entry added to the
// lexicon after it was stored is not hidden by the stored anchors.
TEST_CASE("a repeated sentence has the same anchors each time, and an added entry reaches it") {
    AnchorExtractor extractor = AnchorExtractor::load(test::kData);
    const std::string korean = "뚜르르 씨는 볼턴 보좌관과 2월 10일 백악관에서 만났다.";
    const std::string english = "Mr. Tururu met Bolton at the White House on Feb. 10.";
    const auto first_korean = keys_of(extractor.source_anchors(korean));
    const auto first_english = keys_of(extractor.target_anchors(english));
    REQUIRE(first_korean.size() >= 4);
    for (int sighting = 2; sighting <= 4; ++sighting) {
        CAPTURE(sighting);
        extractor.source_anchors("지진으로 건물 12채가 무너졌다.");  // others in between
        extractor.target_anchors("The central bank raised interest rates.");
        CHECK(keys_of(extractor.source_anchors(korean)) == first_korean);
        CHECK(keys_of(extractor.target_anchors(english)) == first_english);
    }
    extractor.add_lexicon_entry(U"뚜르르", {U"tururu"});
    bool word_from_entry = false;
    for (const Anchor& anchor : extractor.source_anchors(korean)) {
        for (const std::string& key : anchor.keys) word_from_entry = word_from_entry || key == "w:tururu";
    }
    CHECK(word_from_entry);
}

// A stem some index entry gives has a number, and its key is kept by it; the same stem from an
// added entry has none. Either way it is one key: an added word meets the English word as an
// indexed one does.
TEST_CASE("a stem from the index and the same stem from an added entry are one key") {
    AnchorExtractor extractor = AnchorExtractor::load(test::kData);
    REQUIRE(extractor.lexicon().uses_index());
    extractor.add_lexicon_entry(U"뚜르르", {U"president"});
    auto word_keys = [](const KeyedAnchors& anchors) {
        std::set<std::uint32_t> keys;
        for (std::size_t a = 0; a < anchors.size(); ++a) {
            if (anchors.kinds[a] != AnchorKind::word) continue;
            for (const std::uint32_t key : anchors.keys_of(a)) keys.insert(key);
        }
        return keys;
    };
    // Added first, then indexed, then the English word, and the other way round.
    for (const bool added_first : {true, false}) {
        extractor.start_document();
        const auto added = word_keys(extractor.keyed_source_anchors(added_first ? "뚜르르" : "대통령"));
        const auto indexed = word_keys(extractor.keyed_source_anchors(added_first ? "대통령" : "뚜르르"));
        const auto english = word_keys(extractor.keyed_target_anchors("president"));
        REQUIRE(english.size() == 1);
        CHECK(added.count(*english.begin()) == 1);
        CHECK(indexed.count(*english.begin()) == 1);
    }
}
