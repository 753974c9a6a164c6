// Estimates the anchor weights of AlignOptions: for each anchor kind and side, how often an
// anchor finds its partner in the true translation versus in an unrelated sentence of the dev
// corpus, and the log-likelihood ratios of a match and of a miss.
//
//   build/estimate_anchor_weights ../shared/corpora/news-ko-en-dev [data-dir]
//
// "Unrelated" pairs line i with line i + 7 (other stories, mostly). Prints one line a kind.
#include <cmath>
#include <cstdio>
#include <exception>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "anchor/anchors.hpp"
#include "util/data_directory.hpp"

namespace {

using artalign::AnchorList;

std::set<std::string> keys_of(const AnchorList& anchors) {
    std::set<std::string> keys;
    for (const auto& anchor : anchors) keys.insert(anchor.keys.begin(), anchor.keys.end());
    return keys;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs("usage: estimate_anchor_weights CORPUS_DIR [DATA_DIR]\n", stderr);
        return 2;
    }
    try {
        const std::string corpus = argv[1];
        const auto extractor = artalign::AnchorExtractor::load(argc > 2 ? argv[2] : artalign::data_directory());
        std::ifstream source_file(corpus + "/dev.ko");
        std::ifstream target_file(corpus + "/dev.en");
        if (!source_file || !target_file) {
            std::fprintf(stderr, "%s: no dev.ko and dev.en there\n", corpus.c_str());
            return 1;
        }
        std::vector<AnchorList> source;
        std::vector<AnchorList> target;
        std::string source_line;
        std::string target_line;
        while (std::getline(source_file, source_line) && std::getline(target_file, target_line)) {
            source.push_back(extractor.source_anchors(source_line));
            target.push_back(extractor.target_anchors(target_line));
        }
        constexpr std::size_t kShift = 7;
        for (std::size_t kind = 0; kind < artalign::kAnchorKindCount; ++kind) {
            for (int side = 0; side < 2; ++side) {
                const auto& mine = side == 0 ? source : target;
                const auto& other = side == 0 ? target : source;
                double matched[2] = {0, 0};
                double total[2] = {0, 0};
                for (std::size_t i = 0; i + kShift < mine.size(); ++i) {
                    for (int random = 0; random < 2; ++random) {
                        const auto other_keys = keys_of(other[random ? i + kShift : i]);
                        for (const auto& anchor : mine[i]) {
                            if (static_cast<std::size_t>(anchor.kind) != kind) continue;
                            bool hit = false;
                            for (const auto& key : anchor.keys) hit = hit || other_keys.count(key) != 0;
                            total[random] += 1;
                            matched[random] += hit ? 1 : 0;
                        }
                    }
                }
                const double p_true = matched[0] / std::max(1.0, total[0]);
                const double p_random = std::max(matched[1], 0.5) / std::max(1.0, total[1]);
                std::printf("%-6s %-6s anchors/sentence %.2f  p(match|true) %.3f  p(match|unrelated) %.3f  "
                            "match %.2f  miss %.2f\n",
                            artalign::anchor_kind_name(static_cast<artalign::AnchorKind>(kind)),
                            side == 0 ? "source" : "target", total[0] / static_cast<double>(mine.size()), p_true,
                            p_random, std::log(p_true / p_random), -std::log((1 - p_true) / (1 - p_random)));
            }
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "estimate_anchor_weights: %s\n", error.what());
        return 1;
    }
    return 0;
}
