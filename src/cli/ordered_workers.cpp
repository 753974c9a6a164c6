// A pool of pipelines whose results come out in input order, with a bounded window.
#include "ordered_workers.hpp"

#include "arguments.hpp"

namespace artalign::cli {

OrderedWorkers::OrderedWorkers(std::vector<std::unique_ptr<Pipeline>> pipelines,
                               std::function<void(const std::string&)> write)
    : pipelines_(std::move(pipelines)), write_(std::move(write)), window_(2 * pipelines_.size()) {
    for (const auto& pipeline : pipelines_) threads_.emplace_back([this, &pipeline] { work(*pipeline); });
}

OrderedWorkers::~OrderedWorkers() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    changed_.notify_all();
    for (std::thread& thread : threads_) thread.join();
}

void OrderedWorkers::work(const Pipeline& pipeline) {
    while (true) {
        std::pair<std::size_t, Task> item;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            item = std::move(queue_.front());
            queue_.pop_front();
        }
        std::string result;
        std::exception_ptr failure;
        try {
            result = item.second(pipeline);
        } catch (...) {
            failure = std::current_exception();
        }
        {
            const std::lock_guard lock(mutex_);
            if (failure && !failure_) failure_ = failure;
            done_.emplace(item.first, std::move(result));
        }
        write_ready();
        changed_.notify_all();
    }
}

void OrderedWorkers::write_ready() {
    // Whoever stored a result writes what is ready, so each line goes out as soon as the lines
    // before it have, however long the reading thread waits for input.
    const std::lock_guard writing(write_mutex_);
    while (true) {
        std::string ready;
        {
            const std::lock_guard lock(mutex_);
            const auto next = done_.find(written_);
            if (failure_ || next == done_.end()) return;
            ready = std::move(next->second);
            done_.erase(next);
        }
        std::exception_ptr failure;
        try {
            write_(ready);
        } catch (...) {
            failure = std::current_exception();
        }
        const std::lock_guard lock(mutex_);
        if (failure && !failure_) failure_ = failure;
        ++written_;
    }
}

void OrderedWorkers::wait_until(std::size_t unwritten) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this, unwritten] { return failure_ || submitted_ - written_ <= unwritten; });
    if (failure_) std::rethrow_exception(failure_);
}

void OrderedWorkers::submit(Task task) {
    wait_until(window_ - 1);
    {
        const std::lock_guard lock(mutex_);
        queue_.emplace_back(submitted_++, std::move(task));
    }
    changed_.notify_all();
}

void OrderedWorkers::finish() { wait_until(0); }

}  // namespace artalign::cli
