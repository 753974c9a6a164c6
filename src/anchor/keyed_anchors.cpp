// Numbering anchor keys.
#include "anchor/keyed_anchors.hpp"

namespace artalign {

std::uint32_t KeyTable::id(std::string_view key) {
    if (const auto found = ids_.find(key); found != ids_.end()) return found->second;
    const auto [it, inserted] = ids_.emplace(std::string(key), static_cast<std::uint32_t>(keys_.size()));
    keys_.push_back(&it->first);
    return it->second;
}

void KeyTable::clear() {
    ids_.clear();
    keys_.clear();
}

}  // namespace artalign
