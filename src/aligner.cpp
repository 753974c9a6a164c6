// Sentence alignment: a banded Gale & Church (1993) dynamic programme whose bead cost adds
// anchor evidence to a log-length model.
//
// The length model differs from Gale & Church's: instead of their normalised difference of
// character counts it scores ln((target + 1) / (source + 1)), which on Korean-English news is
// close to normal with about the same spread whatever the length unit (docs/quality.md).
// Anchor evidence follows the idea of Moore (2002) and hunalign (Varga et al. 2005) of
// rewarding shared tokens, with each anchor's weight divided by how many segments of the
// other side share it, so that a number repeated through a document cannot pull beads off
// course (hunalign's known failure).
#include "artalign/aligner.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "artalign/text.hpp"

namespace artalign {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kScoreOffset = 2.5;  // see Bead::score

struct Shape {
    std::size_t source;
    std::size_t target;
};

struct Move {
    Shape shape;
    double cost;
};

// One anchor after interning: the segments of the other side holding one of its keys, and
// its value if matched or missed.
struct Item {
    std::vector<std::size_t> partners;  // increasing segment indices of the other side
    double match = 0.0;                 // cost change when matched (negative)
    double miss = 0.0;                  // cost change when its partner is elsewhere (positive)

    // Whether one of the other side's segments [begin, begin + count) shares a key.
    bool matched_in(std::size_t begin, std::size_t count) const {
        const auto first = std::lower_bound(partners.begin(), partners.end(), begin);
        return first != partners.end() && *first < begin + count;
    }
};

// One side of the problem, ready for the programme.
struct Side {
    std::vector<std::size_t> length_prefix;  // prefix sums of code-point lengths
    std::vector<std::size_t> block;          // block of each segment
    std::vector<std::vector<Item>> items;    // matchable anchors per segment
    std::vector<std::vector<int>> keys;      // sorted unique keys per segment

    std::size_t length(std::size_t begin, std::size_t count) const {
        return length_prefix[begin + count] - length_prefix[begin];
    }
};

struct Prepared {
    Side source;
    Side target;
    std::vector<std::pair<std::size_t, std::size_t>> anchor_points;  // (source, target) pairs, increasing
};

// Anchor points for the band: segment pairs that share a key occurring equally often (at most
// kMaxRepeat times) on both sides, the k-th source occurrence paired with the k-th target one,
// reduced to their longest chain increasing on both sides (in the spirit of hunalign's coarse
// first path, without a first alignment).
constexpr int kMaxRepeat = 16;

std::vector<std::pair<std::size_t, std::size_t>> anchor_chain(const Side& source, const Side& target,
                                                              const std::vector<int>& source_frequency,
                                                              const std::vector<int>& target_frequency) {
    auto usable = [&](std::size_t key) {
        return source_frequency[key] > 0 && source_frequency[key] == target_frequency[key] &&
               source_frequency[key] <= kMaxRepeat;
    };
    std::vector<std::vector<std::size_t>> target_segments(target_frequency.size());
    for (std::size_t j = 0; j < target.keys.size(); ++j) {
        for (const int key : target.keys[j]) {
            if (usable(static_cast<std::size_t>(key))) target_segments[static_cast<std::size_t>(key)].push_back(j);
        }
    }
    std::vector<std::size_t> seen(source_frequency.size(), 0);
    std::vector<std::pair<std::size_t, std::size_t>> points;
    for (std::size_t i = 0; i < source.keys.size(); ++i) {
        for (const int key : source.keys[i]) {
            const auto k = static_cast<std::size_t>(key);
            if (usable(k)) points.emplace_back(i, target_segments[k][seen[k]++]);
        }
    }
    // Longest chain strictly increasing in both coordinates: with the points of one source
    // row in decreasing target order, a strictly increasing subsequence of target positions
    // never takes two points of one row (patience sorting).
    std::sort(points.begin(), points.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    points.erase(std::unique(points.begin(), points.end()), points.end());
    std::vector<std::size_t> tails;  // index into points of the smallest chain end of each length
    std::vector<long> previous(points.size(), -1);
    for (std::size_t p = 0; p < points.size(); ++p) {
        const auto position = std::lower_bound(tails.begin(), tails.end(), points[p].second,
                                               [&points](std::size_t tail, std::size_t value) {
                                                   return points[tail].second < value;
                                               });
        const auto length = static_cast<std::size_t>(position - tails.begin());
        if (length > 0) previous[p] = static_cast<long>(tails[length - 1]);
        if (position == tails.end()) tails.push_back(p);
        else *position = p;
    }
    std::vector<std::pair<std::size_t, std::size_t>> chain;
    for (long p = tails.empty() ? -1 : static_cast<long>(tails.back()); p >= 0; p = previous[static_cast<std::size_t>(p)])
        chain.push_back(points[static_cast<std::size_t>(p)]);
    std::reverse(chain.begin(), chain.end());
    return chain;
}

void fill_lengths(Side& side, const SegmentList& segments) {
    side.length_prefix.assign(segments.size() + 1, 0);
    for (std::size_t k = 0; k < segments.size(); ++k)
        side.length_prefix[k + 1] = side.length_prefix[k] + count_code_points(segments[k].text);
    side.block.resize(segments.size());
    for (std::size_t k = 0; k < segments.size(); ++k) side.block[k] = segments[k].block;
    side.items.assign(segments.size(), {});
    side.keys.assign(segments.size(), {});
}

// Interns anchor keys, finds which anchors have a partner anywhere on the other side, and
// weighs each by 1 / sqrt(segments of the other side sharing one of its keys).
Prepared prepare(const SegmentList& source, const SegmentList& target, const AnchorExtractor* extractor,
                 const AlignOptions& options) {
    Prepared prepared;
    fill_lengths(prepared.source, source);
    fill_lengths(prepared.target, target);
    if (extractor == nullptr) return prepared;

    std::unordered_map<std::string, int> ids;
    struct Raw {
        AnchorKind kind;
        std::vector<int> keys;
    };
    auto intern = [&ids](const AnchorList& anchors, const AlignOptions& opts) {
        std::vector<Raw> raw;
        for (const Anchor& anchor : anchors) {
            if (!opts.anchors[static_cast<std::size_t>(anchor.kind)].enabled) continue;
            Raw r{anchor.kind, {}};
            for (const std::string& key : anchor.keys) {
                // try_emplace: no node is built for a key already interned.
                const auto [it, inserted] = ids.try_emplace(key, static_cast<int>(ids.size()));
                r.keys.push_back(it->second);
            }
            std::sort(r.keys.begin(), r.keys.end());
            r.keys.erase(std::unique(r.keys.begin(), r.keys.end()), r.keys.end());
            raw.push_back(std::move(r));
        }
        return raw;
    };
    std::vector<std::vector<Raw>> source_raw;
    std::vector<std::vector<Raw>> target_raw;
    for (const Segment& segment : source) source_raw.push_back(intern(extractor->source_anchors(segment.text), options));
    for (const Segment& segment : target) target_raw.push_back(intern(extractor->target_anchors(segment.text), options));

    // Keys per segment and, per key, the number of segments of each side holding it.
    auto collect = [&ids](const std::vector<std::vector<Raw>>& raw, Side& side, std::vector<int>& frequency) {
        frequency.assign(ids.size(), 0);
        for (std::size_t k = 0; k < raw.size(); ++k) {
            std::vector<int>& keys = side.keys[k];
            for (const Raw& r : raw[k]) keys.insert(keys.end(), r.keys.begin(), r.keys.end());
            std::sort(keys.begin(), keys.end());
            keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
            for (const int key : keys) ++frequency[static_cast<std::size_t>(key)];
        }
    };
    std::vector<int> source_frequency;
    std::vector<int> target_frequency;
    collect(source_raw, prepared.source, source_frequency);
    collect(target_raw, prepared.target, target_frequency);
    prepared.anchor_points = anchor_chain(prepared.source, prepared.target, source_frequency, target_frequency);

    // Segments of each side holding each key, so that an anchor's partners are found once
    // here rather than for every bead the programme tries.
    auto segments_by_key = [&ids](const Side& side) {
        std::vector<std::vector<std::size_t>> segments(ids.size());
        for (std::size_t k = 0; k < side.keys.size(); ++k) {
            for (const int key : side.keys[k]) segments[static_cast<std::size_t>(key)].push_back(k);
        }
        return segments;
    };
    const std::vector<std::vector<std::size_t>> source_segments = segments_by_key(prepared.source);
    const std::vector<std::vector<std::size_t>> target_segments = segments_by_key(prepared.target);

    auto weigh = [&options](const std::vector<std::vector<Raw>>& raw, const std::vector<int>& other_frequency,
                            const std::vector<std::vector<std::size_t>>& other_segments, bool is_source, Side& side) {
        for (std::size_t k = 0; k < raw.size(); ++k) {
            for (const Raw& r : raw[k]) {
                int shared = 0;
                for (const int key : r.keys) shared = std::max(shared, other_frequency[static_cast<std::size_t>(key)]);
                if (shared == 0 && !options.count_unmatchable) continue;
                shared = std::max(shared, 1);
                const AnchorWeight& weight = options.anchors[static_cast<std::size_t>(r.kind)];
                const double unit = 1.0 / std::sqrt(static_cast<double>(shared));
                const double scale = unit * options.anchor_damping;
                const double miss = is_source ? weight.source_miss : weight.target_miss;
                std::vector<std::size_t> partners;
                for (const int key : r.keys) {
                    const auto& holding = other_segments[static_cast<std::size_t>(key)];
                    partners.insert(partners.end(), holding.begin(), holding.end());
                }
                std::sort(partners.begin(), partners.end());
                partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
                side.items[k].push_back(Item{std::move(partners), -weight.match * scale, miss * scale});
            }
        }
    };
    weigh(source_raw, target_frequency, target_segments, true, prepared.source);
    weigh(target_raw, source_frequency, source_segments, false, prepared.target);
    return prepared;
}

// Anchor cost of the segments [begin, begin + count) of `side` against [other_begin,
// other_begin + other_count) of the other side.
double one_way_anchor_cost(const Side& side, std::size_t begin, std::size_t count, std::size_t other_begin,
                           std::size_t other_count) {
    double cost = 0.0;
    for (std::size_t k = begin; k < begin + count; ++k) {
        for (const Item& item : side.items[k]) cost += item.matched_in(other_begin, other_count) ? item.match : item.miss;
    }
    return cost;
}

// Anchor part of the evidence of a bilingual bead ending before (i, j).
double anchor_cost(const Prepared& p, std::size_t i, std::size_t j, Shape shape) {
    const std::size_t si = i - shape.source;
    const std::size_t tj = j - shape.target;
    if (shape.source > 1 && shape.target > 1) {
        // A many-to-many bead earns only the anchors of its diagonal pairs: matching against
        // the union would reward gluing two neighbouring 1-1 beads that share the story's names.
        double anchors = 0.0;
        for (std::size_t k = 0; k < std::min(shape.source, shape.target); ++k) {
            anchors += one_way_anchor_cost(p.source, si + k, 1, tj + k, 1) + one_way_anchor_cost(p.target, tj + k, 1, si + k, 1);
        }
        return anchors;
    }
    return one_way_anchor_cost(p.source, si, shape.source, tj, shape.target) +
           one_way_anchor_cost(p.target, tj, shape.target, si, shape.source);
}

// Evidence cost of a bilingual bead ending before (i, j): block joins, length deviation, anchors.
double evidence_cost(const Prepared& p, std::size_t i, std::size_t j, Shape shape, const AlignOptions& options) {
    const std::size_t si = i - shape.source;
    const std::size_t tj = j - shape.target;
    const double ratio = std::log((static_cast<double>(p.target.length(tj, shape.target)) + 1.0) /
                                  (static_cast<double>(p.source.length(si, shape.source)) + 1.0));
    // A bead standing for k sentence pairs averages k ratios: its spread is sd / sqrt(k)
    // (on the dev corpus, 0.223 for two consecutive pairs summed against 0.314 for one).
    const double pairs = static_cast<double>(std::max(shape.source, shape.target));
    const double z = (ratio - options.log_ratio_mean) / options.log_ratio_sd * std::sqrt(pairs);
    double joins = 0.0;
    if (shape.source > 1 && p.source.block[si] != p.source.block[i - 1]) joins += options.cost_block_join;
    if (shape.target > 1 && p.target.block[tj] != p.target.block[j - 1]) joins += options.cost_block_join;
    return joins + 0.5 * z * z + anchor_cost(p, i, j, shape);
}

// The banded programme: rows are source positions, each row keeps the columns [low, high].
struct Band {
    std::vector<std::size_t> low;
    std::vector<std::size_t> high;
    std::vector<std::size_t> offset;  // start of each row in the cell arrays

    double get(const std::vector<double>& cells, std::size_t i, std::size_t j) const {
        if (j < low[i] || j > high[i]) return kInfinity;
        return cells[offset[i] + j - low[i]];
    }
};

// The band follows the line through the anchor points (the diagonal when there are none).
Band make_band(std::size_t n, std::size_t m, std::size_t half_width,
               const std::vector<std::pair<std::size_t, std::size_t>>& anchor_points) {
    std::vector<std::pair<std::size_t, std::size_t>> line{{0, 0}};
    for (const auto& point : anchor_points) {
        if (point.first > line.back().first && point.second >= line.back().second && point.first < n) line.push_back(point);
    }
    line.emplace_back(n, m);
    Band band;
    band.low.resize(n + 1);
    band.high.resize(n + 1);
    band.offset.resize(n + 2);
    band.offset[0] = 0;
    std::size_t segment = 0;
    for (std::size_t i = 0; i <= n; ++i) {
        while (segment + 2 < line.size() && line[segment + 1].first <= i) ++segment;
        const auto [i0, j0] = line[segment];
        const auto [i1, j1] = line[std::min(segment + 1, line.size() - 1)];
        const std::size_t center = i1 == i0 ? j1 : j0 + ((i - i0) * (j1 - j0) + (i1 - i0) / 2) / (i1 - i0);
        band.low[i] = center > half_width ? center - half_width : 0;
        band.high[i] = std::min(m, center + half_width);
        if (i > 0) band.low[i] = std::min(band.low[i], band.high[i - 1]);  // rows stay connected
        if (i > 0) band.high[i] = std::max(band.high[i], band.high[i - 1]);
        band.offset[i + 1] = band.offset[i] + band.high[i] - band.low[i] + 1;
    }
    band.high[n] = m;  // the corner is always inside
    band.offset[n + 1] = band.offset[n] + band.high[n] - band.low[n] + 1;
    return band;
}

}  // namespace

std::string Bead::type() const { return std::to_string(source.size()) + "-" + std::to_string(target.size()); }

Aligner::Aligner(AlignOptions options, std::shared_ptr<const AnchorExtractor> anchors)
    : options_(options), anchors_(std::move(anchors)) {}

Alignment Aligner::align(const SegmentList& source, const SegmentList& target) const {
    const std::size_t n = source.size();
    const std::size_t m = target.size();
    const Prepared prepared = prepare(source, target, anchors_.get(), options_);
    // How much of the source the translation leaves out, judged from total lengths, sets the
    // price of a 1-0 bead: an abridged translation is shorter than the length model expects.
    double cost_1_0 = options_.cost_1_0;
    if (options_.omission_reference > 0.0 && n > 0 && m > 0) {
        const double expected = static_cast<double>(prepared.source.length_prefix.back()) * std::exp(options_.log_ratio_mean);
        const double share = std::clamp(1.0 - static_cast<double>(prepared.target.length_prefix.back()) / expected, 0.03, 0.6);
        cost_1_0 -= std::log(share / options_.omission_reference);
    }
    const Move moves[] = {
        {{1, 1}, options_.cost_1_1}, {{1, 0}, cost_1_0}, {{0, 1}, options_.cost_0_1},
        {{2, 1}, options_.cost_2_1}, {{1, 2}, options_.cost_1_2}, {{2, 2}, options_.cost_2_2},
        {{3, 1}, options_.cost_3_1}, {{1, 3}, options_.cost_1_3},
    };
    constexpr unsigned char kNoMove = 255;

    std::vector<std::pair<std::size_t, std::size_t>> path;  // cells from (n, m) back to (0, 0)
    std::vector<unsigned char> path_moves;
    for (std::size_t half_width = std::max<std::size_t>(options_.band, 2);; half_width *= 2) {
        const bool full = half_width >= std::max(n, m) || n == 0 || m == 0;
        const Band band = make_band(n, m, full ? std::max(n, m) : half_width, prepared.anchor_points);
        std::vector<double> cost(band.offset[n + 1], kInfinity);
        std::vector<unsigned char> back(band.offset[n + 1], kNoMove);
        cost[0] = 0.0;
        for (std::size_t i = 0; i <= n; ++i) {
            for (std::size_t j = band.low[i]; j <= band.high[i]; ++j) {
                if (i == 0 && j == 0) continue;
                double best = kInfinity;
                unsigned char best_move = kNoMove;
                for (std::size_t k = 0; k < std::size(moves); ++k) {
                    const Shape shape = moves[k].shape;
                    if (moves[k].cost == kInfinity) continue;  // a shape switched off
                    if (shape.source > i || shape.target > j) continue;
                    const double previous = band.get(cost, i - shape.source, j - shape.target);
                    if (previous == kInfinity) continue;
                    double step = previous + moves[k].cost;
                    if (shape.source > 0 && shape.target > 0) step += evidence_cost(prepared, i, j, shape, options_);
                    if (step < best) {
                        best = step;
                        best_move = static_cast<unsigned char>(k);
                    }
                }
                cost[band.offset[i] + j - band.low[i]] = best;
                back[band.offset[i] + j - band.low[i]] = best_move;
            }
        }
        path.clear();
        path_moves.clear();
        bool touches_edge = false;
        std::size_t i = n;
        std::size_t j = m;
        while (i > 0 || j > 0) {
            const unsigned char move = back[band.offset[i] + j - band.low[i]];
            path.emplace_back(i, j);
            path_moves.push_back(move);
            if ((j == band.low[i] && band.low[i] > 0) || (j == band.high[i] && band.high[i] < m)) touches_edge = true;
            i -= moves[move].shape.source;
            j -= moves[move].shape.target;
        }
        if (full || !touches_edge) break;
    }

    Alignment alignment;
    double weighted_score = 0.0;
    std::size_t aligned_chars = 0;
    std::size_t bilingual = 0;
    std::size_t supported = 0;  // bilingual beads whose anchors speak for them
    for (std::size_t step = path.size(); step-- > 0;) {
        const auto [i, j] = path[step];
        const Shape shape = moves[path_moves[step]].shape;
        Bead bead;
        for (std::size_t k = i - shape.source; k < i; ++k) bead.source.push_back(k);
        for (std::size_t k = j - shape.target; k < j; ++k) bead.target.push_back(k);
        if (!bead.is_null()) {
            const double evidence = evidence_cost(prepared, i, j, shape, options_);
            bead.score = 1.0 / (1.0 + std::exp(evidence - kScoreOffset));
            const std::size_t chars = prepared.source.length(i - shape.source, shape.source);
            weighted_score += bead.score * static_cast<double>(chars);
            ++bilingual;
            if (anchor_cost(prepared, i, j, shape) < 0.0) ++supported;
            aligned_chars += chars;
        }
        alignment.beads.push_back(std::move(bead));
    }
    const std::size_t total_chars = prepared.source.length_prefix.back();
    alignment.score = aligned_chars == 0 ? 0.0 : weighted_score / static_cast<double>(aligned_chars);
    alignment.coverage = total_chars == 0 ? 0.0 : static_cast<double>(aligned_chars) / static_cast<double>(total_chars);
    alignment.anchored = bilingual == 0 ? 0.0 : static_cast<double>(supported) / static_cast<double>(bilingual);
    alignment.mismatched = alignment.score < 0.5 || (n >= 4 && alignment.coverage < 0.25) ||
                           (anchors_ && bilingual >= 4 && alignment.anchored < 0.6);
    return alignment;
}

std::vector<Bead> align_segments(const SegmentList& source, const SegmentList& target, const AlignOptions& options) {
    return Aligner(options).align(source, target).beads;
}

}  // namespace artalign
