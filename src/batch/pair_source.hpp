// The pairs of a batch, made on demand, so that a run over many pairs holds little per pair.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "batch/pair_request.hpp"

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

/// Translation page paths packed into one buffer, each a page_request with the list's mirror
/// root. An http(s) URL is read from that mirror, or fetched when the pipeline may fetch. Pages are added, ordered (sort_unique() or
/// unique_stable()), and then stored front-coded (each path as the length it shares with the
/// previous one and the rest), so a mirror's long, similar paths take a few bytes each.
///
///     PageList pages(root);
///     pages.add("root/a.html");
///     pages.sort_unique();  // or unique_stable(); adding after this throws std::logic_error
///     pages.at(0);
class PageList final : public PairSource {
public:
    explicit PageList(std::optional<std::filesystem::path> mirror_root = std::nullopt) : mirror_root_(std::move(mirror_root)) {}

    /// Throws std::logic_error once the list is ordered.
    void add(std::string_view page);
    /// Sorts the pages by path (bytewise), drops repeats, and packs the list.
    void sort_unique();
    /// Drops repeats, keeping each page's first place, and packs the list.
    void unique_stable();

    std::size_t size() const override { return sealed_ ? count_ : starts_.size(); }
    PairRequest at(std::size_t position) const override;
    /// The page at `position`. Throws std::out_of_range past the end.
    std::string page(std::size_t position) const;

private:
    static constexpr std::size_t kBlock = 16;  // one path in 16 is stored whole
    std::string_view raw(std::size_t position) const;
    void pack(const std::vector<std::uint64_t>& order);

    std::optional<std::filesystem::path> mirror_root_;
    // While pages are being added: the paths back to back, and start << 16 | length of each.
    std::string buffer_;
    std::vector<std::uint64_t> starts_;
    // Once ordered: front-coded paths, and where each block of kBlock starts in packed_.
    bool sealed_ = false;
    std::size_t count_ = 0;
    std::string packed_;
    std::vector<std::uint64_t> blocks_;
};

}  // namespace artalign
