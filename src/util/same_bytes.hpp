// Equality of two short runs of bytes, inline: the word caches and the lexicon index compare a
// key of a few dozen bytes on every hit, and a call to memcmp cost more than the comparison.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace artalign {

/// Whether the `size` bytes at `a` and at `b` are the same: eight at a time and the last one to
/// seven in two overlapping loads; memcmp past 64 bytes.
inline bool same_bytes(const void* a, const void* b, std::size_t size) {
    if (size > 64) return std::memcmp(a, b, size) == 0;
    const auto* x = static_cast<const unsigned char*>(a);
    const auto* y = static_cast<const unsigned char*>(b);
    auto load = [](const unsigned char* bytes, std::size_t count) {
        std::uint64_t value = 0;
        std::memcpy(&value, bytes, count);
        return value;
    };
    std::uint64_t differ = 0;
    for (; size >= 8; x += 8, y += 8, size -= 8) differ |= load(x, 8) ^ load(y, 8);
    if (size >= 4) {
        differ |= (load(x, 4) ^ load(y, 4)) | (load(x + size - 4, 4) ^ load(y + size - 4, 4));
    } else if (size > 0) {  // bytes 0, size / 2 and size - 1 are all of one to three
        differ |= static_cast<std::uint64_t>((x[0] ^ y[0]) | (x[size / 2] ^ y[size / 2]) | (x[size - 1] ^ y[size - 1]));
    }
    return differ == 0;
}

}  // namespace artalign
