// Remembering which units a run has written, to drop exact repeats across articles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace artalign {

/// A set of (source, target) text pairs kept as 128-bit hashes in an open-addressing table
/// (at most half full), so memory is 16-32 bytes a distinct unit whatever the text length.
/// The two 64-bit halves are hashes with different seeds, and the source's hash seeds the
/// target's, so the sides do not run together. Two different pairs would have to collide in
/// all 128 bits to be taken for a repeat.
class UnitSet {
public:
    /// True when the pair is new (and now remembered), false when it was seen before.
    bool insert(std::string_view source, std::string_view target);
    /// True when the pair was inserted before.
    bool contains(std::string_view source, std::string_view target) const;
    /// As insert, remembering `number` (not 0) with a new pair: 0 when the pair is new, else
    /// the number it was first inserted with (0 when that was by insert). Numbers cost 8 more
    /// bytes a slot, only in a set they are used in.
    std::size_t insert_numbered(std::string_view source, std::string_view target, std::size_t number);
    std::size_t size() const { return size_; }

private:
    struct Key {
        std::uint64_t high = 0, low = 0;  // (0, 0) marks an empty slot
    };
    static Key key_of(std::string_view source, std::string_view target);
    /// The slot holding `key`, or the empty slot where it would go. The table must not be empty.
    std::size_t slot_of(const Key& key) const;
    void grow();

    /// The slot of `key`, inserting it when new (grows first); `fresh` says which.
    std::size_t place(const Key& key, bool& fresh);

    std::vector<Key> slots_;
    std::vector<std::size_t> numbers_;  // parallel to slots_ once insert_numbered is used, else empty
    std::size_t size_ = 0;
};

}  // namespace artalign
