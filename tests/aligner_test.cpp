// Tests for the sentence aligner: length model, anchors, band, scores.
#include "align/aligner.hpp"

#include <ctime>
#include <memory>

#include "test_support.hpp"

using namespace artalign;

namespace {

SegmentList segments_of_lengths(const std::vector<std::size_t>& lengths, char letter) {
    SegmentList list;
    for (const std::size_t length : lengths) list.push_back({std::string(length, letter), 0});
    return list;
}

std::vector<std::string> types(const std::vector<Bead>& beads) {
    std::vector<std::string> out;
    for (const Bead& bead : beads) out.push_back(bead.type());
    return out;
}

// Every segment of both sides appears exactly once, in order.
void check_covers(const std::vector<Bead>& beads, std::size_t n, std::size_t m) {
    std::size_t next_source = 0;
    std::size_t next_target = 0;
    for (const Bead& bead : beads) {
        CHECK_FALSE((bead.source.empty() && bead.target.empty()));
        for (const std::size_t k : bead.source) CHECK(k == next_source++);
        for (const std::size_t k : bead.target) CHECK(k == next_target++);
    }
    CHECK(next_source == n);
    CHECK(next_target == m);
}

}  // namespace

TEST_CASE("equal structure aligns one to one with high scores") {
    // English runs about exp(0.689) = 2 times the Korean length in characters.
    const auto source = segments_of_lengths({40, 60, 25, 80}, 'k');
    const auto target = segments_of_lengths({80, 120, 50, 160}, 'e');
    const auto beads = align_segments(source, target);
    CHECK(types(beads) == std::vector<std::string>{"1-1", "1-1", "1-1", "1-1"});
    for (const Bead& bead : beads) CHECK(bead.score > 0.9);  // expected length, no other evidence: 0.92
    check_covers(beads, 4, 4);
}

TEST_CASE("an untranslated source sentence becomes a 1-0 bead") {
    const auto source = segments_of_lengths({40, 60, 30, 80}, 'k');
    const auto target = segments_of_lengths({80, 120, 160}, 'e');
    const auto beads = align_segments(source, target);
    CHECK(types(beads) == std::vector<std::string>{"1-1", "1-1", "1-0", "1-1"});
    CHECK(beads[2].score == 0.0);
    check_covers(beads, 4, 3);
}

TEST_CASE("3-1 and 1-3 beads are off by default and found when priced") {
    const auto source = segments_of_lengths({40, 30, 35, 35, 50}, 'k');
    const auto target = segments_of_lengths({80, 200, 100}, 'e');  // the middle one: three merged
    const auto default_beads = align_segments(source, target);
    for (const Bead& bead : default_beads) CHECK(bead.source.size() <= 2);
    check_covers(default_beads, 5, 3);

    AlignOptions options;
    options.cost_3_1 = 6.0;
    options.cost_1_3 = 6.0;
    const auto beads = align_segments(source, target, options);
    CHECK(types(beads) == std::vector<std::string>{"1-1", "3-1", "1-1"});
    const auto split = align_segments(segments_of_lengths({40, 100, 50}, 'k'),
                                      segments_of_lengths({80, 60, 70, 70, 100}, 'e'), options);
    CHECK(types(split) == std::vector<std::string>{"1-1", "1-3", "1-1"});
}

TEST_CASE("the paragraph stage keeps sentence beads inside aligned paragraphs") {
    // Three paragraphs a side; the middle English paragraph leaves out one sentence. No bead
    // may take sentences of two paragraphs, and the gap is found inside its paragraph.
    SegmentList source = segments_of_lengths({40, 60, 50, 30, 45, 70, 35}, 'k');
    SegmentList target = segments_of_lengths({80, 120, 100, 90, 140, 70}, 'e');
    const std::size_t source_blocks[] = {0, 0, 1, 1, 1, 2, 2};
    const std::size_t target_blocks[] = {0, 0, 1, 1, 2, 2};
    for (std::size_t k = 0; k < source.size(); ++k) source[k].block = source_blocks[k];
    for (std::size_t k = 0; k < target.size(); ++k) target[k].block = target_blocks[k];
    AlignOptions options;
    options.paragraph_stage = true;
    const auto beads = align_segments(source, target, options);
    check_covers(beads, source.size(), target.size());
    for (const Bead& bead : beads) {
        if (bead.is_null()) continue;
        const std::size_t paragraph = source[bead.source.front()].block;
        for (const std::size_t k : bead.source) CHECK(source[k].block == paragraph);
        for (const std::size_t k : bead.target) CHECK(target[k].block == paragraph);
    }
    CHECK(types(beads) == std::vector<std::string>{"1-1", "1-1", "1-1", "1-0", "1-1", "1-1", "1-1"});
}

TEST_CASE("empty sides give only null beads") {
    const auto some = segments_of_lengths({10, 20}, 'k');
    CHECK(types(align_segments(some, {})) == std::vector<std::string>{"1-0", "1-0"});
    CHECK(types(align_segments({}, some)) == std::vector<std::string>{"0-1", "0-1"});
    CHECK(align_segments({}, {}).empty());
}

namespace {

std::shared_ptr<const AnchorExtractor> shipped_anchors() {
    static const auto instance = std::make_shared<const AnchorExtractor>(AnchorExtractor::load(test::kData));
    return instance;
}

SegmentList segments_of(const std::vector<std::string>& texts) {
    SegmentList list;
    for (const std::string& text : texts) list.push_back({text, 0});
    return list;
}

}  // namespace

TEST_CASE("anchors find a merge and an omission that length alone cannot") {
    const auto source = segments_of({
        "트럼프 대통령은 2월 10일 백악관에서 기자회견을 열었다.",
        "그는 북한과의 협상이 교착 상태라고 말했다.",
        "CNN은 트럼프가 김정은 위원장과 11월 대선 전에는 만나지 않을 것이라고 보도했다.",
        "이 방송은 두 명의 소식통을 인용했다.",
        "한편 서울의 날씨는 맑았다.",
        "하노이 회담은 지난해 2월 27일 열렸다.",
    });
    const auto target = segments_of({
        "President Trump held a press conference at the White House on Feb. 10, saying talks with North Korea "
        "are at a stalemate.",
        "Trump will not meet Kim Jong-un before the presidential election in November, CNN reported, citing two sources.",
        "The Hanoi summit was held on Feb. 27 last year.",
    });
    const Aligner aligner(AlignOptions{}, shipped_anchors());
    const Alignment result = aligner.align(source, target);
    CHECK(types(result.beads) == std::vector<std::string>{"2-1", "2-1", "1-0", "1-1"});
    check_covers(result.beads, source.size(), target.size());
    CHECK_FALSE(result.mismatched);
}

TEST_CASE("a number repeated through the document does not drag the alignment") {
    // Every sentence of both sides mentions 2020; the alignment must follow the other evidence.
    std::vector<std::string> korean;
    std::vector<std::string> english;
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"2020년 선거에서 민주당이 승리했다.", "Democrats won the election in 2020."},
        {"2020년 경제 성장률은 3%였다.", "Economic growth was 3 percent in 2020."},
        {"2020년 수출은 크게 감소했다.", "Exports fell sharply in 2020."},
        {"2020년 실업률이 상승했다.", "Unemployment rose in 2020."},
    };
    for (const auto& [k, e] : pairs) {
        korean.push_back(k);
        english.push_back(e);
    }
    english.erase(english.begin() + 1);  // the growth sentence is not translated
    const Aligner aligner(AlignOptions{}, shipped_anchors());
    const auto beads = aligner.align(segments_of(korean), segments_of(english)).beads;
    CHECK(types(beads) == std::vector<std::string>{"1-1", "1-0", "1-1", "1-1"});
}

TEST_CASE("the band gives the same alignment as the full table, and widens when it must") {
    std::vector<std::size_t> source_lengths;
    std::vector<std::size_t> target_lengths;
    for (std::size_t k = 0; k < 300; ++k) {
        const std::size_t length = 20 + (k * 37) % 60;
        source_lengths.push_back(length);
        if (k % 7 != 3 && !(k > 100 && k < 140)) target_lengths.push_back(2 * length);  // omissions, a long gap
    }
    const auto source = segments_of_lengths(source_lengths, 'k');
    const auto target = segments_of_lengths(target_lengths, 'e');
    AlignOptions narrow;
    narrow.band = 4;
    AlignOptions full;
    full.band = 10000;
    const auto banded = Aligner(narrow).align(source, target).beads;
    const auto complete = Aligner(full).align(source, target).beads;
    CHECK(types(banded) == types(complete));
    check_covers(banded, source.size(), target.size());
}

TEST_CASE("scores lie in [0, 1] and an unrelated pair of texts is flagged") {
    const auto source = segments_of({"지진으로 건물 12채가 무너졌다.", "구조대는 밤새 수색을 계속했다.",
                                     "정부는 긴급 예산을 편성했다.", "주민들은 대피소로 옮겨졌다."});
    const auto target = segments_of({"Apple unveiled a new phone in California.", "Its price starts at 999 dollars.",
                                     "Analysts expect strong sales.", "Shares rose after the launch."});
    const Alignment result = Aligner(AlignOptions{}, shipped_anchors()).align(source, target);
    for (const Bead& bead : result.beads) {
        CHECK(bead.score >= 0.0);
        CHECK(bead.score <= 1.0);
    }
    CHECK(result.mismatched);
}

TEST_CASE("a subtitle line without a translation is not merged into the title") {
    // Blocks: 0 title, 1 subtitle, 2 paragraph. The English title echoes only the Korean title.
    SegmentList source = {{"트럼프 “대선 전엔 김정은과 정상회담 안 한다”", 0},
                          {"CNN “트럼프, 외교정책 참모들에게 밝혀”", 1},
                          {"도널드 트럼프 미국 대통령이 11월 대선 전까지는 김정은 위원장과 정상회담을 하지 않겠다고 말했다.", 2}};
    SegmentList target = {{"Trump says he won't hold summit with Kim Jong-un until after election, CNN reports", 0},
                          {"US President Donald Trump said he will not hold a summit with Kim Jong-un before the "
                           "presidential election in November.", 1}};
    const auto beads = Aligner(AlignOptions{}, shipped_anchors()).align(source, target).beads;
    CHECK(types(beads) == std::vector<std::string>{"1-1", "1-0", "1-1"});
}

TEST_CASE("hostile input: one 100,000-character sentence on each side is one bead, found quickly") {
    std::string korean;
    std::string english;
    while (korean.size() < 100'000) korean += "2020년 트럼프 대통령 CNN 보도 ";
    while (english.size() < 100'000) english += "In 2020 President Trump told CNN ";
    // Processor time, which a loaded machine does not inflate as it does wall time: 0.3 s in a
    // release build; 30 s leaves room for the sanitizers and still catches a quadratic path.
    const std::clock_t start = std::clock();
    const Alignment result = Aligner(AlignOptions{}, shipped_anchors()).align({{korean, 0}}, {{english, 0}});
    CHECK(static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC < 30.0);
    REQUIRE(result.beads.size() == 1);
    CHECK(result.beads[0].type() == "1-1");

    // Against ordinary sentences the long one is still placed once, every segment covered.
    const auto others = segments_of({"Trump told CNN.", "The election is in November.", "Nothing else happened."});
    const Alignment mixed = Aligner(AlignOptions{}, shipped_anchors()).align({{korean, 0}}, others);
    check_covers(mixed.beads, 1, others.size());
}
