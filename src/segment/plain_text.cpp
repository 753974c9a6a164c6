// Plain text into lines, paragraphs and segments.
#include "segment/plain_text.hpp"

#include "read/text_file.hpp"
#include "util/text.hpp"

namespace artalign {

std::vector<std::string> text_lines(const std::string& text) {
    const std::vector<std::string_view> views = split_lines(text);
    return std::vector<std::string>(views.begin(), views.end());
}

std::vector<std::string> text_paragraphs(const std::string& text) {
    std::vector<std::string> paragraphs;
    std::string paragraph;
    for (const std::string_view line : split_lines(text)) {
        const std::string clean = collapse_whitespace(line);
        if (clean.empty()) {
            if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
            paragraph.clear();
        } else {
            paragraph += (paragraph.empty() ? "" : " ") + clean;
        }
    }
    if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
    return paragraphs;
}

SegmentList text_segments(const std::string& text, TextLayout layout, const SentenceSplitter* splitter) {
    if (layout == TextLayout::lines) {
        SegmentList segments;
        const std::vector<std::string_view> lines = split_lines(text);
        segments.reserve(lines.size());
        for (const std::string_view line : lines) segments.push_back(Segment{collapse_whitespace(line), 0});
        return segments;
    }
    if (layout == TextLayout::paragraph_lines) {
        SegmentList segments;
        std::size_t block = 0;
        for (const std::string_view line : split_lines(text)) {
            std::string clean = collapse_whitespace(line);
            if (clean.empty()) {
                if (!segments.empty() && segments.back().block == block) ++block;
            } else {
                segments.push_back(Segment{std::move(clean), block});
            }
        }
        return segments;
    }
    return splitter->split(text_paragraphs(text));
}

SegmentList read_text_segments(const std::filesystem::path& file, TextLayout layout, const SentenceSplitter* splitter) {
    return text_segments(read_text_file(file), layout, splitter);
}

}  // namespace artalign
