// Tests for the length-based sentence aligner.
#include "artalign/aligner.hpp"

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
    for (const Bead& bead : beads) CHECK(bead.score > 0.9);
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

TEST_CASE("two source sentences merged into one translation become a 2-1 bead") {
    const auto source = segments_of_lengths({40, 30, 35, 70}, 'k');
    const auto target = segments_of_lengths({80, 130, 140}, 'e');
    const auto beads = align_segments(source, target);
    CHECK(types(beads) == std::vector<std::string>{"1-1", "2-1", "1-1"});
    check_covers(beads, 4, 3);
}

TEST_CASE("empty sides give only null beads") {
    const auto some = segments_of_lengths({10, 20}, 'k');
    CHECK(types(align_segments(some, {})) == std::vector<std::string>{"1-0", "1-0"});
    CHECK(types(align_segments({}, some)) == std::vector<std::string>{"0-1", "0-1"});
    CHECK(align_segments({}, {}).empty());
}
