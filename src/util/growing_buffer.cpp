// GrowingBuffer: heap memory while small, then anonymous pages in reserved address space.
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
      reserved_(std::exchange(other.reserved_, 0)), paged_(std::exchange(other.paged_, false)) {}

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
    std::swap(reserved_, other.reserved_);
    std::swap(paged_, other.paged_);
    return *this;
}

GrowingBuffer::~GrowingBuffer() { release(); }

void GrowingBuffer::release() noexcept {
    if (data_ == nullptr) return;
    if (paged_) munmap(data_, reserved_);
    else std::free(data_);
    data_ = nullptr;
    capacity_ = 0;
    reserved_ = 0;
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
    if (paged_ && pages <= reserved_) {  // the common case: the next pages are ours already
        if (mprotect(data_ + capacity_, pages - capacity_, PROT_READ | PROT_WRITE) != 0) throw std::bad_alloc();
        capacity_ = pages;
        return;
    }
    // A new reservation, of which the first `pages` are usable. Reserved address space costs
    // no memory: a page is only faulted in when it is first written.
    const std::size_t reserved = round_to_pages(std::max(pages * 8, kReservedFrom));
    void* space = mmap(nullptr, reserved, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (space == MAP_FAILED) throw std::bad_alloc();
    auto* fresh = static_cast<std::byte*>(space);
#ifdef __linux__
    if (paged_) {
        // The pages written so far move into the new reservation's start without being copied
        // (replacing its reserved pages there); what is left of the old one is given back.
        if (mremap(data_, capacity_, capacity_, MREMAP_MAYMOVE | MREMAP_FIXED, fresh) == MAP_FAILED ||
            mprotect(fresh + capacity_, pages - capacity_, PROT_READ | PROT_WRITE) != 0) {
            munmap(fresh, reserved);
            throw std::bad_alloc();
        }
        munmap(data_ + capacity_, reserved_ - capacity_);
        data_ = fresh;
        capacity_ = pages;
        reserved_ = reserved;
        return;
    }
#endif
    if (mprotect(fresh, pages, PROT_READ | PROT_WRITE) != 0) {
        munmap(fresh, reserved);
        throw std::bad_alloc();
    }
    if (used != 0) std::memcpy(fresh, data_, std::min(used, capacity_));
    release();
    data_ = fresh;
    capacity_ = pages;
    reserved_ = reserved;
    paged_ = true;
}

}  // namespace artalign
