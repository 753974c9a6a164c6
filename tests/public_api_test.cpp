// The public API as an outside program sees it: this test is built without src/ on its include
// path, so it compiles only while include/artalign/ is enough to split two texts, align them,
// compute coverage and write TMX, TSV and JSONL.
#include "artalign/aligner.hpp"
#include "artalign/coverage.hpp"
#include "artalign/error.hpp"
#include "artalign/output.hpp"
#include "artalign/segmenter.hpp"
#include "artalign/tmx.hpp"
#include "artalign/types.hpp"

#include <chrono>

#include "test_support.hpp"

using namespace artalign;

namespace {

const std::vector<std::string> kKorean = {
    "트럼프 대통령은 2월 10일 백악관에서 기자회견을 열었다. 그는 협상이 잘 진행되고 있다고 말했다.",
    "회담은 3월 1일 서울에서 열린다.",
};
const std::vector<std::string> kEnglish = {
    "President Trump held a press conference at the White House on Feb. 10. He said the talks were going well.",
    "The summit will be held in Seoul on March 1.",
};

std::vector<TranslationUnit> units_of(const SegmentList& source, const SegmentList& target,
                                      const std::vector<Bead>& beads) {
    std::vector<TranslationUnit> units;
    for (const Bead& bead : beads) {
        if (bead.is_null()) continue;
        TranslationUnit unit;
        unit.source = joined_text(source, bead.source);
        unit.target = joined_text(target, bead.target);
        unit.bead_type = bead.type();
        unit.score = bead.score;
        units.push_back(unit);
    }
    return units;
}

}  // namespace

TEST_CASE("split, align, cover and write with the public headers only") {
    const SentenceSplitter korean = SentenceSplitter::for_language("ko", test::kData);
    const SentenceSplitter english = SentenceSplitter::for_language("en", test::kData);
    const SegmentList source = korean.split(kKorean);
    const SegmentList target = english.split(kEnglish);
    REQUIRE(source.size() == 3);
    REQUIRE(target.size() == 3);
    CHECK(target[0].text == "President Trump held a press conference at the White House on Feb. 10.");
    CHECK(target[2].block == 1);

    const Aligner aligner(AlignOptions{}, Aligner::load_anchors(test::kData));
    REQUIRE(aligner.anchors() != nullptr);
    const Alignment alignment = aligner.align(source, target);
    REQUIRE(alignment.beads.size() == 3);
    for (const Bead& bead : alignment.beads) CHECK(bead.type() == "1-1");
    CHECK_FALSE(alignment.mismatched);

    const CoverageSummary coverage = compute_coverage(source, alignment.beads);
    CHECK(coverage.covered_sentences == 3);
    CHECK(coverage.units == 3);

    const std::vector<TranslationUnit> units = units_of(source, target, alignment.beads);
    const test::ScratchDirectory scratch;
    OutputOptions options;
    options.created = std::chrono::system_clock::time_point(std::chrono::seconds(1581495960));
    for (const std::string format : {"tmx", "tsv", "jsonl"}) {
        CAPTURE(format);
        const auto writer = make_unit_writer(format);
        REQUIRE(writer != nullptr);
        const std::filesystem::path output = scratch.path() / ("out." + format);
        CHECK(writer->write(output, units, options) == 3);
        CHECK(writer->files(output, options) == std::vector<std::filesystem::path>{output});
    }
    CHECK(test::read_file(scratch.path() / "out.tsv").find("회담은 3월 1일 서울에서 열린다.\tThe summit") !=
          std::string::npos);
    const TmxReport report = validate_tmx(scratch.path() / "out.tmx", tmx_dtd_path(test::kData));
    CHECK(report.valid());
    CHECK(report.units == 3);
    CHECK(test::read_file(scratch.path() / "out.tmx").find("creationdate=\"20200212T082600Z\"") != std::string::npos);
}

TEST_CASE("the public entry points report bad input with artalign's errors") {
    CHECK(make_unit_writer("docx") == nullptr);
    CHECK(unit_formats() == std::vector<std::string>{"tmx", "tsv", "moses", "jsonl"});
    CHECK_THROWS_AS(Aligner::load_anchors(test::kSamples / "no-data-here"), DataError);
    CHECK_THROWS_AS(validate_tmx(test::kSamples / "missing.tmx", tmx_dtd_path(test::kData)), InputError);
    CHECK(SentenceSplitter::supported_languages(test::kData) == std::vector<std::string>{"en", "ko"});
}

TEST_CASE("a splitter keeps working after a move") {
    SentenceSplitter first = SentenceSplitter::for_language("en", test::kData);
    SentenceSplitter second = std::move(first);
    CHECK(second.split({"One. Two."}).size() == 2);
    first = std::move(second);
    CHECK(first.split({"One. Two."}).size() == 2);
}
