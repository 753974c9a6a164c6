// Tests for coverage counting.
#include "align/coverage.hpp"

#include "test_support.hpp"

using namespace artalign;

TEST_CASE("coverage counts sentences and non-space characters in bilingual beads") {
    const SegmentList source = {{"가나다 라", 0}, {"마바", 0}, {"사아자차", 1}};
    std::vector<Bead> beads(3);
    beads[0].source = {0};
    beads[0].target = {0};
    beads[1].source = {1};  // untranslated
    beads[2].source = {2};
    beads[2].target = {1, 2};
    std::vector<Bead> with_addition = beads;
    Bead addition;
    addition.target = {3};
    with_addition.push_back(addition);

    const CoverageSummary summary = compute_coverage(source, with_addition);
    CHECK(summary.source_sentences == 3);
    CHECK(summary.covered_sentences == 2);
    CHECK(summary.source_chars == 10);
    CHECK(summary.covered_chars == 8);
    CHECK(summary.untranslated == 1);
    CHECK(summary.additions == 1);
    CHECK(summary.units == 2);
    CHECK(summary.char_share() == doctest::Approx(0.8));
    CHECK(summary.one_line("Korean", "English") ==
          "coverage: 2/3 Korean sentences (66.7%) and 80.0% of characters have a counterpart in English; "
          "1 untranslated, 1 English-only; 2 units");
}

TEST_CASE("an empty original has zero coverage, not a division by zero") {
    const CoverageSummary summary = compute_coverage({}, {});
    CHECK(summary.sentence_share() == 0.0);
    CHECK(summary.char_share() == 0.0);
}
