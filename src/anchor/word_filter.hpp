// A quick test that rules most words out of a small word list before it is looked up.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace artalign {

/// The length and first code point of every word of a list, as bits. A word that fails
/// may_hold() is not in the list; one that passes may be (then look it up). Checking costs a
/// few instructions, against hashing the word, and most words of a text fail it.
class WordFilter {
public:
    void add(std::u32string_view word) {
        if (!word.empty()) bits_[bucket(word.size())] |= bit(word[0]);
    }
    /// False when no word of this length beginning with `first` was added.
    bool may_hold(std::size_t length, char32_t first) const { return (bits_[bucket(length)] & bit(first)) != 0; }
    bool may_hold(std::u32string_view word) const { return !word.empty() && may_hold(word.size(), word[0]); }

private:
    // Lengths from kBuckets - 1 up share the last bucket; code points share bits by their low six.
    static constexpr std::size_t kBuckets = 16;
    static std::size_t bucket(std::size_t length) { return std::min(length, kBuckets - 1); }
    static std::uint64_t bit(char32_t c) { return std::uint64_t{1} << (c & 63); }
    std::array<std::uint64_t, kBuckets> bits_{};
};

}  // namespace artalign
