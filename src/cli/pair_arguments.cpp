// Arguments shared by the verbs that read an article pair.
#include "pair_arguments.hpp"

namespace artalign::cli {

void add_pair_options(ArgumentParser& parser) {
    parser.add_option("mirror", 0, "DIR", "root of a local site mirror (host/path tree) to resolve links in");
}

PairInput pair_input(const ArgumentParser& parser, const char* usage) {
    if (parser.positional().empty()) throw UsageError(std::string("missing EN_PAGE; usage: ") + usage);
    PairInput input;
    input.translation_page = parser.positional()[0];
    if (parser.positional().size() > 1) input.original_page = parser.positional()[1];
    if (const auto mirror = parser.option("mirror")) input.mirror_root = *mirror;
    return input;
}

}  // namespace artalign::cli
