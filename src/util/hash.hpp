// A stable 64-bit hash of bytes (FNV-1a with a final avalanche), for compact keys in large runs.
#pragma once

#include <cstdint>
#include <string_view>

namespace artalign {

/// FNV-1a 64 over `text` from `basis`, then MurmurHash3's fmix64 so that every input bit affects
/// every output bit. The same on every platform and run. Feed further text by passing a previous
/// result as `basis` (before the avalanche it is not the same as hashing the concatenation).
std::uint64_t hash_bytes(std::string_view text, std::uint64_t basis = 0xCBF29CE484222325ull);

}  // namespace artalign
