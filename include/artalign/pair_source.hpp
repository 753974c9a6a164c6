// The pairs of a batch, made on demand, so that a run over many pairs holds little per pair.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "artalign/pair_request.hpp"

namespace artalign {

/// A numbered sequence of pair requests. at() may build the request each time it is called;
/// it must return the same request for the same position. Implementations are read-only after
/// construction and safe to call from several threads at once.
class PairSource {
public:
    virtual ~PairSource() = default;
    virtual std::size_t size() const = 0;
    /// The request at `position` < size().
    virtual PairRequest at(std::size_t position) const = 0;
};

/// Requests held as they are (JSONL records; small runs; tests).
class RequestList final : public PairSource {
public:
    explicit RequestList(std::vector<PairRequest> requests) : requests_(std::move(requests)) {}
    std::size_t size() const override { return requests_.size(); }
    PairRequest at(std::size_t position) const override { return requests_.at(position); }

private:
    std::vector<PairRequest> requests_;
};

/// Translation page paths packed into one buffer (about the path's length plus 8 bytes a page),
/// each a page_request with the list's mirror root.
class PageList final : public PairSource {
public:
    explicit PageList(std::optional<std::filesystem::path> mirror_root = std::nullopt) : mirror_root_(std::move(mirror_root)) {}

    void add(std::string_view page);
    /// Sorts the pages by path (bytewise) and drops repeats.
    void sort_unique();
    /// Drops repeats, keeping each page's first place.
    void unique_stable();

    std::size_t size() const override { return starts_.size(); }
    PairRequest at(std::size_t position) const override;
    std::string_view page(std::size_t position) const;

private:
    std::optional<std::filesystem::path> mirror_root_;
    std::string buffer_;
    std::vector<std::uint64_t> starts_;  // start in buffer_ << 16 | length
};

}  // namespace artalign
