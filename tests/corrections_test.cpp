// Tests for a reviewer's corrections: the file's schema and errors, and applying them.
#include "report/corrections.hpp"

#include "align/coverage.hpp"
#include "artalign/error.hpp"
#include "test_support.hpp"

using namespace artalign;

namespace {

Bead bead(std::vector<std::size_t> source, std::vector<std::size_t> target, double score) {
    Bead b;
    b.source = std::move(source);
    b.target = std::move(target);
    b.score = score;
    return b;
}

// Four original sentences (the third repeats the first), three translation sentences, 1-1 beads
// and a null bead.
AlignedPair small_pair() {
    AlignedPair pair;
    pair.original_segments = {{"가.", 0}, {"나.", 0}, {"가.", 1}, {"라.", 1}};
    pair.translation_segments = {{"A.", 0}, {"B.", 0}, {"C.", 1}};
    pair.beads = {bead({0}, {0}, 0.9), bead({1}, {1}, 0.2), bead({2}, {2}, 0.8), bead({3}, {}, 0.0)};
    pair.coverage = compute_coverage(pair.original_segments, pair.beads);
    return pair;
}

std::string file_with(const std::string& corrections) {
    return R"({"schema": "artalign-corrections/1", "corrections": [)" + corrections + "]}";
}

std::vector<std::string> types(const AlignedPair& pair) {
    std::vector<std::string> list;
    for (const Bead& b : pair.beads) list.push_back(b.type());
    return list;
}

}  // namespace

TEST_CASE("a re-pair takes the sentences out of their units; what is left stays, unreviewed") {
    AlignedPair pair = small_pair();
    const auto corrections = parse_corrections(
        file_with(R"({"action": "pair", "source": [{"text": "나.", "index": 1}], "target": [{"text": "C.", "index": 2}]})"),
        "c.json");
    CHECK(apply_corrections(pair, corrections, "c.json").empty());
    CHECK(types(pair) == std::vector<std::string>{"1-1", "1-1", "0-1", "1-0", "1-0"});
    CHECK(pair.beads[1].source == std::vector<std::size_t>{1});
    CHECK(pair.beads[1].target == std::vector<std::size_t>{2});
    CHECK(pair.beads[1].score == 1.0);
    CHECK(pair.reviewed(1));
    CHECK_FALSE(pair.reviewed(2));  // "B." lost its partner: left as translation-only, nobody decided that
    CHECK(pair.coverage.units == 2);
    const auto units = pair.translation_units();
    REQUIRE(units.size() == 2);
    CHECK_FALSE(units[0].reviewed);
    CHECK(units[1].reviewed);
}

TEST_CASE("merge, split back, reject and marks come down to the four actions") {
    AlignedPair pair = small_pair();
    const auto corrections = parse_corrections(file_with(R"(
        {"action": "pair", "source": [{"text": "가.", "index": 0}, {"text": "나.", "index": 1}],
                           "target": [{"text": "A.", "index": 0}, {"text": "B.", "index": 1}]},
        {"action": "pair", "source": [{"text": "가.", "index": 0}], "target": [{"text": "A.", "index": 0}]},
        {"action": "reject", "source": [{"text": "나.", "index": 1}], "target": [{"text": "B.", "index": 1}]},
        {"action": "untranslated", "source": [{"text": "가.", "index": 2}]},
        {"action": "translation-only", "target": [{"text": "C.", "index": 2}]})"),
                                               "c.json");
    CHECK(apply_corrections(pair, corrections, "c.json").empty());
    CHECK(types(pair) == std::vector<std::string>{"1-1", "1-0", "0-1", "1-0", "0-1", "1-0"});
    CHECK(pair.reviews == std::vector<std::string>{"pair", "reject", "reject", "untranslated", "translation-only", ""});
    CHECK(pair.beads[3].source == std::vector<std::size_t>{2});  // the repeated "가." nearest its recorded index
}

TEST_CASE("a correction that no longer applies changes nothing and says which and why") {
    AlignedPair pair = small_pair();
    const auto corrections = parse_corrections(file_with(R"(
        {"action": "reject", "source": [{"text": "사라진 문장.", "index": 0}], "target": [{"text": "A.", "index": 0}]},
        {"action": "untranslated", "source": [{"text": "라.", "index": 3}]})"),
                                               "c.json");
    const auto lines = apply_corrections(pair, corrections, "c.json");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "c.json: correction 1 (reject) no longer applies: the original has no sentence \"사라진 문장.\"");
    CHECK(types(pair) == std::vector<std::string>{"1-1", "1-1", "1-1", "1-0"});
    CHECK(pair.reviewed(3));
}

TEST_CASE("a malformed corrections file is refused with one line naming it") {
    CHECK_THROWS_WITH_AS(parse_corrections("[]", "c.json"), "c.json: not a corrections file: expected a JSON object", InputError);
    CHECK_THROWS_WITH_AS(parse_corrections(R"({"schema": "artalign-coverage/1"})", "c.json"),
                         "c.json: not a corrections file: \"schema\" must be \"artalign-corrections/1\"", InputError);
    CHECK_THROWS_WITH_AS(parse_corrections(file_with(R"({"action": "merge"})"), "c.json"),
                         "c.json: correction 1: \"action\" must be \"pair\", \"reject\", \"untranslated\" or \"translation-only\"",
                         InputError);
    CHECK_THROWS_WITH_AS(parse_corrections(file_with(R"({"action": "pair", "source": [{"text": "가."}]})"), "c.json"),
                         "c.json: correction 1: a \"pair\" correction needs source and target sentences", InputError);
    CHECK_THROWS_WITH_AS(parse_corrections(file_with(R"({"action": "untranslated", "source": ["가."]})"), "c.json"),
                         "c.json: correction 1: a sentence must be an object with a \"text\" string", InputError);
}

TEST_CASE("corrections_json writes what parse_corrections reads") {
    const AlignedPair pair = small_pair();
    const auto corrections = parse_corrections(
        file_with(R"({"action": "pair", "source": [{"text": "<script>", "index": 1}], "target": [{"text": "B.", "index": 1}]})"),
        "c.json");
    const std::string text = corrections_json(pair, corrections);
    CHECK(text.find("<script>") == std::string::npos);  // escaped, as all artalign JSON
    const auto again = parse_corrections(text, "again.json");
    REQUIRE(again.size() == 1);
    CHECK(again[0].source[0].text == "<script>");
    CHECK(again[0].target[0].index == 1);
}
