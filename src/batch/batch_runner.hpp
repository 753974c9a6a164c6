// A batch run: many article pairs aligned by a pool of worker threads into one set of run
// outputs, recorded in a journal so that an interrupted run can be resumed.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "util/output_lock.hpp"
#include "batch/pair_outcome.hpp"
#include "batch/pair_request.hpp"
#include "batch/pair_source.hpp"
#include "batch/run_assembly.hpp"

namespace artalign {

/// Where a batch writes; see RunOutputs. With `report_dir`, the run writes
/// report_dir/index.html and one page per aligned pair, report_dir/pairs/NNNNNN.html, NNNNNN
/// being the pair's 1-based position in the request list; its rows are labelled with the run
/// TMX's tuids (RunOutputs::label_pages).
struct BatchOutputs {
    RunOutputs run;  ///< run.index_html is ignored: it is report_dir/index.html
    std::optional<std::filesystem::path> report_dir;
    /// Reviewers' corrections, one file a pair (corrections_file_name of its key), applied
    /// when present (process_pair); the pair's page exports under that name.
    std::optional<std::filesystem::path> corrections_dir;
};

/// One pair finished: its record is in the journal and fsynced. Passed to BatchOptions::on_pair
/// on the runner's syncer thread while the runner's lock is held (calls never overlap and come
/// from one thread; keep them short).
struct BatchProgress {
    std::size_t done = 0;     ///< pairs finished in this run, this one included
    std::size_t total = 0;    ///< pairs this run has to do (resumed ones not counted)
    double elapsed_seconds = 0.0;
    const PairOutcome* outcome = nullptr;

    /// The progress once `done` of `total` pairs are finished, `outcome` the last of them, in a
    /// run that began at `started`.
    static BatchProgress after(std::size_t done, std::size_t total, std::chrono::steady_clock::time_point started,
                               const PairOutcome& outcome);
};

struct BatchOptions {
    /// Shared by every worker's Pipeline (loaded once); Resources::load() when not given.
    std::shared_ptr<const Resources> resources;
    PipelineOptions pipeline;         ///< for each worker's Pipeline (network off by default)
    std::filesystem::path journal;    ///< the run's journal (see Journal)
    unsigned jobs = 0;                ///< worker threads; 0: one per core
    bool resume = false;              ///< continue the journal of an interrupted run
    /// How long to wait for another run holding the journal's or the TMX's lock (OutputLock).
    std::chrono::milliseconds lock_timeout = kDefaultLockTimeout;
    /// Progress callback, may be empty.
    std::function<void(const BatchProgress&)> on_pair;
    /// When set and it becomes true (e.g. from a SIGINT handler), workers finish the pair they
    /// are on and take no more; run_batch then writes no outputs and reports `interrupted`.
    const std::atomic<bool>* cancel = nullptr;
};

struct BatchResult {
    RunSummary summary;
    bool interrupted = false;  ///< cancelled: outputs not written, the journal holds the work done
};

/// Aligns every request with `jobs` threads, one Pipeline each, all sharing one Resources. Each finished pair is
/// appended to the journal and fsynced (one fsync may cover several pairs) before it counts as
/// done; once all are done, the outputs
/// are assembled from the journal in request order, so they are the same whatever `jobs`
/// and however often the run was interrupted and resumed. A bad pair never stops the run: it
/// is skipped or failed with its reason. With `resume`, pairs the journal holds as aligned or
/// skipped are not redone; failed ones are retried, and the temporaries a killed run left beside
/// the outputs and the report pages are removed (AtomicFile::remove_leftovers). The journal is deleted after a run with no
/// failures, and kept otherwise (so --resume retries the failures).
/// The journal and the TMX are locked (OutputLock) for the whole run, so a second run on either
/// waits up to `lock_timeout` and then fails.
/// Throws InputError when two requests share a key; DataError when the data directory is
/// bad; OutputError when the journal or an output cannot be written (the journal keeps the
/// work done) or a lock stays held.
/// Memory: the source's own, plus about 100 bytes a pair and 32 a distinct unit (48 with
/// `report_dir`, whose pages are labelled with the run's tuids as it is assembled, one page
/// read back and rewritten at a time).
BatchResult run_batch(const PairSource& requests, const BatchOutputs& outputs, const BatchOptions& options);

/// run_batch over requests held in a vector: the vector seen as a PairSource (RequestList).
BatchResult run_batch(const std::vector<PairRequest>& requests, const BatchOutputs& outputs, const BatchOptions& options);

/// Throws InputError when two requests share a key (compares hashes, keys only on a match).
void check_keys_unique(const PairSource& requests);

/// The workers' pipelines for aligning `pairs` pairs: options.jobs of them (0: one per core),
/// never more than the pairs (at least one), the first loading the data and the others
/// sharing its anchor data. Throws DataError when the data directory is bad.
std::vector<std::unique_ptr<Pipeline>> batch_pipelines(const BatchOptions& options, std::size_t pairs);

/// The report page name of the pair at `position` (0-based) in the request list: "pairs/000001.html".
std::string batch_report_page(std::size_t position);

}  // namespace artalign
