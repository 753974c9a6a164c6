// artalign's command line: dispatches to a verb and maps errors to exit codes
// (0 ok, 1 bad input or failed work, 2 usage).
#include <fmt/format.h>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "arguments.hpp"
#include "artalign/error.hpp"
#include "artalign/version.hpp"
#include "commands.hpp"

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
    "exit codes: 0 ok, 1 bad input or failed work, 2 usage error\n";

void print_error(const std::string& message) { fmt::print(stderr, "artalign: error: {}\n", message); }

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> arguments(argv + 1, argv + argc);
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
        if (verb == "align") return artalign::cli::run_align(rest);
        if (verb == "coverage") return artalign::cli::run_coverage(rest);
        if (verb == "batch") return artalign::cli::run_batch(rest);
        if (verb == "discover") return artalign::cli::run_discover(rest);
        if (verb == "stream") return artalign::cli::run_stream(rest);
        if (verb == "merge") return artalign::cli::run_merge(rest);
        if (verb == "extract") return artalign::cli::run_extract(rest);
        if (verb == "validate") return artalign::cli::run_validate(rest);
        if (verb == "align-text") return artalign::cli::run_align_text(rest);
        if (verb == "learn-lexicon") return artalign::cli::run_learn_lexicon(rest);
        if (verb == "segment") return artalign::cli::run_segment(rest);
        throw artalign::cli::UsageError("unknown verb '" + verb + "' (see artalign --help)");
    } catch (const artalign::cli::UsageError& error) {
        print_error(error.what());
        return 2;
    } catch (const artalign::Error& error) {
        print_error(error.what());
        return 1;
    } catch (const std::exception& error) {
        print_error(std::string("internal error: ") + error.what());
        return 1;
    }
}
