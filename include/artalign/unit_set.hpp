// Remembering which units a run has written, to drop exact repeats across articles.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_set>

namespace artalign {

/// A set of (source, target) text pairs kept as 128-bit hashes (two independent 64-bit
/// FNV-1a variants), so memory grows by 16 bytes a distinct unit whatever the text length.
/// Two different pairs would have to collide in both halves to be mistaken for a repeat;
/// for a million units that chance is about 1e-27.
class UnitSet {
public:
    /// True when the pair is new (and now remembered), false when it was seen before.
    bool insert(std::string_view source, std::string_view target);
    std::size_t size() const { return seen_.size(); }

private:
    struct Key {
        std::uint64_t high, low;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& key) const { return static_cast<std::size_t>(key.high ^ (key.low * 0x9E3779B97F4A7C15ull)); }
    };
    std::unordered_set<Key, KeyHash> seen_;
};

}  // namespace artalign
