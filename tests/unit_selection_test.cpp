// Tests for unit selection: cleaning, the score floor, de-duplication, swapping sides.
#include "write/unit_selection.hpp"

#include "test_support.hpp"

using namespace artalign;

namespace {

TranslationUnit unit(std::string source, std::string target, double score) {
    TranslationUnit u;
    u.source = std::move(source);
    u.target = std::move(target);
    u.score = score;
    u.bead_type = "2-1";
    u.source_url = "http://ko/1";
    u.target_url = "http://en/1";
    return u;
}

}  // namespace

TEST_CASE("min-score leaves out weak units, dedupe repeated pairs after cleaning, order is kept") {
    const std::vector<TranslationUnit> units = {unit("가.", "A.", 0.9), unit("나.", "B.", 0.2), unit(" 가. ", "A.\x01", 0.8),
                                                unit("다.", "C.", 0.5), unit("", "orphan", 1.0)};
    SelectionReport report;
    const auto kept = select_units(units, {0.5, true}, &report);
    REQUIRE(kept.size() == 2);
    CHECK(kept[0].source == "가.");
    CHECK(kept[1].source == "다.");
    CHECK(report.kept == 2);
    CHECK(report.empty == 1);
    CHECK(report.below_min_score == 1);
    CHECK(report.duplicates == 1);

    const auto all = select_units(units, {0.0, false}, &report);
    CHECK(all.size() == 4);  // the duplicate stays, the empty one never does
    CHECK(all[2].target == "A.");  // cleaned: the control character is gone
    CHECK(report.duplicates == 0);
}

TEST_CASE("a unit differing only in its target is not a duplicate") {
    const auto kept = select_units({unit("가.", "A.", 1), unit("가.", "A!", 1)}, {});
    CHECK(kept.size() == 2);
}

TEST_CASE("swap_sides turns a unit around") {
    std::vector<TranslationUnit> units = {unit("가.", "A.", 0.5)};
    swap_sides(units);
    CHECK(units[0].source == "A.");
    CHECK(units[0].target == "가.");
    CHECK(units[0].source_url == "http://en/1");
    CHECK(units[0].target_url == "http://ko/1");
    CHECK(units[0].bead_type == "1-2");
}

TEST_CASE("empty input gives empty output") {
    SelectionReport report;
    CHECK(select_units({}, {}, &report).empty());
    CHECK(report.kept == 0);
}
