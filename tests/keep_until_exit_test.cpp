// Tests for keep_until_exit: what it keeps is never destroyed, and threads may keep at once
// (align-text --batch --jobs N keeps each thread's worker; the sanitizer build catches a race).
#include "cli/keep_until_exit.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace {

std::atomic<int> destroyed{0};

struct Counted {
    ~Counted() { ++destroyed; }
};

}  // namespace

TEST_CASE("kept objects outlive every other owner") {
    std::weak_ptr<Counted> watch;
    {
        auto object = std::make_shared<Counted>();
        watch = object;
        artalign::cli::keep_until_exit(object);
    }
    CHECK_FALSE(watch.expired());
    CHECK(destroyed == 0);
}

TEST_CASE("threads keep objects at the same time") {
    constexpr int kThreads = 8;
    constexpr int kEach = 2000;  // enough growths of the kept list to meet a concurrent one
    std::vector<std::weak_ptr<Counted>> watches(kThreads * kEach);
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            while (!go) std::this_thread::yield();
            for (int i = 0; i < kEach; ++i) {
                auto object = std::make_shared<Counted>();
                watches[t * kEach + i] = object;
                artalign::cli::keep_until_exit(std::move(object));
            }
        });
    go = true;
    for (std::thread& thread : threads) thread.join();
    int alive = 0;
    for (const auto& watch : watches) alive += watch.expired() ? 0 : 1;
    CHECK(alive == kThreads * kEach);
    CHECK(destroyed == 0);
}
