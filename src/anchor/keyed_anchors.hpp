// Anchors with numbered keys: what the aligner compares, without a string per key.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "anchor/string_table.hpp"
#include "artalign/anchor_kind.hpp"

namespace artalign {

/// No key (yet): what a cached key number holds before it is first needed.
inline constexpr std::uint32_t kNoKey = 0xFFFFFFFFu;

/// Numbers for anchor keys ("w:polic" -> 17): each distinct key gets the next number, so two
/// anchors share a key exactly when they share a number.
class KeyTable {
public:
    /// The number of `key`, given it on first sight.
    std::uint32_t id(std::string_view key) {
        if (const std::uint32_t* known = ids_.find(key)) return *known;
        return ids_.insert(key, static_cast<std::uint32_t>(ids_.size()));
    }
    /// The key numbered `id`.
    std::string_view key(std::uint32_t id) const { return ids_.key(id); }
    std::size_t size() const { return ids_.size(); }
    void clear() { ids_.clear(); }

private:
    StringTable<char, std::uint32_t> ids_;  // a key's number is its entry's index
};

/// The anchors of one sentence, flat: anchor `a` is of kind kinds[a] and holds the keys
/// keys[starts[a]] .. keys[starts[a + 1]), numbers of one KeyTable, in the order found.
struct KeyedAnchors {
    std::vector<AnchorKind> kinds;
    std::vector<std::uint32_t> starts{0};
    std::vector<std::uint32_t> keys;

    std::size_t size() const { return kinds.size(); }
    std::span<const std::uint32_t> keys_of(std::size_t anchor) const {
        return {keys.data() + starts[anchor], keys.data() + starts[anchor + 1]};
    }
    /// Adds an anchor, unless it has no key.
    void add(AnchorKind kind, std::span<const std::uint32_t> anchor_keys) {
        if (anchor_keys.empty()) return;
        kinds.push_back(kind);
        // One by one: an anchor has one to three keys, for which a range insert costs more.
        for (const std::uint32_t key : anchor_keys) keys.push_back(key);
        starts.push_back(static_cast<std::uint32_t>(keys.size()));
    }
    void clear() {
        kinds.clear();
        starts.assign(1, 0);
        keys.clear();
    }
};

}  // namespace artalign
