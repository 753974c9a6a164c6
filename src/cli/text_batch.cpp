// `align-text --batch`: reading the list of pairs and running them on worker threads.
#include "text_batch.hpp"

#include <fmt/format.h>

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "artalign/error.hpp"
#include "read/input_file.hpp"
#include "read/text_file.hpp"
#include "util/limits.hpp"
#include "util/output_group.hpp"
#include "util/text.hpp"

namespace artalign::cli {

std::vector<TextJob> read_text_jobs(const std::string& list) {
    const std::string name = list == "-" ? "standard input" : list;
    std::string text;
    if (list == "-") {
        // Read without std::cin: <iostream> would set up the eight standard streams at every
        // start of the program, used or not.
        InputRules rules;
        rules.allow_stdin = true;
        rules.max_bytes = kMaxTextBytes;
        rules.what = "batch list";
        text = read_whole_input("-", rules);
    } else {
        text = read_text_file(list);
    }
    std::vector<TextJob> jobs;
    const std::vector<std::string_view> lines = split_lines(text);
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const std::string_view line = lines[k];
        const std::size_t line_number = k + 1;
        if (line.empty() || line.front() == '#') continue;
        TextJob job;
        job.line = line_number;
        const std::size_t first = line.find('\t');
        const std::size_t second = first == std::string_view::npos ? first : line.find('\t', first + 1);
        if (second != std::string_view::npos && line.find('\t', second + 1) == std::string_view::npos) {
            job.source = line.substr(0, first);
            job.target = line.substr(first + 1, second - first - 1);
            job.output = line.substr(second + 1);
        }
        if (job.source.empty() || job.target.empty() || job.output.empty())
            throw InputError(name, fmt::format("line {} is not SOURCE<TAB>TARGET<TAB>OUTPUT (three paths)", line_number));
        jobs.push_back(std::move(job));
    }
    return jobs;
}

namespace {

// Which file a path names, as a key: the file's st_dev and st_ino when it is there; else its
// directory's and its name (where the output would be created); nothing when neither is there.
// `kind` is the file's st_mode, 0 when it is not there.
std::optional<std::string> file_identity(const std::string& path, mode_t& kind) {
    struct stat status {};
    kind = 0;
    if (::stat(path.c_str(), &status) == 0) {
        kind = status.st_mode;
        return fmt::format("{}:{}", status.st_dev, status.st_ino);
    }
    const std::filesystem::path file(path);
    const std::filesystem::path directory = file.has_parent_path() ? file.parent_path() : ".";
    if (!file.has_filename() || ::stat(directory.c_str(), &status) != 0) return std::nullopt;
    return fmt::format("{}:{}/{}", status.st_dev, status.st_ino, file.filename().string());
}

}  // namespace

void check_text_jobs_apart(const std::vector<TextJob>& jobs, const std::string& list,
                           const std::optional<std::string>& lexicon) {
    const std::string name = list == "-" ? "standard input" : list;
    struct Input {
        std::size_t line;  // 0: the lexicon, not from the list
        const char* role;
        std::string path;
    };
    std::unordered_map<std::string, Input> inputs;
    mode_t kind = 0;
    if (lexicon)
        if (auto identity = file_identity(*lexicon, kind); identity && kind != 0)
            inputs.try_emplace(*identity, Input{0, "--lexicon", *lexicon});
    for (const TextJob& job : jobs) {
        if (auto identity = file_identity(job.source, kind); identity && kind != 0)
            inputs.try_emplace(*identity, Input{job.line, "source", job.source});
        if (auto identity = file_identity(job.target, kind); identity && kind != 0)
            inputs.try_emplace(*identity, Input{job.line, "target", job.target});
    }
    std::unordered_map<std::string, std::size_t> outputs;  // identity -> line
    for (const TextJob& job : jobs) {
        const auto identity = file_identity(job.output, kind);
        if (!identity) continue;  // no such directory: the pair fails on its own
        if (const auto input = inputs.find(*identity); input != inputs.end()) {
            const Input& in = input->second;
            const std::string whose = in.line == 0 ? std::string("the --lexicon")
                                                   : fmt::format("the {} of line {}", in.role, in.line);
            throw InputError(name, fmt::format("line {}'s output {} is {} ({}); artalign never writes over its input",
                                               job.line, job.output, whose, in.path));
        }
        if (S_ISCHR(kind) || S_ISFIFO(kind) || S_ISSOCK(kind)) continue;  // written in place, shareable
        const auto [first, added] = outputs.try_emplace(*identity, job.line);
        if (!added)
            throw InputError(name, fmt::format("lines {} and {} write one file ({}); each pair needs its own output",
                                               first->second, job.line, job.output));
    }
}

namespace {

// Files a thread's group holds at most: few enough that every thread's open temporaries stay
// well under the usual limit of 1,024 open files.
std::size_t group_size(unsigned threads) { return std::clamp<std::size_t>(512 / std::max(threads, 1u), 1, 64); }

}  // namespace

std::size_t run_text_jobs(const std::vector<TextJob>& jobs, unsigned threads,
                          const std::function<TextJobRunner()>& make_worker) {
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> failed{0};
    std::mutex report;
    auto report_failure = [&](const TextJob& job, const std::string& problem) {
        ++failed;
        const std::lock_guard<std::mutex> lock(report);
        fmt::print(stderr, "artalign: error: pair on line {} ({} + {} -> {}): {}\n", job.line, job.source,
                   job.target, job.output, problem);
    };
    const unsigned count = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(jobs.size())));
    auto work = [&] {
        TextJobRunner align;
        std::string setup_error;
        try {
            align = make_worker();
        } catch (const std::exception& error) {
            setup_error = error.what();
        }
        OutputGroup group(group_size(count), std::chrono::seconds(1));
        std::vector<std::string> summaries;      // per file of the group, by its tag
        std::vector<std::size_t> grouped_jobs;   // the job of each file of the group
        auto commit_group = [&] {
            for (const OutputGroup::Outcome& outcome : group.commit()) {
                const std::size_t k = grouped_jobs[outcome.tag];
                if (!outcome.error.empty()) {
                    report_failure(jobs[k], outcome.error);
                } else if (!summaries[outcome.tag].empty()) {
                    const std::lock_guard<std::mutex> lock(report);
                    std::fputs(summaries[outcome.tag].c_str(), stderr);
                }
            }
            summaries.clear();
            grouped_jobs.clear();
        };
        for (std::size_t k = next++; k < jobs.size(); k = next++) {
            const TextJob& job = jobs[k];
            std::string problem = setup_error;
            FinishedPair finished;
            if (problem.empty()) {
                try {
                    finished = align(job);
                } catch (const Error& error) {
                    problem = error.what();
                } catch (const std::exception& error) {
                    problem = std::string("internal error: ") + error.what();
                }
            }
            if (!problem.empty()) {
                report_failure(job, problem);
            } else if (finished.output) {
                summaries.push_back(std::move(finished.summary));
                grouped_jobs.push_back(k);
                if (group.add(std::move(finished.output), grouped_jobs.size() - 1)) commit_group();
            } else if (!finished.summary.empty()) {
                const std::lock_guard<std::mutex> lock(report);
                std::fputs(finished.summary.c_str(), stderr);
            }
        }
        commit_group();
    };
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < count; ++t) workers.emplace_back(work);
    work();
    for (std::thread& worker : workers) worker.join();
    return failed.load();
}

}  // namespace artalign::cli
