// Pair sources: a plain list of requests, and page paths packed into one buffer.
#include "batch/pair_source.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>


namespace artalign {

namespace {

void put_varint(std::string& out, std::size_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

std::size_t get_varint(std::string_view in, std::size_t& offset) {
    std::size_t value = 0;
    for (int shift = 0;; shift += 7) {
        const auto byte = static_cast<unsigned char>(in[offset++]);
        value |= static_cast<std::size_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) return value;
    }
}

}  // namespace

void PageList::add(std::string_view page) {
    if (sealed_) throw std::logic_error("PageList::add after the list was ordered");
    if (page.size() >= (1u << 16)) throw std::length_error("PageList: a path longer than 65535 bytes");
    starts_.push_back(static_cast<std::uint64_t>(buffer_.size()) << 16 | page.size());
    buffer_.append(page);
}

std::string_view PageList::raw(std::size_t position) const {
    const std::uint64_t packed = starts_[position];
    return std::string_view(buffer_).substr(static_cast<std::size_t>(packed >> 16), static_cast<std::size_t>(packed & 0xFFFF));
}

void PageList::pack(const std::vector<std::uint64_t>& order) {
    std::string_view previous;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::string_view path = std::string_view(buffer_).substr(static_cast<std::size_t>(order[k] >> 16),
                                                                        static_cast<std::size_t>(order[k] & 0xFFFF));
        std::size_t shared = 0;
        if (k % kBlock == 0) {
            blocks_.push_back(packed_.size());
        } else {
            while (shared < path.size() && shared < previous.size() && path[shared] == previous[shared]) ++shared;
        }
        put_varint(packed_, shared);
        put_varint(packed_, path.size() - shared);
        packed_.append(path.substr(shared));
        previous = path;
    }
    count_ = order.size();
    sealed_ = true;
    packed_.shrink_to_fit();
    blocks_.shrink_to_fit();
    std::string().swap(buffer_);
    std::vector<std::uint64_t>().swap(starts_);
}

void PageList::sort_unique() {
    if (sealed_) return;
    std::vector<std::uint64_t> order = starts_;
    const auto view = [this](std::uint64_t packed) {
        return std::string_view(buffer_).substr(static_cast<std::size_t>(packed >> 16), static_cast<std::size_t>(packed & 0xFFFF));
    };
    std::sort(order.begin(), order.end(), [&](std::uint64_t a, std::uint64_t b) { return view(a) < view(b); });
    order.erase(std::unique(order.begin(), order.end(), [&](std::uint64_t a, std::uint64_t b) { return view(a) == view(b); }),
                order.end());
    pack(order);
}

void PageList::unique_stable() {
    if (sealed_) return;
    std::unordered_set<std::string_view> seen;
    std::vector<std::uint64_t> order;
    for (std::size_t k = 0; k < starts_.size(); ++k) {
        if (seen.insert(raw(k)).second) order.push_back(starts_[k]);
    }
    pack(order);
}

std::string PageList::page(std::size_t position) const {
    if (position >= size()) throw std::out_of_range("PageList::page: position past the end");
    if (!sealed_) return std::string(raw(position));
    std::size_t offset = static_cast<std::size_t>(blocks_[position / kBlock]);
    std::string path;
    for (std::size_t k = position / kBlock * kBlock; k <= position; ++k) {
        const std::size_t shared = get_varint(packed_, offset);
        const std::size_t rest = get_varint(packed_, offset);
        path.resize(shared);
        path.append(packed_, offset, rest);
        offset += rest;
    }
    return path;
}

PairRequest PageList::at(std::size_t position) const {
    // A URL stays a URL: the pipeline reads it from the mirror, or fetches it when allowed.
    return page_request(page(position), mirror_root_);
}

}  // namespace artalign
