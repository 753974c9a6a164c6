// Sentence alignment: Gale & Church (1993) style dynamic programme over six bead shapes.
//
// The length model differs from Gale & Church's: instead of their normalised difference of
// character counts it scores ln((target + 1) / (source + 1)), which on Korean-English news is
// close to normal with the same spread whatever the length unit (docs/alignment.md).
#include "artalign/aligner.hpp"

#include <cmath>
#include <limits>

#include "artalign/text.hpp"

namespace artalign {
namespace {

struct Shape {
    std::size_t source;
    std::size_t target;
};

// The bead shapes the programme may use, with their costs.
struct Move {
    Shape shape;
    double cost;
};

std::size_t text_length(const SegmentList& segments, std::size_t begin, std::size_t count) {
    std::size_t length = 0;
    for (std::size_t k = begin; k < begin + count; ++k) length += count_code_points(segments[k].text);
    return length;
}

// Standardised log-length deviation of a bilingual bead.
double length_z(std::size_t source_length, std::size_t target_length, const AlignOptions& options) {
    const double ratio = std::log((static_cast<double>(target_length) + 1.0) / (static_cast<double>(source_length) + 1.0));
    return (ratio - options.log_ratio_mean) / options.log_ratio_sd;
}

}  // namespace

std::string Bead::type() const { return std::to_string(source.size()) + "-" + std::to_string(target.size()); }

std::vector<Bead> align_segments(const SegmentList& source, const SegmentList& target, const AlignOptions& options) {
    const std::size_t n = source.size();
    const std::size_t m = target.size();
    const Move moves[] = {
        {{1, 1}, options.cost_1_1}, {{1, 0}, options.cost_1_0}, {{0, 1}, options.cost_0_1},
        {{2, 1}, options.cost_2_1}, {{1, 2}, options.cost_1_2}, {{2, 2}, options.cost_2_2},
    };
    constexpr std::size_t kNoMove = 255;

    const std::size_t width = m + 1;
    std::vector<double> cost((n + 1) * width, std::numeric_limits<double>::infinity());
    std::vector<unsigned char> back((n + 1) * width, static_cast<unsigned char>(kNoMove));
    cost[0] = 0.0;

    for (std::size_t i = 0; i <= n; ++i) {
        for (std::size_t j = 0; j <= m; ++j) {
            if (i == 0 && j == 0) continue;
            double best = std::numeric_limits<double>::infinity();
            std::size_t best_move = kNoMove;
            for (std::size_t k = 0; k < std::size(moves); ++k) {
                const Shape shape = moves[k].shape;
                if (shape.source > i || shape.target > j) continue;
                const double previous = cost[(i - shape.source) * width + (j - shape.target)];
                if (!std::isfinite(previous)) continue;
                double step = moves[k].cost;
                if (shape.source > 0 && shape.target > 0) {
                    const double z = length_z(text_length(source, i - shape.source, shape.source),
                                              text_length(target, j - shape.target, shape.target), options);
                    step += 0.5 * z * z;
                }
                if (previous + step < best) {
                    best = previous + step;
                    best_move = k;
                }
            }
            cost[i * width + j] = best;
            back[i * width + j] = static_cast<unsigned char>(best_move);
        }
    }

    std::vector<Bead> beads;
    std::size_t i = n;
    std::size_t j = m;
    while (i > 0 || j > 0) {
        const Shape shape = moves[back[i * width + j]].shape;
        Bead bead;
        for (std::size_t k = i - shape.source; k < i; ++k) bead.source.push_back(k);
        for (std::size_t k = j - shape.target; k < j; ++k) bead.target.push_back(k);
        if (!bead.is_null()) {
            const double z = length_z(text_length(source, bead.source.front(), bead.source.size()),
                                      text_length(target, bead.target.front(), bead.target.size()), options);
            bead.score = std::exp(-0.5 * z * z);
        }
        beads.push_back(std::move(bead));
        i -= shape.source;
        j -= shape.target;
    }
    return {beads.rbegin(), beads.rend()};
}

}  // namespace artalign
