// Tests for batch runs: the same outputs whatever the number of workers, bad pairs counted not
// fatal, repeats dropped across articles, cancel then resume, a killed run's temporaries removed.
#include "batch/batch_runner.hpp"

#include "artalign/error.hpp"
#include "test_support.hpp"

using namespace artalign;

namespace {

// The sample pair three ways (by path, inline, and by path again under another key: its units
// all repeat), a page that does not exist, and a page that is not an article.
std::vector<PairRequest> requests() {
    std::vector<PairRequest> list;
    list.push_back(page_request(test::kEnglishSample));
    PairRequest inline_pages;
    inline_pages.key = "inline";
    inline_pages.translation_html = test::read_file(test::kEnglishSample);
    inline_pages.original_html = test::read_file(test::kKoreanSample);
    list.push_back(inline_pages);
    list.push_back(page_request("/no/such/page.html"));
    PairRequest not_article = inline_pages;
    not_article.key = "menu";
    not_article.translation_html = "<html><body><ul><li>Menu</li></ul></body></html>";
    list.push_back(not_article);
    PairRequest again = page_request(test::kEnglishSample);
    again.key = "again";
    list.push_back(again);
    return list;
}

BatchOptions options_for(const std::filesystem::path& directory, unsigned jobs) {
    BatchOptions options;
    static const auto resources = Resources::load(ResourceOptions{test::kData, {}, {}});
    options.resources = resources;
    options.journal = directory / "run.journal";
    options.jobs = jobs;
    return options;
}

std::string without_dates(std::string text) {
    for (std::size_t at = text.find("creationdate=\""); at != std::string::npos; at = text.find("creationdate=\"", at + 1))
        text.erase(at + 14, text.find('"', at + 14) - (at + 14));
    return text;
}

}  // namespace

TEST_CASE("one worker or four: the same TMX and coverage lines; bad pairs are counted, not fatal") {
    std::string tmx[2], coverage[2];
    std::size_t expected_units = 0;
    for (const unsigned jobs : {1u, 4u}) {
        test::ScratchDirectory scratch;
        BatchOutputs outputs;
        outputs.run.tmx = scratch.path() / "run.tmx";
        outputs.run.coverage_jsonl = scratch.path() / "coverage.jsonl";
        outputs.report_dir = scratch.path() / "reports";
        std::size_t calls = 0;
        BatchOptions options = options_for(scratch.path(), jobs);
        options.on_pair = [&](const BatchProgress& progress) {
            ++calls;
            CHECK(progress.total == 5);
        };
        const BatchResult result = run_batch(requests(), outputs, options);
        const RunSummary& s = result.summary;
        CHECK(!result.interrupted);
        CHECK(calls == 5);
        CHECK(s.pairs == 5);
        CHECK(s.aligned == 3);
        CHECK(s.skipped == 1);
        CHECK(s.failed == 1);
        REQUIRE(s.failures.size() == 1);
        CHECK(s.failures[0].first == "/no/such/page.html");
        // The three alignments of the same pair give one set of units.
        CHECK(s.units * 3 == s.units + s.duplicates);
        expected_units = s.units;
        CHECK(std::filesystem::exists(scratch.path() / "reports/index.html"));
        CHECK(std::filesystem::exists(scratch.path() / "reports/pairs/000001.html"));
        CHECK(std::filesystem::exists(scratch.path() / "reports/pairs/000005.html"));
        CHECK(std::filesystem::exists(options.journal));  // kept: a failure is there to retry
        const std::size_t k = jobs == 1 ? 0 : 1;
        tmx[k] = without_dates(test::read_file(outputs.run.tmx));
        coverage[k] = test::read_file(*outputs.run.coverage_jsonl);
    }
    CHECK(expected_units > 8);
    CHECK(tmx[0] == tmx[1]);
    CHECK(coverage[0] == coverage[1]);
}

// Requests that raise `cancel` when a worker takes the one at `position` (its second look-up:
// the first is run_batch checking keys), so that a run stops after a known number of pairs.
class CancellingSource final : public PairSource {
public:
    CancellingSource(std::vector<PairRequest> requests, std::size_t position, std::atomic<bool>& cancel)
        : requests_(std::move(requests)), position_(position), cancel_(cancel) {}
    std::size_t size() const override { return requests_.size(); }
    PairRequest at(std::size_t position) const override {
        if (position == position_ && looked_up_.fetch_add(1) == 1) cancel_.store(true);
        return requests_.at(position);
    }

private:
    std::vector<PairRequest> requests_;
    std::size_t position_;
    std::atomic<bool>& cancel_;
    mutable std::atomic<int> looked_up_{0};
};

TEST_CASE("cancelled, the run writes no outputs; resumed, it finishes with what the journal holds") {
    test::ScratchDirectory scratch;
    std::vector<PairRequest> list = requests();
    list.erase(list.begin() + 2);  // no failures: the journal goes when the run is complete
    BatchOutputs outputs;
    outputs.run.tmx = scratch.path() / "run.tmx";
    std::atomic<bool> cancel{false};
    BatchOptions options = options_for(scratch.path(), 1);
    options.cancel = &cancel;
    const BatchResult first = run_batch(CancellingSource(list, 2, cancel), outputs, options);
    CHECK(first.interrupted);
    CHECK(first.summary.resumed == 3);  // the pair being aligned when the cancel came is finished
    CHECK(!std::filesystem::exists(outputs.run.tmx));
    CHECK_THROWS_AS(run_batch(list, outputs, options), OutputError);  // a journal is there: resume or delete

    cancel.store(false);
    options.resume = true;
    std::size_t redone = 0;
    options.on_pair = [&](const BatchProgress&) { ++redone; };
    const BatchResult second = run_batch(list, outputs, options);
    CHECK(!second.interrupted);
    CHECK(redone == 1);
    CHECK(second.summary.resumed == 3);
    CHECK(second.summary.aligned == 3);
    CHECK(second.summary.skipped == 1);
    CHECK(std::filesystem::exists(outputs.run.tmx));
    CHECK(!std::filesystem::exists(options.journal));
}

TEST_CASE("resumed, a run removes the temporaries killed runs left beside its outputs and report pages") {
    test::ScratchDirectory scratch;
    std::vector<PairRequest> list = requests();
    list.erase(list.begin() + 2);  // no failures
    BatchOutputs outputs;
    outputs.run.tmx = scratch.path() / "run.tmx";
    outputs.run.coverage_jsonl = scratch.path() / "coverage.jsonl";
    outputs.report_dir = scratch.path() / "reports";
    std::filesystem::create_directories(scratch.path() / "reports/pairs");
    // What SIGKILL leaves: the temporaries of writers that never committed nor cleaned up.
    const std::vector<std::filesystem::path> leftovers = {
        scratch.path() / ".run.tmx.tmp-Ab3xYz", scratch.path() / ".coverage.jsonl.tmp-Ab3xYz",
        scratch.path() / "reports/.index.html.tmp-Ab3xYz", scratch.path() / "reports/pairs/.000002.html.tmp-Ab3xYz",
        scratch.path() / "reports/pairs/.1000000.html.tmp-Ab3xYz"};  // a page of a longer run, past 999999
    for (const auto& file : leftovers) test::write_file(file, "half");
    const std::vector<std::filesystem::path> others = {scratch.path() / "reports/pairs/.notes.html.tmp-Ab3xYz",
                                                       scratch.path() / "reports/pairs/.000002.html.tmp-keep",
                                                       scratch.path() / "reports/pairs/.0.html.tmp-Ab3xYz"};
    for (const auto& file : others) test::write_file(file, "not a page's temporary");

    BatchOptions options = options_for(scratch.path(), 1);
    options.resume = true;
    const BatchResult result = run_batch(list, outputs, options);
    CHECK(result.summary.aligned == 3);
    for (const auto& file : leftovers) {
        INFO(file.string());
        CHECK_FALSE(std::filesystem::exists(file));
    }
    for (const auto& file : others) {
        INFO(file.string());
        CHECK(std::filesystem::exists(file));
    }
    CHECK(std::filesystem::exists(scratch.path() / "reports/pairs/000002.html"));
}

TEST_CASE("two requests with one key are refused before any work") {
    test::ScratchDirectory scratch;
    std::vector<PairRequest> list = {page_request("a.html"), page_request("a.html")};
    BatchOutputs outputs;
    outputs.run.tmx = scratch.path() / "run.tmx";
    CHECK_THROWS_AS(run_batch(list, outputs, options_for(scratch.path(), 1)), InputError);
}

TEST_CASE("a page list packs paths: sorted and unique for a mirror walk, first places kept for a list file") {
    PageList pages(std::filesystem::path("mirror"));
    for (const char* page : {"b.html", "a.html", "c/d.html", "a.html"}) pages.add(page);
    PageList listed = pages;
    pages.sort_unique();
    REQUIRE(pages.size() == 3);
    CHECK(pages.page(0) == "a.html");
    CHECK(pages.page(2) == "c/d.html");
    const PairRequest request = pages.at(1);
    CHECK(request.key == "b.html");
    CHECK(request.input.mirror_root == std::filesystem::path("mirror"));
    listed.unique_stable();
    REQUIRE(listed.size() == 3);
    CHECK(listed.page(0) == "b.html");
    CHECK(listed.page(1) == "a.html");
    CHECK_THROWS_AS(listed.add("e.html"), std::logic_error);
    CHECK_THROWS_AS(listed.page(3), std::out_of_range);
}

TEST_CASE("front-coded pages read back whole, across blocks and with shared and unshared prefixes") {
    PageList pages;
    std::vector<std::string> expected;
    for (int k = 0; k < 100; ++k) {
        expected.push_back((k % 3 == 0 ? "mirror/english.hani.co.kr/arti/" : "other/") + std::to_string(1000 + k) + ".html");
        pages.add(expected.back());
    }
    pages.add(expected[5]);
    pages.unique_stable();
    REQUIRE(pages.size() == 100);
    for (std::size_t k = 0; k < expected.size(); ++k) CHECK(pages.page(k) == expected[k]);
    CHECK(pages.at(57).key == expected[57]);
}
