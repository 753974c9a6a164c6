// Tests for batch --learn-lexicon's first pass: in memory, the same entries whatever the number
// of workers, repeated keys refused, cancel stops it; learned entries grouped for the lexicon.
#include "batch/lexicon_pass.hpp"

#include "artalign/error.hpp"
#include "artalign/resources.hpp"
#include "test_support.hpp"

using namespace artalign;

namespace {

BatchOptions options_with(unsigned jobs) {
    BatchOptions options;
    static const std::shared_ptr<const Resources> resources = Resources::load({test::kData, {}, {}, {}});
    options.resources = resources;
    options.jobs = jobs;
    return options;
}

PairRequest sample_pair(const std::string& key, const std::filesystem::path& original) {
    PairRequest request = page_request(test::kEnglishSample);
    request.key = key;
    request.input.original_page = original;
    return request;
}

}  // namespace

TEST_CASE("the learning pass counts the confident beads of every pair, whatever the workers, ") {
    const std::vector<PairRequest> list{sample_pair("a", test::kKoreanSample), sample_pair("b", test::kKoreanSample),
                                        page_request("/no/such/page.html")};
    LexiconPassResult one;
    for (const unsigned jobs : {1u, 3u}) {
        std::size_t calls = 0;
        BatchOptions options = options_with(jobs);
        options.on_pair = [&calls](const BatchProgress& progress) {
            ++calls;
            CHECK(progress.total == 3);
        };
        const LexiconPassResult result = learn_lexicon_pass(RequestList(list), options);
        CHECK(calls == 3);
        CHECK(!result.interrupted);
        CHECK(result.beads > 0);
        if (jobs == 1) {
            one = result;
            continue;
        }
        CHECK(result.beads == one.beads);
        REQUIRE(result.entries.size() == one.entries.size());
        for (std::size_t k = 0; k < one.entries.size(); ++k) {
            CHECK(result.entries[k].korean == one.entries[k].korean);
            CHECK(result.entries[k].english == one.entries[k].english);
        }
    }
}

TEST_CASE("the learning pass refuses repeated keys and stops when cancelled") {
    const std::vector<PairRequest> twice{sample_pair("a", test::kKoreanSample), sample_pair("a", test::kKoreanSample)};
    CHECK_THROWS_AS(learn_lexicon_pass(RequestList(twice), options_with(1)), InputError);

    const std::atomic<bool> cancel{true};
    BatchOptions options = options_with(1);
    options.cancel = &cancel;
    const LexiconPassResult result = learn_lexicon_pass(RequestList({sample_pair("a", test::kKoreanSample)}), options);
    CHECK(result.interrupted);
    CHECK(result.entries.empty());
}

TEST_CASE("learned entries become one lexicon entry a Korean word, English words in order") {
    std::vector<LearnedEntry> learned(3);
    learned[0].korean = U"구름";
    learned[0].english = U"cloud";
    learned[1].korean = U"구름";
    learned[1].english = U"cumulus";
    learned[2].korean = U"하늘";
    learned[2].english = U"sky";
    const std::vector<LexiconEntry> entries = learned_lexicon_entries(learned);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].korean == U"구름");
    CHECK(entries[0].english == std::vector<std::u32string>{U"cloud", U"cumulus"});
    CHECK(entries[1].english == std::vector<std::u32string>{U"sky"});
}
