// The learning pass of a two-pass batch run: workers align, one learner counts under a lock.
#include "batch/lexicon_pass.hpp"

#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "artalign/resources.hpp"
#include "report/coverage_report.hpp"
#include "util/stop_request.hpp"

namespace artalign {

LexiconPassResult learn_lexicon_pass(const PairSource& requests, const BatchOptions& given_options,
                                     const LearningOptions& learning) {
    check_keys_unique(requests);
    BatchOptions options = given_options;
    if (!options.resources) options.resources = Resources::load();
    const Lexicon shipped = Lexicon::load_directory(options.resources->data_dir() / "lexicon");
    const std::vector<std::unique_ptr<Pipeline>> pipelines = batch_pipelines(options, requests.size());
    LexiconLearner learner(shipped, learning);  // counts do not depend on the order pairs come in

    std::mutex lock;  // guards the learner, `done`, `fatal` and the on_pair calls
    std::size_t done = 0;
    std::exception_ptr fatal;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    const auto started = std::chrono::steady_clock::now();
    const auto count_beads = [&learner, &lock](const AlignedPair& pair, const CoverageReport& report) {
        const std::lock_guard guard(lock);
        learner.add_alignment(pair.original_segments, pair.translation_segments, pair.beads,
                              report.likely_not_translation);
    };
    const auto work = [&](const Pipeline& pipeline) {
        while (!stop.load() && !(options.cancel != nullptr && options.cancel->load())) {
            const std::size_t position = next.fetch_add(1);
            if (position >= requests.size()) return;
            PairOutcome outcome;
            try {
                outcome = process_pair(pipeline, requests.at(position), count_beads);
            } catch (const Interrupted&) {
                return;  // a stop request cut the pair short
            }
            const std::lock_guard guard(lock);
            ++done;
            if (!options.on_pair) continue;
            try {
                options.on_pair(BatchProgress::after(done, requests.size(), started, outcome));
            } catch (...) {
                if (!fatal) fatal = std::current_exception();
                stop.store(true);
                return;
            }
        }
    };
    {
        std::vector<std::jthread> workers;
        for (std::size_t k = 0; k + 1 < pipelines.size(); ++k) workers.emplace_back(work, std::cref(*pipelines[k]));
        work(*pipelines.back());  // the calling thread is a worker too
    }
    if (fatal) std::rethrow_exception(fatal);

    LexiconPassResult result;
    result.interrupted = done < requests.size();
    result.beads = learner.pairs();
    if (!result.interrupted) result.entries = learner.learn();
    return result;
}

}  // namespace artalign
