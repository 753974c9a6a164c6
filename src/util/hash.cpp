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
    // Four lanes of eight bytes, each its own chain of multiplications: the processor runs them
    // side by side (one chain waits on each multiplication; the index is checked at every start).
    // The length goes in first, so that trailing zero bytes still change the result.
    std::uint64_t lanes[4];
    for (std::uint64_t lane = 0; lane < 4; ++lane) lanes[lane] = (seed ^ bytes.size() ^ lane) * 0x9E3779B97F4A7C15ull;
    auto mix = [](std::uint64_t hash, std::uint64_t word) {
        hash = (hash ^ word) * 0xFF51AFD7ED558CCDull;
        return hash ^ (hash >> 32);
    };
    std::size_t at = 0;
    for (; at + 32 <= bytes.size(); at += 32) {
        std::uint64_t words[4];
        std::memcpy(words, bytes.data() + at, 32);
        for (std::size_t lane = 0; lane < 4; ++lane) lanes[lane] = mix(lanes[lane], words[lane]);
    }
    std::uint64_t hash = lanes[0];
    for (std::size_t lane = 1; lane < 4; ++lane) hash = mix(hash, avalanche(lanes[lane]));
    for (; at + 8 <= bytes.size(); at += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + at, 8);
        hash = mix(hash, word);
    }
    std::uint64_t tail = 0;
    if (at < bytes.size()) std::memcpy(&tail, bytes.data() + at, bytes.size() - at);
    return avalanche(hash ^ tail);
}

}  // namespace artalign
