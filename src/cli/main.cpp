// artalign's command line: dispatches to a verb and maps errors to exit codes
// (0 ok, 1 bad input or failed work, 2 usage).
#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "arguments.hpp"
#include "artalign/error.hpp"
#include "util/stop_request.hpp"
#include "artalign/version.hpp"
#include "commands.hpp"
#include "stop_signals.hpp"

namespace {

constexpr const char* kUsage =
    "usage: artalign VERB [options] [arguments]\n"
    "\n"
    "Turns a translated news article and its original into a translation memory.\n"
    "\n"
    "verbs:\n"
    "  align EN_PAGE [KO_PAGE] -o OUT.tmx   align a page with its original, write TMX\n"
    "                                       (or --format tsv|moses|jsonl, --append MEMORY.tmx)\n"
    "  coverage EN_PAGE [KO_PAGE]           show what the translation left out\n"
    "  batch MIRROR_DIR -o OUT.tmx          align every article pair of a mirror (or --list,\n"
    "                                       --records) into one TMX, resumable\n"
    "  discover MIRROR_DIR > records.jsonl  the pair records batch would align, for stream\n"
    "  stream < records.jsonl               one JSON record a line in, one outcome line out\n"
    "  merge FILE... -o OUT.tmx             merge stream outcome lines into one TMX\n"
    "  extract PAGE [--text]                print the article extracted from a page (JSON)\n"
    "  validate FILE.tmx...                 check TMX files against the TMX 1.4b DTD\n"
    "  align-text --source KO.txt --target EN.txt\n"
    "                                       align plain text, write beads (jsonl, tsv, tmx)\n"
    "  learn-lexicon --pairs LIST -o FILE  learn word translations from aligned text pairs\n"
    "  segment --language LANG FILE         split text into sentences, one a line\n"
    "\n"
    "options:\n"
    "  -h, --help      show this help (VERB --help: the verb's own)\n"
    "      --version   print the version and exit\n"
    "\n"
    "exit codes: 0 ok, 1 bad input or failed work, 2 usage error,\n"
    "            130 or 143 stopped by SIGINT or SIGTERM\n";

struct Verb {
    const char* name;
    int (*run)(const std::vector<std::string>&);
};
const Verb kVerbs[] = {
    {"align", artalign::cli::run_align},       {"coverage", artalign::cli::run_coverage},
    {"batch", artalign::cli::run_batch},       {"discover", artalign::cli::run_discover},
    {"stream", artalign::cli::run_stream},
    {"merge", artalign::cli::run_merge},       {"extract", artalign::cli::run_extract},
    {"validate", artalign::cli::run_validate}, {"align-text", artalign::cli::run_align_text},
    {"learn-lexicon", artalign::cli::run_learn_lexicon}, {"segment", artalign::cli::run_segment},
};

// One line whatever the message holds (UsageError texts quote the user's arguments).
void print_error(const std::string& message) {
    fmt::print(stderr, "artalign: error: {}\n", artalign::escape_control_characters(message));
}

// Runs the verb; returns its exit code.
int run_command_line(int argc, char** argv) {
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    artalign::cli::install_stop_handlers();
    try {
        if (arguments.empty()) {
            std::fputs(kUsage, stderr);
            return 2;
        }
        const std::string& verb = arguments.front();
        const std::vector<std::string> rest(arguments.begin() + 1, arguments.end());
        if (verb == "--help" || verb == "-h" || verb == "help") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (verb == "--version") {
            fmt::print("artalign {}\n", artalign::kVersion);
            return 0;
        }
        std::vector<std::string> verb_names = {"help"};
        for (const Verb& known : kVerbs) {
            if (verb == known.name) return known.run(rest);
            verb_names.emplace_back(known.name);
        }
        if (verb.rfind("-", 0) == 0)
            throw artalign::cli::UsageError("unknown option '" + verb + "'" +
                                            artalign::cli::did_you_mean(verb, {"--help", "--version"}) +
                                            " (see artalign --help)");
        throw artalign::cli::UsageError("unknown verb '" + verb + "'" + artalign::cli::did_you_mean(verb, verb_names) +
                                        " (see artalign --help)");
    } catch (const artalign::cli::UsageError& error) {
        print_error(error.what());
        return 2;
    } catch (const artalign::Interrupted& error) {
        print_error(error.what());
        return artalign::cli::stopped_exit_status(error.signal_number());
    } catch (const artalign::Error& error) {
        print_error(error.what());
        return 1;
    } catch (const std::system_error& error) {
        // fmt::print's failed write to standard output (a full disk, a closed pipe)
        if (std::string_view(error.what()).starts_with("cannot write to file")) {
            print_error("standard output: write failed: " + error.code().message());
        } else {
            print_error(std::string("internal error: ") + error.what());
        }
        return 1;
    } catch (const std::exception& error) {
        print_error(std::string("internal error: ") + error.what());
        return 1;
    }
}

}  // namespace

int main(int argc, char** argv) {
    // A closed pipe is a failed write (EPIPE) reported like any other, not a silent death.
    std::signal(SIGPIPE, SIG_IGN);
    const int status = run_command_line(argc, argv);
    if (status != 0) return status;  // an error was reported, perhaps this very one
    // What stdio still holds: a write that fails now must not be an exit code 0.
    const bool flushed = std::fflush(stdout) == 0;
    const int reason = errno;
    if (!flushed || std::ferror(stdout)) {
        print_error(std::string("standard output: write failed") + (flushed ? "" : std::string(": ") + std::strerror(reason)));
        return 1;
    }
    return status;
}
