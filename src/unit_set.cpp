// 128-bit hashes of unit texts for deduplication.
#include "artalign/unit_set.hpp"

namespace artalign {
namespace {

// FNV-1a over the bytes, starting from `basis`; the two halves use different bases and a
// final avalanche (from MurmurHash3's fmix64) so they behave as independent hashes.
std::uint64_t fnv1a(std::string_view source, std::string_view target, std::uint64_t basis) {
    std::uint64_t hash = basis;
    const auto feed = [&](std::string_view text) {
        for (const char c : text) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 0x100000001B3ull;
        }
    };
    feed(source);
    hash ^= 0xFF;  // a byte UTF-8 never contains separates the two sides
    hash *= 0x100000001B3ull;
    feed(target);
    hash ^= hash >> 33;
    hash *= 0xFF51AFD7ED558CCDull;
    hash ^= hash >> 33;
    hash *= 0xC4CEB9FE1A85EC53ull;
    hash ^= hash >> 33;
    return hash;
}

}  // namespace

bool UnitSet::insert(std::string_view source, std::string_view target) {
    const Key key{fnv1a(source, target, 0xCBF29CE484222325ull), fnv1a(source, target, 0x84222325CBF29CE4ull)};
    return seen_.insert(key).second;
}

}  // namespace artalign
