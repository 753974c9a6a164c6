// Tests for GrowingBuffer, the memory of the anchor caches' hash tables.
#include "util/growing_buffer.hpp"

#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "test_support.hpp"

using namespace artalign;

namespace {

// Fills bytes [from, to) with a pattern that tells every position apart.
void fill(GrowingBuffer& buffer, std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) buffer.data()[k] = static_cast<std::byte>((k * 131 + k / 251) & 0xFF);
}

bool holds_pattern(const GrowingBuffer& buffer, std::size_t to) {
    for (std::size_t k = 0; k < to; ++k) {
        if (buffer.data()[k] != static_cast<std::byte>((k * 131 + k / 251) & 0xFF)) return false;
    }
    return true;
}

}  // namespace

// From the heap to pages of its own, on inside their reserved address space, then past it
// (moved into a larger one), and on again: what was written stays.
TEST_CASE("a growing buffer keeps its contents from the heap to its own pages and through remapping") {
    GrowingBuffer buffer;
    CHECK(buffer.capacity() == 0);
    std::size_t used = 0;
    const std::byte* paged = nullptr;
    for (const std::size_t size : {std::size_t{100}, std::size_t{5000}, GrowingBuffer::kPagedFrom - 1, GrowingBuffer::kPagedFrom + 1,
                                   std::size_t{1} << 20, std::size_t{5} << 20, GrowingBuffer::kReservedFrom + 1,
                                   GrowingBuffer::kReservedFrom * 3}) {
        buffer.reserve(size, used);
        REQUIRE(buffer.capacity() >= size);
        if (size == GrowingBuffer::kPagedFrom + 1) paged = buffer.data();
        if (size == (std::size_t{5} << 20)) CHECK(buffer.data() == paged);  // grown in place
        fill(buffer, used, size);
        used = size;
        CHECK(holds_pattern(buffer, used));
    }
    const std::size_t capacity = buffer.capacity();
    buffer.reserve(100, used);  // never shrinks
    CHECK(buffer.capacity() == capacity);
    CHECK(holds_pattern(buffer, used));
}

// The lexicon's data is copied when an extractor learns a word on its own copy.
TEST_CASE("a copied buffer is its own; a moved one takes the memory") {
    for (const std::size_t size : {std::size_t{3000}, std::size_t{3} << 20}) {
        GrowingBuffer original;
        original.reserve(size, 0);
        fill(original, 0, size);
        GrowingBuffer copy = original;
        REQUIRE(copy.capacity() >= size);
        CHECK(copy.data() != original.data());
        CHECK(holds_pattern(copy, size));
        copy.data()[0] = std::byte{0xAA};
        CHECK(holds_pattern(original, size));

        GrowingBuffer assigned;
        assigned.reserve(10, 0);
        assigned = original;
        CHECK(holds_pattern(assigned, size));

        const std::byte* memory = original.data();
        GrowingBuffer moved = std::move(original);
        CHECK(moved.data() == memory);
        CHECK(holds_pattern(moved, size));
        moved.reserve(size * 4, size);  // grows on from what it took
        CHECK(holds_pattern(moved, size));
    }
}
