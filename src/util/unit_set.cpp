// 128-bit hashes of unit texts in a linear-probing table, for deduplication.
#include "util/unit_set.hpp"

#include "util/hash.hpp"

namespace artalign {

void UnitSet::grow() {
    std::vector<Key> old = std::move(slots_);
    std::vector<std::size_t> old_numbers = std::move(numbers_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Key{});
    if (!old_numbers.empty()) numbers_.assign(slots_.size(), 0);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = 0; k < old.size(); ++k) {
        const Key& key = old[k];
        if (key.high == 0 && key.low == 0) continue;
        std::size_t slot = static_cast<std::size_t>(key.high) & mask;
        while (slots_[slot].high != 0 || slots_[slot].low != 0) slot = (slot + 1) & mask;
        slots_[slot] = key;
        if (!old_numbers.empty()) numbers_[slot] = old_numbers[k];
    }
}

UnitSet::Key UnitSet::key_of(std::string_view source, std::string_view target) {
    Key key{hash_bytes(target, hash_bytes(source, 0xCBF29CE484222325ull)),
            hash_bytes(target, hash_bytes(source, 0x84222325CBF29CE4ull) ^ 0x9E3779B97F4A7C15ull)};
    if (key.high == 0 && key.low == 0) key.low = 1;
    return key;
}

std::size_t UnitSet::slot_of(const Key& key) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = static_cast<std::size_t>(key.high) & mask;
    while ((slots_[slot].high != 0 || slots_[slot].low != 0) &&
           (slots_[slot].high != key.high || slots_[slot].low != key.low))
        slot = (slot + 1) & mask;
    return slot;
}

std::size_t UnitSet::place(const Key& key, bool& fresh) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    const std::size_t slot = slot_of(key);
    fresh = slots_[slot].high != key.high || slots_[slot].low != key.low;
    if (fresh) {
        slots_[slot] = key;
        ++size_;
    }
    return slot;
}

bool UnitSet::insert(std::string_view source, std::string_view target) {
    bool fresh = false;
    place(key_of(source, target), fresh);
    return fresh;
}

std::size_t UnitSet::insert_numbered(std::string_view source, std::string_view target, std::size_t number) {
    bool fresh = false;
    const std::size_t slot = place(key_of(source, target), fresh);
    if (numbers_.size() != slots_.size()) numbers_.resize(slots_.size(), 0);  // the first numbered insert
    if (!fresh) return numbers_[slot];
    numbers_[slot] = number;
    return 0;
}

bool UnitSet::contains(std::string_view source, std::string_view target) const {
    if (slots_.empty()) return false;
    const Key key = key_of(source, target);
    const Key& found = slots_[slot_of(key)];
    return found.high == key.high && found.low == key.low;
}

}  // namespace artalign
