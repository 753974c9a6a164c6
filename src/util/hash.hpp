// Stable 64-bit hashes of bytes: compact keys in large runs (FNV-1a with a final avalanche) and a
// fast checksum of whole files.
#pragma once

#include <cstdint>
#include <string_view>

namespace artalign {

/// FNV-1a 64 over `text` from `basis`, then MurmurHash3's fmix64 so that every input bit affects
/// every output bit. The same on every platform and run. Feed further text by passing a previous
/// result as `basis` (before the avalanche it is not the same as hashing the concatenation).
std::uint64_t hash_bytes(std::string_view text, std::uint64_t basis = 0xCBF29CE484222325ull);

/// A checksum of `bytes` that tells whether a file changed, 32 bytes a step in four independent
/// lanes (hash_bytes goes one byte a step: too slow for the hundreds of kilobytes checked at
/// every start). Not for keys in a table. The same on every run; a previous result passed as
/// `seed` chains files.
std::uint64_t checksum_bytes(std::string_view bytes, std::uint64_t seed = 0);

}  // namespace artalign
