// Fuzz target: the anchored aligner (with the shipped lexicon and number data) on random texts
// and lengths, which also drives anchor extraction. Every segment of both sides must be in
// exactly one bead, in order, with scores in [0, 1], whatever the input.
#include <cstddef>
#include <cstdint>
#include <string>

#include <memory>

#include "align/aligner.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const artalign::Aligner aligner(
        artalign::AlignOptions{},
        std::make_shared<artalign::AnchorExtractor>(artalign::AnchorExtractor::load(ARTALIGN_FUZZ_DATA)));
    // Input: lines; a line starting with '>' is a target segment, any other a source segment.
    artalign::SegmentList source;
    artalign::SegmentList target;
    const std::string text(reinterpret_cast<const char*>(data), std::min<std::size_t>(size, 1 << 16));
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        if (!line.empty() && line[0] == '>') {
            target.push_back({line.substr(1), target.size() / 3});
        } else if (!line.empty()) {
            source.push_back({line, source.size() / 3});
        }
        start = end + 1;
    }
    if (source.size() > 300 || target.size() > 300) return 0;  // keep each run fast
    const artalign::Alignment alignment = aligner.align(source, target);
    const auto& beads = alignment.beads;
    if (!(alignment.score >= 0.0 && alignment.score <= 1.0)) __builtin_trap();
    std::size_t next_source = 0;
    std::size_t next_target = 0;
    for (const artalign::Bead& bead : beads) {
        if (bead.source.empty() && bead.target.empty()) __builtin_trap();
        for (const std::size_t k : bead.source) if (k != next_source++) __builtin_trap();
        for (const std::size_t k : bead.target) if (k != next_target++) __builtin_trap();
        if (!(bead.score >= 0.0 && bead.score <= 1.0)) __builtin_trap();
    }
    if (next_source != source.size() || next_target != target.size()) __builtin_trap();
    return 0;
}
