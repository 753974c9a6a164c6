// The article model (artalign/types.hpp): the blocks a translation covers.
#include "artalign/types.hpp"

namespace artalign {

std::vector<std::string> Article::heading_blocks() const {
    std::vector<std::string> blocks;
    if (!title.empty()) blocks.push_back(title);
    std::size_t start = 0;
    while (start <= subtitle.size()) {
        const std::size_t end = subtitle.find('\n', start);
        const std::string line = subtitle.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!line.empty()) blocks.push_back(line);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return blocks;
}

std::vector<std::string> Article::text_blocks() const {
    std::vector<std::string> blocks = heading_blocks();
    for (const std::string& paragraph : paragraphs) {
        if (!paragraph.empty()) blocks.push_back(paragraph);
    }
    return blocks;
}

}  // namespace artalign
