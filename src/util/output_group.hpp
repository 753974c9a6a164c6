// Finished outputs of a batch made durable together: one syncfs per file system for the group,
// not one fsync per file, then each renamed into place.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "util/atomic_file.hpp"

namespace artalign {

/// Holds written AtomicFiles (not yet committed) until commit(): then makes them durable with
/// one syncfs per file system they are on and renames each into place, so that a batch of
/// many small outputs pays one flush a group instead of one a file (the flush is most of what
/// writing a small output costs). Each file is still replaced atomically and only once its
/// content is on disk. A file whose flush or rename fails is reported alone; the others are
/// committed.
///
///     OutputGroup group(64, std::chrono::seconds(1));
///     if (group.add(std::move(file), pair_number)) report(group.commit());
///     ...
///     report(group.commit());
class OutputGroup {
public:
    /// What commit() did with one file: the tag given to add(), and the error (empty: the file
    /// is in place).
    struct Outcome {
        std::size_t tag = 0;
        std::string error;
    };

    /// A group is due once it holds `max_files` files or its first file has waited `max_wait`.
    OutputGroup(std::size_t max_files, std::chrono::steady_clock::duration max_wait);

    /// Adds a written file with the caller's `tag`; returns true when the group is due.
    bool add(std::unique_ptr<AtomicFile> file, std::size_t tag);
    bool empty() const { return files_.empty(); }

    /// Flushes and renames every file added since the last commit(), in the order added.
    std::vector<Outcome> commit();

private:
    struct Pending {
        std::unique_ptr<AtomicFile> file;
        std::size_t tag;
    };
    std::size_t max_files_;
    std::chrono::steady_clock::duration max_wait_;
    std::chrono::steady_clock::time_point first_added_;
    std::vector<Pending> files_;
};

}  // namespace artalign
