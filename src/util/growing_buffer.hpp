// Bytes that only grow, for the records of the anchor caches' hash tables: grown in place
// where a growing array would be copied.
#pragma once

#include <cstddef>

namespace artalign {

/// A buffer whose contents survive growth. Small, it lives on the heap (grown by realloc);
/// from kPagedFrom bytes on it is anonymous pages of its own at the start of a reserved run of
/// address space (eight times its size, kReservedFrom at least), and grows into that run in
/// place; past it, its pages are moved (mremap on Linux) into a larger one. The contents are
/// neither copied nor touched, and no page is faulted in twice. (Remapped into whatever space
/// followed them, the pages moved at nearly every growth: 1% of a batch run's time.)
/// A doubling array copied each size into fresh memory, so a table of n bytes had faulted in
/// about 2n and copied about n; on this project's machines a page fault costs microseconds
/// (docs/performance.md, issue 17). New bytes are left unset. Copying copies the contents.
class GrowingBuffer {
public:
    static constexpr std::size_t kPagedFrom = std::size_t{64} << 10;
    static constexpr std::size_t kReservedFrom = std::size_t{16} << 20;

    GrowingBuffer() = default;
    GrowingBuffer(const GrowingBuffer& other);
    GrowingBuffer(GrowingBuffer&& other) noexcept;
    GrowingBuffer& operator=(const GrowingBuffer& other);
    GrowingBuffer& operator=(GrowingBuffer&& other) noexcept;
    ~GrowingBuffer();

    std::byte* data() { return data_; }
    const std::byte* data() const { return data_; }
    std::size_t capacity() const { return capacity_; }
    /// Makes capacity() at least `bytes` (about doubling it), keeping the first `used` bytes.
    /// Throws std::bad_alloc when the memory cannot be had.
    void reserve(std::size_t bytes, std::size_t used);

private:
    void release() noexcept;
    std::byte* data_ = nullptr;
    std::size_t capacity_ = 0;
    std::size_t reserved_ = 0;  // paged: the address space data_ starts, of which capacity_ is usable
    bool paged_ = false;        // data_ is pages of its own, not heap memory
};

}  // namespace artalign
