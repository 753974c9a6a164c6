// Tests for the coverage report: locations, omitted paragraphs, verdicts, JSON.
#include "report/coverage_report.hpp"

#include "test_support.hpp"

using namespace artalign;

namespace {

// A small pair built by hand: title + 3 body paragraphs in the original, title + 2 in the translation.
AlignedPair hand_made_pair() {
    AlignedPair pair;
    pair.original.title = "제목";
    pair.original.paragraphs = {"첫 문단.", "둘째 문단 첫 문장. 둘째 문장.", "셋째 문단."};
    pair.translation.title = "Title";
    pair.translation.paragraphs = {"First paragraph.", "Second paragraph, first sentence."};
    pair.original_segments = {{"제목", 0}, {"첫 문단.", 1}, {"둘째 문단 첫 문장.", 2}, {"둘째 문장.", 2}, {"셋째 문단.", 3}};
    pair.translation_segments = {{"Title", 0}, {"First paragraph.", 1}, {"Second paragraph, first sentence.", 2}};
    const auto bead = [](std::vector<std::size_t> source, std::vector<std::size_t> target, double score) {
        Bead b;
        b.source = std::move(source);
        b.target = std::move(target);
        b.score = score;
        return b;
    };
    pair.beads = {bead({0}, {0}, 0.9), bead({1}, {1}, 0.2), bead({2}, {2}, 0.8), bead({3}, {}, 0.0), bead({4}, {}, 0.0)};
    pair.coverage = compute_coverage(pair.original_segments, pair.beads);
    return pair;
}

}  // namespace

TEST_CASE("untranslated sentences are located by paragraph and sentence; omitted paragraphs counted") {
    const AlignedPair pair = hand_made_pair();
    const CoverageReport report = build_coverage_report(pair);
    REQUIRE(report.untranslated.size() == 2);
    CHECK(report.untranslated[0].place == "paragraph 2, sentence 2");
    CHECK(report.untranslated[0].paragraph == 2);
    CHECK(report.untranslated[0].sentence == 2);
    CHECK(report.untranslated[0].text == "둘째 문장.");
    CHECK(report.untranslated[1].place == "paragraph 3, sentence 1");
    CHECK(report.source_paragraphs == 3);
    CHECK(report.omitted_paragraphs == 1);  // paragraph 2 is partly covered, paragraph 3 not at all
    CHECK(report.weak_beads == std::vector<std::size_t>{1});
    CHECK_FALSE(report.likely_not_translation);
    CHECK(report.verdict.rfind("abridged translation: ", 0) == 0);
    CHECK(report.verdict.find("1 paragraph omitted") != std::string::npos);
    CHECK(report.warnings.empty());
}

TEST_CASE("a full translation says so; a mismatched pair warns instead of giving a verdict on coverage") {
    AlignedPair pair = hand_made_pair();
    pair.beads = {};
    for (std::size_t k = 0; k < 3; ++k) {
        Bead bead;
        bead.source = {k};
        bead.target = {k};
        bead.score = 0.9;
        pair.beads.push_back(bead);
    }
    pair.original_segments.resize(3);  // drop the two sentences no bead covers now
    pair.coverage = compute_coverage(pair.original_segments, pair.beads);
    CHECK(build_coverage_report(pair).verdict == "full translation: 100% of the original by characters");

    pair.mismatched = true;  // the aligner's verdict, e.g. from weak scores and no anchors
    pair.alignment_score = 0.1;
    const CoverageReport weak = build_coverage_report(pair);
    CHECK(weak.likely_not_translation);
    CHECK(weak.verdict.rfind("probably not a translation", 0) == 0);
    CHECK(weak.warnings.size() == 1);
}

TEST_CASE("mostly translation-only sentences mean probably not a translation") {
    AlignedPair pair = hand_made_pair();
    pair.translation_segments.push_back({"Unrelated one.", 3});
    pair.translation_segments.push_back({"Unrelated two.", 3});
    pair.translation_segments.push_back({"Unrelated three.", 3});
    Bead added;
    added.target = {3, 4, 5};
    pair.beads.push_back(added);  // 3 of 6 translation sentences have no counterpart
    const CoverageReport report = build_coverage_report(pair);
    CHECK(report.additions.size() == 3);
    CHECK(report.likely_not_translation);
}

TEST_CASE("the JSON report holds the figures, the lists and every bead") {
    const AlignedPair pair = hand_made_pair();
    const std::string json = coverage_report_json(pair, build_coverage_report(pair), 0);
    CHECK(json.rfind("{\"schema\":\"artalign-coverage/1\",\"original\":{", 0) == 0);
    CHECK(json.find("\"source_sentences\":5") != std::string::npos);
    CHECK(json.find("\"untranslated_sentences\":2") != std::string::npos);
    CHECK(json.find("\"omitted_paragraphs\":1") != std::string::npos);
    CHECK(json.find("\"place\":\"paragraph 3, sentence 1\"") != std::string::npos);
    CHECK(json.find("{\"type\":\"1-0\",\"source\":[4],\"target\":[],\"score\":0}") != std::string::npos);
    CHECK(json.find('\n') == std::string::npos);
}
