// A hash table from short strings to values, laid out flat for the word caches of anchor
// extraction, which are asked once for every word of every sentence.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace artalign {

/// Strings (their characters in one pool) with a value each, found by open addressing over a
/// table of entry numbers. Against std::unordered_map: no node, no string allocation per entry,
/// and a look-up touches a few adjacent memory blocks instead of chasing pointers. Entries are
/// numbered in order of insertion; a reference to a value lasts until the next insert or clear.
template <typename Char, typename Value>
class StringTable {
public:
    using Key = std::basic_string_view<Char>;

    /// The value of `key`, or nullptr.
    const Value* find(Key key) const {
        if (slots_.empty()) return nullptr;
        const std::uint64_t hash = hash_of(key);
        for (std::size_t slot = hash & mask(); slots_[slot] != 0; slot = (slot + 1) & mask()) {
            const std::size_t index = slots_[slot] - 1;
            if (entries_[index].hash == hash && this->key(index) == key) return &values_[index];
        }
        return nullptr;
    }
    Value* find(Key key) { return const_cast<Value*>(std::as_const(*this).find(key)); }

    /// Sets the value of `key`, adding it when it is not there.
    void assign(Key key, Value value) {
        if (Value* known = find(key)) *known = std::move(value);
        else insert(key, std::move(value));
    }

    /// Adds `key`, which must not be there, with `value`; returns the value's place.
    Value& insert(Key key, Value value) {
        if ((entries_.size() + 1) * 2 > slots_.size()) grow();
        const std::uint64_t hash = hash_of(key);
        entries_.push_back(Entry{hash, static_cast<std::uint32_t>(pool_.size()), static_cast<std::uint32_t>(key.size())});
        pool_.insert(pool_.end(), key.begin(), key.end());
        values_.push_back(std::move(value));
        place(hash, entries_.size());
        return values_.back();
    }

    /// The key of entry `index` (0 for the first inserted).
    Key key(std::size_t index) const { return Key(pool_.data() + entries_[index].offset, entries_[index].length); }
    Value& value(std::size_t index) { return values_[index]; }
    std::size_t size() const { return entries_.size(); }

    void clear() {
        pool_.clear();
        entries_.clear();
        values_.clear();
        slots_.assign(slots_.size(), 0);
    }

private:
    struct Entry {
        std::uint64_t hash;
        std::uint32_t offset;  // of the key's characters in pool_
        std::uint32_t length;
    };

    // The key's bytes eight at a time, each eight multiplied in: a character at a time (FNV-1a)
    // cost the most of every look-up, above all for the sentence cache's whole sentences.
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
    static std::uint64_t load(const unsigned char* bytes, std::size_t count) {
        std::uint64_t value = 0;
        std::memcpy(&value, bytes, count);
        return value;
    }
    std::size_t mask() const { return slots_.size() - 1; }
    // Puts entry number `number` (index + 1) in the first free slot from its hash's.
    void place(std::uint64_t hash, std::size_t number) {
        std::size_t slot = hash & mask();
        while (slots_[slot] != 0) slot = (slot + 1) & mask();
        slots_[slot] = static_cast<std::uint32_t>(number);
    }
    void grow() {
        slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, 0);
        for (std::size_t index = 0; index < entries_.size(); ++index) place(entries_[index].hash, index + 1);
    }

    std::vector<Char> pool_;
    std::vector<Entry> entries_;
    std::vector<Value> values_;
    std::vector<std::uint32_t> slots_;  // entry index + 1; 0 for a free slot
};

}  // namespace artalign
