// Fuzz target: sentence segmentation of arbitrary (often invalid) UTF-8 in both languages.
#include <cstddef>
#include <cstdint>
#include <string>

#include "artalign/error.hpp"
#include "segment/segmenter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto english = artalign::SentenceSplitter::for_language("en", ARTALIGN_FUZZ_DATA);
    static const auto korean = artalign::SentenceSplitter::for_language("ko", ARTALIGN_FUZZ_DATA);
    const std::string text(reinterpret_cast<const char*>(data), size);
    // Blank lines separate blocks, as paragraphs do.
    std::vector<std::string> blocks;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find("\n\n", start)) != std::string::npos; start = end + 2)
        blocks.push_back(text.substr(start, end - start));
    blocks.push_back(text.substr(start));
    for (const auto* splitter : {&english, &korean}) {
        const artalign::SegmentList segments = splitter->split(blocks);
        for (const artalign::Segment& segment : segments) {
            if (segment.text.empty() || segment.block >= blocks.size()) __builtin_trap();
        }
    }
    return 0;
}
