// Data a command loaded, left for the process's end to reclaim.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

namespace artalign::cli {

/// Keeps `object` alive until the process ends, never destroying it: a run's loaded data and
/// word caches are many thousands of small blocks, and freeing them one by one cost a
/// one-pair run more than a tenth of its CPU time, while the kernel takes the whole heap back
/// at once. Still reachable from a static, so a leak checker does not report it. Safe to call
/// from several threads at once: `align-text --batch --jobs N` keeps each thread's worker.
inline void keep_until_exit(std::shared_ptr<const void> object) {
    static auto* kept = new std::vector<std::shared_ptr<const void>>;
    static std::mutex guard;
    const std::lock_guard<std::mutex> lock(guard);
    kept->push_back(std::move(object));
}

}  // namespace artalign::cli
