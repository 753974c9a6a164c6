// `artalign discover`: the pair records batch would align, one JSON line each, in batch's order,
// for `artalign stream` workers on a cluster (then `artalign merge` gives batch's TMX).
#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "arguments.hpp"
#include "util/atomic_file.hpp"
#include "util/data_directory.hpp"
#include "artalign/error.hpp"
#include "batch/pair_request.hpp"
#include "commands.hpp"
#include "page_options.hpp"
#include "pair_inputs.hpp"

namespace artalign::cli {
namespace {

constexpr const char* kUsage =
    "artalign discover (MIRROR_DIR | WARC... | --list FILE [--mirror DIR]) [-o RECORDS.jsonl]";

}  // namespace

int run_discover(const std::vector<std::string>& arguments) {
    ArgumentParser parser(kUsage,
                          "Writes one JSON pair record a line for every pair artalign batch would align from the\n"
                          "same input, numbered (\"id\") in batch's order, so that\n"
                          "  artalign discover mirror/ | split ... | artalign stream ... | artalign merge -\n"
                          "gives the TMX artalign batch mirror/ gives. Pages are named by path (or URL), or for\n"
                          "WARC files (.warc, .warc.gz) by file and offset, never inlined: the workers read them\n"
                          "from the same mirror or WARC files.");
    parser.add_option("output", 'o', "FILE", "write the records to FILE (replaced atomically) instead of stdout");
    add_pair_input_options(parser, false);
    parser.add_option("mirror", 0, "DIR", "with --list: the mirror in which to find the pages and originals");
    parser.parse(arguments, 0, 100000);
    if (parser.print_help_if_asked()) return 0;
    // The user's profiles too, as batch's discovery and extraction use them.
    const std::unique_ptr<PairSource> pairs = open_pair_inputs(parser, *Resources::load(resource_options(parser)), kUsage);

    std::string records;
    for (std::size_t position = 0; position < pairs->size(); ++position) {
        PairRequest request = pairs->at(position);
        request.id = JsonValue::make_number(std::to_string(position + 1));
        records += pair_request_json(request);
        records += '\n';
    }
    if (const auto output = parser.option("output")) {
        AtomicFile file(*output);
        file.write(records);
        file.commit();
    } else if (std::fwrite(records.data(), 1, records.size(), stdout) != records.size() || std::fflush(stdout) != 0) {
        throw OutputError("standard output", "write failed (closed pipe?)");
    }
    return 0;
}

}  // namespace artalign::cli
