// FNV-1a 64 with MurmurHash3's fmix64 finaliser; a word-at-a-time checksum with the same finaliser.
#include "util/hash.hpp"

#include <cstring>

namespace artalign {
namespace {

std::uint64_t avalanche(std::uint64_t hash) {
    hash ^= hash >> 33;
    hash *= 0xFF51AFD7ED558CCDull;
    hash ^= hash >> 33;
    hash *= 0xC4CEB9FE1A85EC53ull;
    hash ^= hash >> 33;
    return hash;
}

}  // namespace

std::uint64_t hash_bytes(std::string_view text, std::uint64_t basis) {
    std::uint64_t hash = basis;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001B3ull;
    }
    return avalanche(hash);
}

std::uint64_t checksum_bytes(std::string_view bytes, std::uint64_t seed) {
    // The length first, so that trailing zero bytes still change the result.
    std::uint64_t hash = (seed ^ bytes.size()) * 0x9E3779B97F4A7C15ull;
    std::size_t at = 0;
    for (; at + 8 <= bytes.size(); at += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + at, 8);
        hash = (hash ^ word) * 0xFF51AFD7ED558CCDull;
        hash ^= hash >> 32;
    }
    std::uint64_t tail = 0;
    if (at < bytes.size()) std::memcpy(&tail, bytes.data() + at, bytes.size() - at);
    return avalanche(hash ^ tail);
}

}  // namespace artalign
