// Committing a group of outputs with one flush per file system.
#include "util/output_group.hpp"

#include <algorithm>
#include <cstdint>
#include <exception>

namespace artalign {

OutputGroup::OutputGroup(std::size_t max_files, std::chrono::steady_clock::duration max_wait)
    : max_files_(std::max<std::size_t>(max_files, 1)), max_wait_(max_wait) {}

bool OutputGroup::add(std::unique_ptr<AtomicFile> file, std::size_t tag) {
    if (files_.empty()) first_added_ = std::chrono::steady_clock::now();
    files_.push_back(Pending{std::move(file), tag});
    return files_.size() >= max_files_ || std::chrono::steady_clock::now() - first_added_ >= max_wait_;
}

std::vector<OutputGroup::Outcome> OutputGroup::commit() {
    std::vector<Outcome> outcomes;
    // The devices one syncfs has made durable: every file of the group was written before it.
    std::vector<std::uint64_t> synced;
    for (Pending& pending : files_) {
        Outcome outcome{pending.tag, {}};
        try {
            const std::uint64_t device = pending.file->device();
            if (std::find(synced.begin(), synced.end(), device) != synced.end()) pending.file->mark_synced();
            else synced.push_back(pending.file->sync_file_system());
            pending.file->commit();
        } catch (const std::exception& error) {
            outcome.error = error.what();
        }
        pending.file.reset();  // an uncommitted temporary is removed here
        outcomes.push_back(std::move(outcome));
    }
    files_.clear();
    return outcomes;
}

}  // namespace artalign
