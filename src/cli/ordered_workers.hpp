// Worker threads, one Pipeline each, whose results are written in the order the work was given:
// `artalign stream --jobs N` keeps its one-line-out-per-line-in order with N pairs in flight.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "artalign/pipeline.hpp"

namespace artalign::cli {

/// Runs tasks on one thread per pipeline and hands their results to `write` in submission
/// order, each as soon as those before it are written (`write` is called by one worker at a
/// time). At most two tasks per worker wait or run at once, so memory stays bounded whatever
/// the input's length.
///
///     OrderedWorkers workers(std::move(pipelines), write_line);
///     for (...) workers.submit([record](const Pipeline& pipeline) { return align(pipeline, record); });
///     workers.finish();
class OrderedWorkers {
public:
    using Task = std::function<std::string(const Pipeline&)>;
    OrderedWorkers(std::vector<std::unique_ptr<Pipeline>> pipelines, std::function<void(const std::string&)> write);
    ~OrderedWorkers();
    OrderedWorkers(const OrderedWorkers&) = delete;
    OrderedWorkers& operator=(const OrderedWorkers&) = delete;

    /// Queues `task`, first waiting while the window is full. Rethrows what an earlier task or
    /// `write` threw (later results are then not written).
    void submit(Task task);
    /// Waits until every result is written. Rethrows as submit() does.
    void finish();

private:
    void work(const Pipeline& pipeline);
    void write_ready();
    void wait_until(std::size_t unwritten);

    std::vector<std::unique_ptr<Pipeline>> pipelines_;
    std::function<void(const std::string&)> write_;
    std::size_t window_;
    std::mutex mutex_;
    std::mutex write_mutex_;  // held while writing, so results go out one at a time, in order
    std::condition_variable changed_;
    std::deque<std::pair<std::size_t, Task>> queue_;
    std::map<std::size_t, std::string> done_;
    std::exception_ptr failure_;
    std::size_t submitted_ = 0;
    std::size_t written_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace artalign::cli
