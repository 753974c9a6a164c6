// A hash table from short strings to values, laid out flat for the word caches of anchor
// extraction, which are asked once for every word of every sentence.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "util/growing_buffer.hpp"
#include "util/same_bytes.hpp"

namespace artalign {

/// Strings with a value each, found by open addressing. Each entry is one record in an arena,
/// its value beside its characters, and each slot holds part of the key's hash beside the
/// record's place: a look-up that finds its key touches two places in memory (the slot and the
/// record), and one that does not mostly only the slot. The word caches outgrow the processor's
/// nearest caches over a long batch, and a look-up's time is then the memory it touches: entries,
/// characters and values in arrays of their own took four places for a hit.
///
/// Entries are numbered in order of insertion. Values are trivially copyable (they live in
/// the arena's bytes); a reference to one lasts until the next insert or clear.
template <typename Char, typename Value>
class StringTable {
    static_assert(std::is_trivially_copyable_v<Value> && alignof(Value) <= 8, "a value is stored in the arena's bytes");

public:
    using Key = std::basic_string_view<Char>;

    /// The value of `key`, or nullptr.
    const Value* find(Key key) const { return find(key, hash_of(key)); }
    Value* find(Key key) { return const_cast<Value*>(std::as_const(*this).find(key)); }

    /// The same with the key's hash_of() already known.
    Value* find(Key key, std::uint64_t hash) { return const_cast<Value*>(std::as_const(*this).find(key, hash)); }
    const Value* find(Key key, std::uint64_t hash) const {
        if (slots_.empty()) return nullptr;
        const std::uint64_t tag = tag_of(hash);
        for (std::size_t slot = home_of(hash); slots_[slot] != 0; slot = (slot + 1) & mask()) {
            const std::uint64_t content = slots_[slot];
            if ((content & kTagBits) != tag) continue;
            const std::size_t at = place_of(content);
            if (same_key(key_at(at), key)) return value_at(at);
        }
        return nullptr;
    }

    /// Look-ups of many keys in a row wait for memory one after the other; these start the
    /// loads ahead, so that the waits overlap: prefetch_slot() for each key's hash, then
    /// prefetch_record() for each, then find(). Neither changes anything or needs to be called.
    void prefetch_slot(std::uint64_t hash) const {
        if (!slots_.empty()) __builtin_prefetch(&slots_[home_of(hash)]);
    }
    void prefetch_record(std::uint64_t hash) const {
        if (slots_.empty()) return;
        const std::uint64_t tag = tag_of(hash);
        for (std::size_t slot = home_of(hash); slots_[slot] != 0; slot = (slot + 1) & mask()) {
            if ((slots_[slot] & kTagBits) == tag) {
                __builtin_prefetch(bytes(place_of(slots_[slot])));
                return;
            }
        }
    }

    /// The hash find() looks `key` up by.
    static std::uint64_t hash_of(Key key) {
        constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15u;
        const auto* bytes = reinterpret_cast<const unsigned char*>(key.data());
        std::size_t size = key.size() * sizeof(Char);
        std::uint64_t hash = (size + 1) * kMultiplier;
        auto mix = [&hash](std::uint64_t chunk) {
            hash = (hash ^ chunk) * kMultiplier;
            hash ^= hash >> 32;
        };
        for (; size >= 8; bytes += 8, size -= 8) mix(load(bytes, 8));
        // The last one to seven bytes, as two overlapping loads or (under four) three bytes.
        if (size >= 4) mix(load(bytes, 4) | load(bytes + size - 4, 4) << 32);
        else if (size > 0) mix(bytes[0] | std::uint64_t{bytes[size / 2]} << 8 | std::uint64_t{bytes[size - 1]} << 16);
        return hash ^ (hash >> 29);
    }

    /// Sets the value of `key`, adding it when it is not there.
    void assign(Key key, Value value) {
        if (Value* known = find(key)) *known = value;
        else insert(key, value);
    }

    /// Adds `key`, which must not be there, with `value`; returns the value's place. Throws
    /// std::length_error when the arena would pass 32 GiB.
    Value& insert(Key key, Value value) {
        if ((records_.size() + 1) * 2 > slots_.size()) grow();
        const std::size_t blocks = (kKeyAt + key.size() * sizeof(Char) + sizeof(Block) - 1) / sizeof(Block);
        if (arena_.size() + blocks >= kMaxBlocks) throw std::length_error("StringTable: more than 32 GiB of entries");
        const std::size_t at = arena_.extend(blocks);
        std::byte* record = bytes(at);
        const auto length = static_cast<std::uint32_t>(key.size());
        std::memcpy(record, &length, sizeof length);
        if (!key.empty()) std::memcpy(record + kKeyAt, key.data(), key.size() * sizeof(Char));
        Value* placed = ::new (record + kValueAt) Value(value);
        records_.push_back(static_cast<std::uint32_t>(at));
        put(hash_of(key), at);
        return *placed;
    }

    /// The key of entry `index` (0 for the first inserted).
    Key key(std::size_t index) const { return key_at(records_[index]); }
    Value& value(std::size_t index) { return *value_at(records_[index]); }
    std::size_t size() const { return records_.size(); }

    void clear() {
        arena_.clear();
        records_.clear();
        slots_.assign(slots_.size(), 0);
    }

private:
    // The arena's unit: records start on eight-byte boundaries, so any value can sit in one.
    struct alignas(8) Block {
        std::byte bytes[8];
    };
    // The records' memory (GrowingBuffer: grown by remapping pages, not by copying them into
    // fresh ones as a doubling std::vector did, and never zeroed: every byte read was written).
    class Arena {
    public:
        std::size_t size() const { return size_; }
        Block* data() { return reinterpret_cast<Block*>(bytes_.data()); }
        const Block* data() const { return reinterpret_cast<const Block*>(bytes_.data()); }
        // Adds `count` blocks (their bytes unset); returns the first one's place.
        std::size_t extend(std::size_t count) {
            if ((size_ + count) * sizeof(Block) > bytes_.capacity()) bytes_.reserve((size_ + count) * sizeof(Block), size_ * sizeof(Block));
            const std::size_t at = size_;
            size_ += count;
            return at;
        }
        void clear() { size_ = 0; }

    private:
        GrowingBuffer bytes_;
        std::size_t size_ = 0;  // in blocks
    };

    // A record: the key's length (uint32), the value, the key's characters.
    static constexpr std::size_t round_up(std::size_t size, std::size_t to) { return (size + to - 1) / to * to; }
    static constexpr std::size_t kValueAt = round_up(sizeof(std::uint32_t), alignof(Value));
    static constexpr std::size_t kKeyAt = round_up(kValueAt + sizeof(Value), alignof(Char));
    // A slot: the hash's high 32 bits, and the record's place in blocks + 1 (0: a free slot).
    static constexpr std::uint64_t kTagBits = 0xFFFFFFFF00000000u;
    static constexpr std::size_t kMaxBlocks = std::numeric_limits<std::uint32_t>::max();
    static std::uint64_t tag_of(std::uint64_t hash) { return hash & kTagBits; }
    static std::size_t place_of(std::uint64_t content) { return static_cast<std::uint32_t>(content) - std::size_t{1}; }

    std::byte* bytes(std::size_t at) { return arena_.data()[at].bytes; }
    const std::byte* bytes(std::size_t at) const { return arena_.data()[at].bytes; }
    Key key_at(std::size_t at) const {
        const std::byte* record = bytes(at);
        std::uint32_t length = 0;
        std::memcpy(&length, record, sizeof length);
        return Key(reinterpret_cast<const Char*>(record + kKeyAt), length);
    }
    const Value* value_at(std::size_t at) const { return std::launder(reinterpret_cast<const Value*>(bytes(at) + kValueAt)); }
    Value* value_at(std::size_t at) { return std::launder(reinterpret_cast<Value*>(bytes(at) + kValueAt)); }

    // Keys compared as bytes: a basic_string_view<char32_t> compares them one by one for their
    // order, where only their equality is asked.
    static bool same_key(Key a, Key b) {
        return a.size() == b.size() && same_bytes(a.data(), b.data(), a.size() * sizeof(Char));
    }
    // hash_of() takes the key's bytes eight at a time, each eight multiplied in: a character at a
    // time (FNV-1a) cost the most of every look-up, above all for the sentence cache's whole
    // sentences.
    static std::uint64_t load(const unsigned char* bytes, std::size_t count) {
        std::uint64_t value = 0;
        std::memcpy(&value, bytes, count);
        return value;
    }
    std::size_t mask() const { return slots_.size() - 1; }
    // The slot a key's probe starts at: from the hash's high half, which its slot keeps as the
    // tag, so that growing the table moves each slot's content by the content alone. Taken from
    // the low half, every record had to be read again (and hashed) at each growth, and the
    // records are most of the table's memory.
    std::size_t home_of(std::uint64_t hash) const { return static_cast<std::size_t>(hash >> 32) & mask(); }
    // Puts a slot's content (a tag and a record's place) in the first free slot from its home.
    void put_content(std::uint64_t content) {
        std::size_t slot = home_of(content);
        while (slots_[slot] != 0) slot = (slot + 1) & mask();
        slots_[slot] = content;
    }
    void put(std::uint64_t hash, std::size_t at) { put_content(tag_of(hash) | (at + 1)); }
    void grow() {
        std::vector<std::uint64_t> old = std::move(slots_);
        slots_.assign(old.empty() ? 64 : old.size() * 2, 0);
        for (const std::uint64_t content : old) {
            if (content != 0) put_content(content);
        }
    }

    Arena arena_;
    std::vector<std::uint32_t> records_;  // each entry's place in the arena, in order of insertion
    std::vector<std::uint64_t> slots_;
};

}  // namespace artalign
