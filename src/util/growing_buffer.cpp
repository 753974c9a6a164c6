// GrowingBuffer: heap memory while small, then anonymous pages remapped as they grow.
#include "util/growing_buffer.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

namespace artalign {
namespace {

std::size_t page_size() {
    static const std::size_t size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    return size;
}

std::size_t round_to_pages(std::size_t bytes) {
    const std::size_t page = page_size();
    return (bytes + page - 1) / page * page;
}

}  // namespace

GrowingBuffer::GrowingBuffer(const GrowingBuffer& other) {
    reserve(other.capacity_, 0);
    if (other.capacity_ != 0) std::memcpy(data_, other.data_, other.capacity_);
}

GrowingBuffer::GrowingBuffer(GrowingBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), capacity_(std::exchange(other.capacity_, 0)),
      paged_(std::exchange(other.paged_, false)) {}

GrowingBuffer& GrowingBuffer::operator=(const GrowingBuffer& other) {
    if (this != &other) {
        GrowingBuffer copy(other);
        *this = std::move(copy);
    }
    return *this;
}

GrowingBuffer& GrowingBuffer::operator=(GrowingBuffer&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(capacity_, other.capacity_);
    std::swap(paged_, other.paged_);
    return *this;
}

GrowingBuffer::~GrowingBuffer() { release(); }

void GrowingBuffer::release() noexcept {
    if (data_ == nullptr) return;
    if (paged_) munmap(data_, capacity_);
    else std::free(data_);
    data_ = nullptr;
    capacity_ = 0;
    paged_ = false;
}

void GrowingBuffer::reserve(std::size_t bytes, std::size_t used) {
    if (bytes <= capacity_) return;
    const std::size_t wanted = std::max({bytes, capacity_ * 2, std::size_t{512}});
    if (wanted < kPagedFrom) {
        void* grown = std::realloc(data_, wanted);
        if (grown == nullptr) throw std::bad_alloc();
        data_ = static_cast<std::byte*>(grown);
        capacity_ = wanted;
        return;
    }
    const std::size_t pages = round_to_pages(wanted);
#ifdef __linux__
    if (paged_) {
        void* moved = mremap(data_, capacity_, pages, MREMAP_MAYMOVE);
        if (moved == MAP_FAILED) throw std::bad_alloc();
        data_ = static_cast<std::byte*>(moved);
        capacity_ = pages;
        return;
    }
#endif
    void* fresh = mmap(nullptr, pages, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (fresh == MAP_FAILED) throw std::bad_alloc();
    if (used != 0) std::memcpy(fresh, data_, std::min(used, capacity_));
    release();
    data_ = static_cast<std::byte*>(fresh);
    capacity_ = pages;
    paged_ = true;
}

}  // namespace artalign
