// The batch worker pool: one Pipeline per thread, results journalled as they finish, outputs
// assembled from the journal in request order.
#include "batch/batch_runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>

#include "util/atomic_file.hpp"
#include "artalign/error.hpp"
#include "util/hash.hpp"
#include "batch/journal.hpp"
#include "report/corrections.hpp"
#include "report/report_html.hpp"
#include "util/stop_request.hpp"

namespace artalign {

std::string batch_report_page(std::size_t position) { return fmt::format("pairs/{:06}.html", position + 1); }

BatchProgress BatchProgress::after(std::size_t done, std::size_t total, std::chrono::steady_clock::time_point started,
                                   const PairOutcome& outcome) {
    BatchProgress progress;
    progress.done = done;
    progress.total = total;
    progress.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    progress.outcome = &outcome;
    return progress;
}

void check_keys_unique(const PairSource& requests) {
    std::vector<std::pair<std::uint64_t, std::size_t>> hashes;
    hashes.reserve(requests.size());
    for (std::size_t k = 0; k < requests.size(); ++k) hashes.emplace_back(hash_bytes(requests.at(k).key), k);
    std::sort(hashes.begin(), hashes.end());
    for (std::size_t k = 1; k < hashes.size(); ++k) {
        if (hashes[k].first != hashes[k - 1].first) continue;
        const std::string key = requests.at(hashes[k].second).key;
        if (requests.at(hashes[k - 1].second).key == key) throw InputError("", "pair " + key + " appears twice in the input");
    }
}

std::vector<std::unique_ptr<Pipeline>> batch_pipelines(const BatchOptions& options, std::size_t pairs) {
    unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(pairs, 1)));
    const std::shared_ptr<const Resources> resources = options.resources ? options.resources : Resources::load();
    std::vector<std::unique_ptr<Pipeline>> pipelines;
    for (unsigned k = 0; k < jobs; ++k) pipelines.push_back(std::make_unique<Pipeline>(resources, options.pipeline));
    return pipelines;
}

namespace {

// Whether `name` is the file name of a report page batch_report_page gives ("000001.html").
bool is_report_page_name(std::string_view name) {
    std::size_t number = 0;
    const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), number);
    return error == std::errc() && end != name.data() && number > 0 &&
           batch_report_page(number - 1) == "pairs/" + std::string(name);
}

// One run_batch call, step by step: lock and check the outputs, open the journal (and see what
// an earlier run finished), load the workers' pipelines, align the pending pairs, assemble the
// outputs.
//
// Threads: workers align pairs and append their records to the journal; one syncer thread
// fsyncs the journal whenever records are waiting (group commit: one fsync covers every record
// written before it), only then counts them as done, and adds them to the outputs in input
// order as soon as every earlier pair is in. Workers never wait for the disk, and the outputs
// are built during the run rather than from the journal after it. Members below `lock_` are
// shared between the threads and guarded by it, except where marked.
class BatchRun {
public:
    BatchRun(const PairSource& requests, const BatchOutputs& outputs, const BatchOptions& options)
        : requests_(requests), outputs_(outputs), options_(options) {}

    BatchResult run() {
        check_keys_unique(requests_);
        lock_and_check_outputs();
        open_journal();
        // Built here, so that a bad data directory is an error before any thread starts.
        const std::vector<std::unique_ptr<Pipeline>> pipelines = batch_pipelines(options_, pending_.size());
        assembler_.emplace(run_outputs_);
        align_pending(pipelines);
        if (fatal_) std::rethrow_exception(fatal_);
        return done_ < pending_.size() ? interrupted_result() : assemble_outputs();
    }

private:
    // Held to the end: one run at a time on a journal and a TMX (the leftovers removed below
    // could otherwise be another run's temporaries). The journal first, always in that order.
    // Also creates the report directory and fails on an unwritable output now, not after hours
    // of work.
    void lock_and_check_outputs() {
        journal_lock_ = OutputLock::acquire(options_.journal, options_.lock_timeout);
        tmx_lock_ = OutputLock::acquire(outputs_.run.tmx, options_.lock_timeout);
        run_outputs_ = outputs_.run;
        run_outputs_.index_html.reset();
        if (outputs_.report_dir) {
            std::error_code error;
            std::filesystem::create_directories(*outputs_.report_dir / "pairs", error);
            if (error) throw OutputError(outputs_.report_dir->string(), "cannot create the report directory: " + error.message());
            run_outputs_.index_html = *outputs_.report_dir / "index.html";
            run_outputs_.label_pages = true;  // the pages' tuids are known as the run's memory is assembled
        }
        if (options_.resume) {
            // A run killed while writing its outputs left their temporaries; this run replaces them.
            for (const auto* output : {&run_outputs_.coverage_jsonl, &run_outputs_.summary_json, &run_outputs_.index_html})
                if (*output) AtomicFile::remove_leftovers(**output);
            AtomicFile::remove_leftovers(run_outputs_.tmx);
            if (outputs_.report_dir) AtomicFile::remove_leftovers_in(*outputs_.report_dir / "pairs", is_report_page_name);
        }
        for (const auto* output : {&run_outputs_.coverage_jsonl, &run_outputs_.summary_json}) {
            if (*output) AtomicFile check(**output);
        }
        { AtomicFile check(run_outputs_.tmx); }
    }

    // A new journal, or with `resume` the earlier run's: the pairs it holds as aligned or
    // skipped are not redone (failed ones are).
    void open_journal() {
        journal_.emplace(options_.resume ? Journal::resume(options_.journal) : Journal::create(options_.journal));
        finished_before_.resize(requests_.size());
        for (std::size_t k = 0; k < requests_.size(); ++k) {
            const auto found = options_.resume ? journal_->find(requests_.at(k).key) : std::nullopt;
            if (found && found->status != PairStatus::failed) {
                ++resumed_;
                finished_before_[k] = found;
            } else {
                pending_.push_back(k);
            }
        }
    }

    // One worker a pipeline, the calling thread one of them, and the syncer; returns when all
    // have stopped (every pending pair done, the run cancelled, or failed).
    void align_pending(const std::vector<std::unique_ptr<Pipeline>>& pipelines) {
        started_ = std::chrono::steady_clock::now();
        std::jthread syncer([this] { sync(); });
        {
            std::vector<std::jthread> workers;
            for (std::size_t k = 0; k + 1 < pipelines.size(); ++k)
                workers.emplace_back([this, &pipeline = *pipelines[k]] { work(pipeline); });
            work(*pipelines.back());
        }
        const std::lock_guard guard(lock_);
        workers_finished_ = true;
        wake_syncer_.notify_one();
    }

    // A worker: takes the next pending pair until none is left or the run stops.
    void work(const Pipeline& pipeline) {
        while (!stop_.load() && !(options_.cancel != nullptr && options_.cancel->load())) {
            const std::size_t slot = next_.fetch_add(1);
            if (slot >= pending_.size()) return;
            const std::size_t position = pending_[slot];
            const PairRequest request = requests_.at(position);
            const std::string href = outputs_.report_dir ? batch_report_page(position) : std::string();
            PairOutcome outcome;
            try {
                outcome = process_pair(pipeline, request, report_page_writer(request, href), outputs_.corrections_dir);
            } catch (const Interrupted&) {
                return;  // a stop request cut the pair short: it is not journalled, so a resume does it
            }
            if (outcome.status == PairStatus::aligned) outcome.index.href = href;
            const std::lock_guard guard(lock_);
            try {
                journal_->write(outcome);
            } catch (...) {
                fail_run(std::current_exception());
                return;
            }
            unsynced_.emplace_back(position, std::move(outcome));
            wake_syncer_.notify_one();
        }
    }

    // With a report directory: writes the pair's page there as `href`.
    AlignedPairHook report_page_writer(const PairRequest& request, const std::string& href) const {
        if (!outputs_.report_dir) return {};
        return [this, &request, &href](const AlignedPair& pair, const CoverageReport& report) {
            ReviewPageOptions review;
            review.index_href = "../index.html";  // pages sit in report_dir/pairs/
            review.memory_labels = true;          // labelled with the run's tuids as it is assembled
            review.corrections_name = corrections_file_name(request.key);
            if (outputs_.corrections_dir) {  // the page exports every decision so far
                const auto file = *outputs_.corrections_dir / review.corrections_name;
                if (std::filesystem::exists(file)) review.corrections = read_corrections(file);
            }
            write_file_atomically(*outputs_.report_dir / href, render_coverage_html(pair, report, review));
        };
    }

    // The syncer: fsyncs what the workers wrote, reports it as done, and assembles it.
    void sync() {
        std::unique_lock guard(lock_);
        // Runs `step` without the lock (workers go on meanwhile); false when it threw, the
        // run then failing with that error.
        const auto unlocked = [&](const auto& step) {
            guard.unlock();
            std::exception_ptr error;
            try {
                step();
            } catch (...) {
                error = std::current_exception();
            }
            guard.lock();
            if (error) fail_run(error);
            return !error;
        };
        while (true) {
            wake_syncer_.wait(guard, [this] { return !unsynced_.empty() || workers_finished_; });
            if (unsynced_.empty()) return;  // and the workers are finished
            std::vector<std::pair<std::size_t, PairOutcome>> batch;
            batch.swap(unsynced_);
            if (!unlocked([this] { journal_->sync(); })) return;
            report_progress(batch);
            const bool assembled = unlocked([this, &batch] {
                for (auto& [position, outcome] : batch) out_of_order_.emplace(position, std::move(outcome));
                assemble_ready();
            });
            if (!assembled) return;
        }
    }

    // The syncer, with `lock_` held: counts the synced pairs as done and tells on_pair.
    void report_progress(const std::vector<std::pair<std::size_t, PairOutcome>>& synced) {
        for (const auto& [position, outcome] : synced) {
            ++done_;
            if (!options_.on_pair) continue;
            options_.on_pair(BatchProgress::after(done_, pending_.size(), started_, outcome));
        }
    }

    // Adds every outcome that is next in input order; pairs finished by an earlier run come
    // from the journal. The syncer's, then (after the threads) the caller's.
    void assemble_ready() {
        while (next_to_assemble_ < requests_.size()) {
            const std::size_t k = next_to_assemble_;
            if (finished_before_[k]) {
                assembler_->add(journal_->read(requests_.at(k).key, *finished_before_[k]));
            } else if (const auto ready = out_of_order_.find(k); ready != out_of_order_.end()) {
                assembler_->add(ready->second);
                out_of_order_.erase(ready);
            } else {
                return;
            }
            ++next_to_assemble_;
        }
    }

    // With `lock_` held: the run stops, failing with the first error.
    void fail_run(std::exception_ptr error) {
        if (!fatal_) fatal_ = error;
        stop_.store(true);
    }

    // Cancelled: no outputs; the journal holds the work done.
    BatchResult interrupted_result() const {
        BatchResult result;
        result.interrupted = true;
        result.summary.pairs = requests_.size();
        result.summary.resumed = resumed_ + done_;
        return result;
    }

    // Every pair done: the outputs written, and the journal deleted when nothing failed.
    BatchResult assemble_outputs() {
        assemble_ready();  // resumed pairs after the last one aligned now
        if (next_to_assemble_ != requests_.size() || !out_of_order_.empty())
            throw InputError(journal_->path().string(), "the run's records do not cover every pair (journal damaged?)");
        assembler_->summary().resumed = resumed_;
        BatchResult result;
        result.summary = assembler_->finish();
        if (result.summary.failed == 0) {
            std::error_code ignored;
            std::filesystem::remove(options_.journal, ignored);
        }
        return result;
    }

    const PairSource& requests_;
    const BatchOutputs& outputs_;
    const BatchOptions& options_;
    OutputLock journal_lock_;
    OutputLock tmx_lock_;
    RunOutputs run_outputs_;
    std::optional<Journal> journal_;
    std::vector<std::size_t> pending_;  // positions of the pairs to align
    std::vector<std::optional<Journal::Entry>> finished_before_;  // records of resumed pairs
    std::size_t resumed_ = 0;
    std::optional<RunAssembler> assembler_;  // the syncer's while the threads run
    std::chrono::steady_clock::time_point started_;
    std::atomic<std::size_t> next_{0};  // the next slot of pending_ to take
    std::atomic<bool> stop_{false};

    std::mutex lock_;
    std::condition_variable wake_syncer_;
    std::vector<std::pair<std::size_t, PairOutcome>> unsynced_;  // (position, outcome) written, not yet fsynced
    bool workers_finished_ = false;
    std::size_t done_ = 0;
    std::exception_ptr fatal_;
    std::map<std::size_t, PairOutcome> out_of_order_;  // synced, waiting for an earlier pair; the syncer's own
    std::size_t next_to_assemble_ = 0;                  // the syncer's own
};

}  // namespace

BatchResult run_batch(const PairSource& requests, const BatchOutputs& outputs, const BatchOptions& options) {
    return BatchRun(requests, outputs, options).run();
}

BatchResult run_batch(const std::vector<PairRequest>& requests, const BatchOutputs& outputs, const BatchOptions& options) {
    return run_batch(RequestList(requests), outputs, options);
}

}  // namespace artalign
