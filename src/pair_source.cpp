// Pair sources: a plain list of requests, and page paths packed into one buffer.
#include "artalign/pair_source.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

namespace artalign {

void PageList::add(std::string_view page) {
    if (page.size() >= (1u << 16)) throw std::length_error("PageList: a path longer than 65535 bytes");
    starts_.push_back(static_cast<std::uint64_t>(buffer_.size()) << 16 | page.size());
    buffer_.append(page);
}

std::string_view PageList::page(std::size_t position) const {
    const std::uint64_t packed = starts_.at(position);
    return std::string_view(buffer_).substr(static_cast<std::size_t>(packed >> 16), static_cast<std::size_t>(packed & 0xFFFF));
}

void PageList::sort_unique() {
    const auto view = [this](std::uint64_t packed) {
        return std::string_view(buffer_).substr(static_cast<std::size_t>(packed >> 16), static_cast<std::size_t>(packed & 0xFFFF));
    };
    std::sort(starts_.begin(), starts_.end(), [&](std::uint64_t a, std::uint64_t b) { return view(a) < view(b); });
    starts_.erase(std::unique(starts_.begin(), starts_.end(), [&](std::uint64_t a, std::uint64_t b) { return view(a) == view(b); }),
                  starts_.end());
}

void PageList::unique_stable() {
    std::unordered_set<std::string_view> seen;
    std::vector<std::uint64_t> kept;
    for (std::size_t k = 0; k < starts_.size(); ++k) {
        if (seen.insert(page(k)).second) kept.push_back(starts_[k]);
    }
    starts_ = std::move(kept);
}

PairRequest PageList::at(std::size_t position) const {
    return page_request(std::filesystem::path(std::string(page(position))), mirror_root_);
}

}  // namespace artalign
