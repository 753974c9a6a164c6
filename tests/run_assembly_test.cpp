// Tests for assembling a run's outputs: the end of a run replaces all of them or none.
#include "batch/run_assembly.hpp"

#include "artalign/error.hpp"
#include "test_support.hpp"

using namespace artalign;
using artalign::test::ScratchDirectory;

namespace {

PairOutcome aligned_outcome(const std::string& key) {
    PairOutcome outcome;
    outcome.key = key;
    outcome.status = PairStatus::aligned;
    outcome.source_language = "ko";
    outcome.target_language = "en";
    TranslationUnit unit;
    unit.source = "안녕하세요 " + key;
    unit.target = "Hello " + key;
    unit.bead_type = "1-1";
    outcome.units.push_back(unit);
    outcome.coverage_json = "{\"key\":\"" + key + "\"}";
    return outcome;
}

struct EarlierRun {
    explicit EarlierRun(const std::filesystem::path& directory) {
        outputs.tmx = directory / "out.tmx";
        outputs.coverage_jsonl = directory / "coverage.jsonl";
        outputs.index_html = directory / "index.html";
        outputs.summary_json = directory / "summary.json";
        for (const auto& file : {outputs.tmx, *outputs.coverage_jsonl, *outputs.index_html, *outputs.summary_json})
            test::write_file(file, "old " + file.filename().string());
    }
    // Every output still a file (not the one the test put a directory in) as the earlier run left it.
    void check_untouched() const {
        for (const auto& file : {outputs.tmx, *outputs.coverage_jsonl, *outputs.index_html, *outputs.summary_json}) {
            INFO(file.string());
            if (std::filesystem::is_regular_file(file)) CHECK(test::read_file(file) == "old " + file.filename().string());
        }
        CHECK(std::filesystem::is_regular_file(outputs.tmx));
    }
    RunOutputs outputs;
};

std::size_t entries_in(const std::filesystem::path& directory) {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(directory), {}));
}

}  // namespace

TEST_CASE("finish replaces every output of an earlier run") {
    ScratchDirectory scratch;
    const EarlierRun earlier(scratch.path());
    RunAssembler assembler(earlier.outputs);
    assembler.add(aligned_outcome("a"));
    const RunSummary summary = assembler.finish();
    CHECK(summary.units == 1);
    CHECK(test::read_file(earlier.outputs.tmx).find("Hello a") != std::string::npos);
    CHECK(test::read_file(*earlier.outputs.coverage_jsonl) == "{\"key\":\"a\"}\n");
    CHECK(test::read_file(*earlier.outputs.summary_json).find("artalign-run/1") != std::string::npos);
    CHECK(test::read_file(*earlier.outputs.index_html).find("<html") != std::string::npos);
    CHECK(entries_in(scratch.path()) == 4);  // no temporary left
}

TEST_CASE("an output that cannot be written at the end leaves every earlier output untouched") {
    ScratchDirectory scratch;
    const EarlierRun earlier(scratch.path());
    SUBCASE("the summary") {
        RunAssembler assembler(earlier.outputs);
        assembler.add(aligned_outcome("a"));
        // Checked writable when the run started; a directory in its place by the end.
        std::filesystem::remove(*earlier.outputs.summary_json);
        std::filesystem::create_directory(*earlier.outputs.summary_json);
        CHECK_THROWS_AS(assembler.finish(), OutputError);
    }
    SUBCASE("the coverage lines, whose temporary was written during the run") {
        RunAssembler assembler(earlier.outputs);
        assembler.add(aligned_outcome("a"));
        std::filesystem::remove(*earlier.outputs.coverage_jsonl);
        std::filesystem::create_directory(*earlier.outputs.coverage_jsonl);
        CHECK_THROWS_AS(assembler.finish(), OutputError);
    }
    earlier.check_untouched();
    CHECK(entries_in(scratch.path()) == 4);  // the temporaries went with the assembler
}

TEST_CASE("a score floor leaves weak units out before deduplication, and --srclang en turns units around") {
    ScratchDirectory scratch;
    RunOutputs outputs;
    outputs.tmx = scratch.path() / "out.tmx";
    outputs.min_score = 0.5;
    outputs.languages.source = "en";
    PairOutcome first = aligned_outcome("a");
    first.units[0].score = 0.2;  // weak: left out, so it must not hide the strong repeat below
    first.units[0].bead_type = "2-1";
    PairOutcome second = aligned_outcome("a");
    second.key = "b";
    second.units[0].score = 0.9;
    second.units[0].bead_type = "2-1";
    RunAssembler assembler(outputs);
    assembler.add(first);
    assembler.add(second);
    const RunSummary summary = assembler.finish();
    CHECK(summary.units == 1);
    CHECK(summary.below_min_score == 1);
    CHECK(summary.duplicates == 0);
    CHECK(summary.text().find("0 exact repeats left out, 1 below --min-score 0.5)") != std::string::npos);
    CHECK(summary.json().find("\"below_min_score_units\": 1") != std::string::npos);
    const std::string tmx = test::read_file(outputs.tmx);
    CHECK(tmx.find("srclang=\"en\"") != std::string::npos);
    CHECK(tmx.find("<tuv xml:lang=\"en\">") < tmx.find("<tuv xml:lang=\"ko\">"));
    CHECK(tmx.find("\"x-bead\">1-2<") != std::string::npos);
}

TEST_CASE("without a score floor the summary does not mention one") {
    ScratchDirectory scratch;
    RunOutputs outputs;
    outputs.tmx = scratch.path() / "out.tmx";
    RunAssembler assembler(outputs);
    assembler.add(aligned_outcome("a"));
    const RunSummary summary = assembler.finish();
    CHECK(summary.text().find("min-score") == std::string::npos);
    CHECK(summary.json().find("min_score") == std::string::npos);
    CHECK(test::read_file(outputs.tmx).find("srclang=\"ko\"") != std::string::npos);
}
