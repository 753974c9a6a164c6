// Tests for corpus-level lexicon learning: a co-occurring pair is learned, noise is filtered, results are deterministic.
#include "align/lexicon_learning.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "artalign/error.hpp"
#include "anchor/words.hpp"
#include "test_support.hpp"

using namespace artalign;

namespace {

// A small parallel set: "뭉게구름" ~ "cumulus" in 6 of 24 pairs; "said" in every English
// sentence (frequent noise); "쑥쑥" in 5 pairs with different English words each time.
std::vector<std::pair<std::string, std::string>> synthetic_pairs() {
    const char* fillers_ko[] = {"가나다", "라마바", "사아자", "차카타", "파하거", "너더러"};
    const char* fillers_en[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot"};
    std::vector<std::pair<std::string, std::string>> pairs;
    for (int i = 0; i < 24; ++i) {
        std::string ko = std::string(fillers_ko[i % 6]) + "와 " + fillers_ko[(i + 1) % 6];
        std::string en = std::string(fillers_en[i % 6]) + " and " + fillers_en[(i / 6 + 2) % 6] + " said";
        if (i % 4 == 0) {
            ko += " 뭉게구름이";
            en += " cumulus clouds";
        }
        if (i % 5 == 1) {
            ko += " 쑥쑥";
            en += " word" + std::string(1, static_cast<char>('a' + i));
        }
        pairs.emplace_back(ko, en);
    }
    return pairs;
}

Lexicon base_lexicon() {
    Lexicon base = Lexicon::load_directory(test::kData / "lexicon");
    return base;
}

bool learned(const std::vector<LearnedEntry>& entries, std::u32string_view korean, std::u32string_view english) {
    return std::any_of(entries.begin(), entries.end(),
                       [&](const LearnedEntry& e) { return e.korean == korean && e.english == english; });
}

}  // namespace

TEST_CASE("a pair that co-occurs is learned, with particles stripped") {
    const Lexicon base = base_lexicon();
    LexiconLearner learner(base);
    for (const auto& [ko, en] : synthetic_pairs()) learner.add_pair(ko, en);
    CHECK(learner.pairs() == 24);
    const auto entries = learner.learn();
    CHECK(learned(entries, U"뭉게구름", U"cumulus"));
    const auto it = std::find_if(entries.begin(), entries.end(), [](const LearnedEntry& e) { return e.english == U"cumulus"; });
    REQUIRE(it != entries.end());
    CHECK(it->joint == 6);
    CHECK(it->dice == doctest::Approx(1.0));
    CHECK(it->log_likelihood > 10.83);
}

TEST_CASE("a frequent word everywhere and a word with scattered partners are filtered") {
    const Lexicon base = base_lexicon();
    LexiconLearner learner(base);
    for (const auto& [ko, en] : synthetic_pairs()) learner.add_pair(ko, en);
    const auto entries = learner.learn();
    for (const LearnedEntry& entry : entries) {
        CHECK(entry.english != U"said");
        CHECK(entry.korean != U"쑥쑥");
    }
    // "cloud" co-occurs as often as "cumulus": both may be kept, never more than max_per_word.
    const auto count = std::count_if(entries.begin(), entries.end(),
                                     [](const LearnedEntry& e) { return e.korean == U"뭉게구름"; });
    CHECK(count <= 2);
    LearningOptions one;
    one.max_per_word = 1;
    LexiconLearner strict(base, one);
    for (const auto& [ko, en] : synthetic_pairs()) strict.add_pair(ko, en);
    const auto strict_entries = strict.learn();
    CHECK(std::count_if(strict_entries.begin(), strict_entries.end(),
                        [](const LearnedEntry& e) { return e.korean == U"뭉게구름"; }) == 1);
}

TEST_CASE("pairs the shipped lexicon already has are not learned again") {
    const Lexicon base = base_lexicon();
    LexiconLearner learner(base);
    for (int i = 0; i < 10; ++i) learner.add_pair("대통령은 말했다", "the president spoke");
    for (const LearnedEntry& entry : learner.learn()) CHECK(entry.korean.rfind(U"대통령", 0) != 0);
}

TEST_CASE("learning does not depend on the order of the pairs") {
    const Lexicon base = base_lexicon();
    auto pairs = synthetic_pairs();
    LexiconLearner forward(base);
    for (const auto& [ko, en] : pairs) forward.add_pair(ko, en);
    std::reverse(pairs.begin(), pairs.end());
    LexiconLearner backward(base);
    for (const auto& [ko, en] : pairs) backward.add_pair(ko, en);
    const auto a = forward.learn();
    const auto b = backward.learn();
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].korean == b[i].korean);
        CHECK(a[i].english == b[i].english);
        CHECK(a[i].joint == b[i].joint);
    }
}

TEST_CASE("only confident 1-1 beads of a matched alignment are counted") {
    const Lexicon base = base_lexicon();
    LexiconLearner learner(base);
    const SegmentList source = {{"뭉게구름이", 0}, {"뭉게구름", 0}, {"가나다", 0}};
    const SegmentList target = {{"cumulus", 0}, {"cumulus", 0}, {"alpha", 0}};
    std::vector<Bead> beads = {{{0}, {0}, 0.95}, {{1}, {1}, 0.2}, {{2}, {}, 0.0}};
    CHECK(learner.add_alignment(source, target, beads) == 1);
    CHECK(learner.add_alignment(source, target, beads, true) == 0);
    CHECK(learner.pairs() == 1);
}

TEST_CASE("the log-likelihood ratio is zero under independence and grows with association") {
    CHECK(log_likelihood_ratio(5, 10, 10, 20) == doctest::Approx(0.0));
    CHECK(log_likelihood_ratio(10, 10, 10, 100) > 40.0);
    CHECK(log_likelihood_ratio(3, 2, 10, 20) == 0.0);  // impossible table
}

TEST_CASE("a saved lexicon loads back into an extractor as word anchors") {
    const Lexicon base = base_lexicon();
    LexiconLearner learner(base);
    for (const auto& [ko, en] : synthetic_pairs()) learner.add_pair(ko, en);
    const auto entries = learner.learn();
    const test::ScratchDirectory scratch;
    const auto file = scratch.path() / "learned.tsv";
    save_learned_lexicon(file, entries);
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str().find("뭉게구름\tcumulus") != std::string::npos);

    AnchorExtractor extractor;
    const auto has_cumulus = [&extractor] {
        for (const Anchor& anchor : extractor.source_anchors("뭉게구름이 떴다")) {
            if (anchor.kind == AnchorKind::word &&
                std::find(anchor.keys.begin(), anchor.keys.end(), "w:" + to_utf8(english_stem(U"cumulus"))) != anchor.keys.end())
                return true;
        }
        return false;
    };
    // Asked before the lexicon has the word, then after: the extractor's caches of words and
    // sentences must not keep the old answer.
    CHECK_FALSE(has_cumulus());
    CHECK(load_lexicon_file(file, extractor) >= 1);
    CHECK(has_cumulus());

    test::write_file(scratch.path() / "bad.tsv", "no tab here\n");
    CHECK_THROWS_AS(load_lexicon_file(file.parent_path() / "bad.tsv", extractor), DataError);
    CHECK_THROWS_AS(load_lexicon_file(file.parent_path() / "missing.tsv", extractor), DataError);
}
