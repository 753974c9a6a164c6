// The batch worker pool: one Pipeline per thread, results journalled as they finish, outputs
// assembled from the journal in request order.
#include "batch/batch_runner.hpp"

#include <fmt/format.h>
#include <libxml/parser.h>

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

namespace {

// Throws InputError when two requests share a key. Compares hashes, and keys only on a match.
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

// Whether `name` is the file name of a report page batch_report_page gives ("000001.html").
bool is_report_page_name(std::string_view name) {
    std::size_t number = 0;
    const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), number);
    return error == std::errc() && end != name.data() && number > 0 &&
           batch_report_page(number - 1) == "pairs/" + std::string(name);
}

}  // namespace

BatchResult run_batch(const std::vector<PairRequest>& requests, const BatchOutputs& outputs, const BatchOptions& options) {
    return run_batch(RequestList(requests), outputs, options);
}

BatchResult run_batch(const PairSource& requests, const BatchOutputs& outputs, const BatchOptions& options) {
    check_keys_unique(requests);
    // Held to the end: one run at a time on a journal and a TMX (the leftovers removed below
    // could otherwise be another run's temporaries). The journal first, always in that order.
    const OutputLock journal_lock = OutputLock::acquire(options.journal, options.lock_timeout);
    const OutputLock tmx_lock = OutputLock::acquire(outputs.run.tmx, options.lock_timeout);
    RunOutputs run_outputs = outputs.run;
    run_outputs.index_html.reset();
    if (outputs.report_dir) {
        std::error_code error;
        std::filesystem::create_directories(*outputs.report_dir / "pairs", error);
        if (error) throw OutputError(outputs.report_dir->string(), "cannot create the report directory: " + error.message());
        run_outputs.index_html = *outputs.report_dir / "index.html";
    }
    if (options.resume) {
        // A run killed while writing its outputs left their temporaries; this run replaces them.
        for (const auto* output : {&run_outputs.coverage_jsonl, &run_outputs.summary_json, &run_outputs.index_html})
            if (*output) AtomicFile::remove_leftovers(**output);
        AtomicFile::remove_leftovers(run_outputs.tmx);
        if (outputs.report_dir) AtomicFile::remove_leftovers_in(*outputs.report_dir / "pairs", is_report_page_name);
    }
    // Fail on an unwritable output now, not after hours of work.
    for (const auto* output : {&run_outputs.coverage_jsonl, &run_outputs.summary_json}) {
        if (*output) AtomicFile check(**output);
    }
    { AtomicFile check(run_outputs.tmx); }

    Journal journal = options.resume ? Journal::resume(options.journal) : Journal::create(options.journal);
    std::vector<std::size_t> pending;
    std::vector<std::optional<Journal::Entry>> finished_before(requests.size());  // records of resumed pairs
    std::size_t resumed = 0;
    for (std::size_t k = 0; k < requests.size(); ++k) {
        const auto found = options.resume ? journal.find(requests.at(k).key) : std::nullopt;
        if (found && found->status != PairStatus::failed) {
            ++resumed;
            finished_before[k] = found;
        } else {
            pending.push_back(k);
        }
    }

    unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(pending.size(), 1)));
    // Built here, so that a bad data directory is an error before any thread starts.
    xmlInitParser();  // libxml2 sets up its global state once, before threads parse
    const std::shared_ptr<const Resources> resources = options.resources ? options.resources : Resources::load();
    std::vector<std::unique_ptr<Pipeline>> pipelines;
    for (unsigned k = 0; k < jobs; ++k) pipelines.push_back(std::make_unique<Pipeline>(resources, options.pipeline));

    // Workers align pairs and append their records to the journal; one syncer thread fsyncs
    // the journal whenever records are waiting (group commit: one fsync covers every record
    // written before it), only then counts them as done, and adds them to the outputs in input
    // order as soon as every earlier pair is in. Workers never wait for the disk, and the
    // outputs are built during the run rather than from the journal after it.
    std::mutex lock;
    std::condition_variable wake_syncer;
    std::vector<std::pair<std::size_t, PairOutcome>> unsynced;  // (position, outcome) written, not yet fsynced
    RunAssembler assembler(run_outputs);
    std::map<std::size_t, PairOutcome> out_of_order;  // synced, waiting for an earlier pair; the syncer's own
    std::size_t next_to_assemble = 0;
    // Adds every outcome that is next in input order; pairs finished by an earlier run come
    // from the journal.
    const auto assemble_ready = [&] {
        while (next_to_assemble < requests.size()) {
            const std::size_t k = next_to_assemble;
            if (finished_before[k]) {
                assembler.add(journal.read(requests.at(k).key, *finished_before[k]));
            } else if (const auto ready = out_of_order.find(k); ready != out_of_order.end()) {
                assembler.add(ready->second);
                out_of_order.erase(ready);
            } else {
                return;
            }
            ++next_to_assemble;
        }
    };
    bool workers_finished = false;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::size_t done = 0;
    std::exception_ptr fatal;
    const auto started = std::chrono::steady_clock::now();

    const auto fail_run = [&](std::exception_ptr error) {  // with `lock` held
        if (!fatal) fatal = error;
        stop.store(true);
    };
    const auto work = [&](const Pipeline& pipeline) {
        while (!stop.load() && !(options.cancel != nullptr && options.cancel->load())) {
            const std::size_t slot = next.fetch_add(1);
            if (slot >= pending.size()) return;
            const std::size_t position = pending[slot];
            const PairRequest request = requests.at(position);
            AlignedPairHook hook;
            std::string href;
            if (outputs.report_dir) {
                href = batch_report_page(position);
                hook = [&](const AlignedPair& pair, const CoverageReport& report) {
                    ReviewPageOptions review;
                    review.index_href = "../index.html";  // pages sit in report_dir/pairs/
                    review.corrections_name = corrections_file_name(request.key);
                    if (outputs.corrections_dir) {  // the page exports every decision so far
                        const auto file = *outputs.corrections_dir / review.corrections_name;
                        if (std::filesystem::exists(file)) review.corrections = read_corrections(file);
                    }
                    write_file_atomically(*outputs.report_dir / href, render_coverage_html(pair, report, review));
                };
            }
            PairOutcome outcome;
            try {
                outcome = process_pair(pipeline, request, hook, outputs.corrections_dir);
            } catch (const Interrupted&) {
                return;  // a stop request cut the pair short: it is not journalled, so a resume does it
            }
            if (outcome.status == PairStatus::aligned) outcome.index.href = href;
            const std::lock_guard guard(lock);
            try {
                journal.write(outcome);
            } catch (...) {
                fail_run(std::current_exception());
                return;
            }
            unsynced.emplace_back(position, std::move(outcome));
            wake_syncer.notify_one();
        }
    };
    const auto sync = [&] {
        std::unique_lock guard(lock);
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
            wake_syncer.wait(guard, [&] { return !unsynced.empty() || workers_finished; });
            if (unsynced.empty()) return;  // and the workers are finished
            std::vector<std::pair<std::size_t, PairOutcome>> batch;
            batch.swap(unsynced);
            if (!unlocked([&] { journal.sync(); })) return;
            for (const auto& [position, outcome] : batch) {
                ++done;
                if (!options.on_pair) continue;
                BatchProgress progress;
                progress.done = done;
                progress.total = pending.size();
                progress.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                progress.outcome = &outcome;
                options.on_pair(progress);
            }
            const bool assembled = unlocked([&] {
                for (auto& [position, outcome] : batch) out_of_order.emplace(position, std::move(outcome));
                assemble_ready();
            });
            if (!assembled) return;
        }
    };
    {
        std::jthread syncer(sync);
        {
            std::vector<std::jthread> workers;
            for (unsigned k = 0; k + 1 < jobs; ++k) workers.emplace_back(work, std::cref(*pipelines[k]));
            work(*pipelines[jobs - 1]);  // the calling thread is a worker too
        }
        const std::lock_guard guard(lock);
        workers_finished = true;
        wake_syncer.notify_one();
    }
    if (fatal) std::rethrow_exception(fatal);

    BatchResult result;
    if (done < pending.size()) {
        result.interrupted = true;
        result.summary.pairs = requests.size();
        result.summary.resumed = resumed + done;
        return result;
    }

    assemble_ready();  // resumed pairs after the last one aligned now
    if (next_to_assemble != requests.size() || !out_of_order.empty())
        throw InputError(journal.path().string(), "the run's records do not cover every pair (journal damaged?)");
    assembler.summary().resumed = resumed;
    result.summary = assembler.finish();
    if (result.summary.failed == 0) {
        std::error_code ignored;
        std::filesystem::remove(options.journal, ignored);
    }
    return result;
}

}  // namespace artalign
