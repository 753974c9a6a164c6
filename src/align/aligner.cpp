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
#include "align/aligner.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <span>
#include <stdexcept>
#include <utility>

#include "util/text.hpp"

namespace artalign {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kScoreOffset = 2.5;  // see Bead::score
constexpr std::size_t kMaxCopiedPartners = 128;  // see Item

struct Shape {
    std::size_t source;
    std::size_t target;
};

struct Move {
    Shape shape;
    double cost;
};

// The bead shapes the programme tries, in this order at every cell (moves_for gives their
// costs). Known to the compiler, each shape's tests and costs are folded where it is tried.
constexpr Shape kShapes[] = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}};
constexpr std::size_t kMoveCount = std::size(kShapes);
// The most segments a bead takes on one side.
constexpr std::size_t kLongestRun = [] {
    std::size_t longest = 0;
    for (const Shape& shape : kShapes) longest = std::max({longest, shape.source, shape.target});
    return longest;
}();

// One anchor after interning: where its partners are, and its value if matched or missed.
struct Item {
    // The segments of the other side holding one of its keys, in increasing order: when
    // the anchor has several keys and they are held kMaxCopiedPartners times or fewer, their
    // merged lists (`partners`); otherwise the keys themselves, searched in the other side's
    // holder lists, so that a common word recurring through a long document is not copied
    // once an occurrence (memory stays linear in the text). Both are ranges of the arrays of
    // the side the item belongs to (Side::item_keys, Side::item_partners).
    std::uint32_t keys_begin = 0;
    std::uint32_t keys_end = 0;
    std::uint32_t partners_begin = 0;
    std::uint32_t partners_end = 0;
    double match = 0.0;  // cost change when matched (negative)
    double miss = 0.0;   // cost change when its partner is elsewhere (positive)
    double gain = 0.0;   // match - miss: what holding it takes off a cost that counted its miss
};

// Item costs are whole multiples of kCostQuantum, so that sums of them are exact while they stay
// below 2^53 quanta (8,192 in magnitude, far above a segment's or a bead's): a segment's one-way
// cost is then the same whatever the order of its terms, and is counted as all its misses plus
// the gains of the items held, visiting only those (a handful) rather than every item.
constexpr double kCostQuantum = 0x1p-40;
double quantized(double cost) { return std::nearbyint(cost / kCostQuantum) * kCostQuantum; }

// Per key, the increasing indices of one side's segments holding it: all the lists in one
// array, key k's from start[k] to start[k + 1].
struct Holders {
    std::vector<std::size_t> start;
    std::vector<std::size_t> segments;

    std::span<const std::size_t> of(int key) const {
        const auto k = static_cast<std::size_t>(key);
        return {segments.data() + start[k], segments.data() + start[k + 1]};
    }
};

// One side of the problem, ready for the programme.
struct Side {
    std::vector<std::size_t> length_prefix;  // prefix sums of code-point lengths
    std::vector<std::size_t> unit_prefix;    // prefix sums of sentences (1 a segment, more a paragraph)
    std::vector<std::size_t> block;          // block of each segment
    // Matchable anchors, all segments' in one array: segment k's from item_start[k] to
    // item_start[k + 1]; their keys and partners (Item) in two more arrays.
    std::vector<Item> items;
    std::vector<std::size_t> item_start;
    std::vector<int> item_keys;
    std::vector<std::size_t> item_partners;
    // Per segment, the misses of its items: its one-way cost when no item is held.
    std::vector<double> all_missed;
    // The keys of each segment's anchors, each once, in order of first use: segment k's from
    // key_start[k] to key_start[k + 1].
    std::vector<int> key_list;
    std::vector<std::size_t> key_start;
    // Per key, the increasing indices of this side's segments holding it: what an anchor of
    // the other side is matched against.
    Holders holders;

    std::span<const Item> items_of(std::size_t segment) const {
        return {items.data() + item_start[segment], items.data() + item_start[segment + 1]};
    }
    std::span<const int> segment_keys(std::size_t segment) const {
        return {key_list.data() + key_start[segment], key_list.data() + key_start[segment + 1]};
    }
    std::span<const int> keys_of(const Item& item) const {
        return {item_keys.data() + item.keys_begin, item_keys.data() + item.keys_end};
    }
    std::span<const std::size_t> partners_of(const Item& item) const {
        return {item_partners.data() + item.partners_begin, item_partners.data() + item.partners_end};
    }

    // Whether one of the segments [begin, begin + count) holds one of the keys of `item`, an
    // item of `owner` (the other side).
    bool holds_any(const Side& owner, const Item& item, std::size_t begin, std::size_t count) const {
        auto in = [begin, count](std::span<const std::size_t> list) {
            const auto first = std::lower_bound(list.begin(), list.end(), begin);
            return first != list.end() && *first < begin + count;
        };
        if (item.keys_begin == item.keys_end) return in(owner.partners_of(item));
        for (const int key : owner.keys_of(item)) {
            if (in(holders.of(key))) return true;
        }
        return false;
    }

    std::size_t length(std::size_t begin, std::size_t count) const {
        return length_prefix[begin + count] - length_prefix[begin];
    }
    // log(length + 1) of the segments [begin, begin + count): the length model asks it of every
    // bead it weighs, so it is taken once for each run a bead can take (kLongestRun at most).
    std::vector<double> log_run_lengths;  // of the run of count segments from k at [kLongestRun k + count - 1]
    double log_length(std::size_t begin, std::size_t count) const {
        if (count <= kLongestRun) return log_run_lengths[kLongestRun * begin + count - 1];
        return std::log(static_cast<double>(length(begin, count)) + 1.0);
    }
    std::size_t units(std::size_t begin, std::size_t count) const {
        return unit_prefix[begin + count] - unit_prefix[begin];
    }
};

struct Prepared {
    Side source;
    Side target;
    std::vector<std::pair<std::size_t, std::size_t>> anchor_points;  // (source, target) pairs, increasing
    double floor_margin = 0.0;  // see anchor_cost_floor; 0 without items, whose floor is exact
};

// Anchor points for the band: segment pairs that share a key occurring equally often (at most
// kMaxRepeat times) on both sides, the k-th source occurrence paired with the k-th target one,
// reduced to their longest chain increasing on both sides (in the spirit of hunalign's coarse
// first path, without a first alignment). Reads the target side's holder lists: called once
// they are filled.
constexpr int kMaxRepeat = 16;

std::vector<std::pair<std::size_t, std::size_t>> anchor_chain(const Side& source, const Side& target,
                                                              const std::vector<int>& source_frequency,
                                                              const std::vector<int>& target_frequency) {
    auto usable = [&](std::size_t key) {
        return source_frequency[key] > 0 && source_frequency[key] == target_frequency[key] &&
               source_frequency[key] <= kMaxRepeat;
    };
    // The k-th source occurrence of a key pairs with the k-th target segment holding it: the
    // target side's holder list of the key, in increasing order.
    std::vector<std::size_t> seen(source_frequency.size(), 0);
    std::vector<std::pair<std::size_t, std::size_t>> points;
    for (std::size_t i = 0; i + 1 < source.key_start.size(); ++i) {
        for (const int key : source.segment_keys(i)) {
            const auto k = static_cast<std::size_t>(key);
            if (usable(k)) points.emplace_back(i, target.holders.of(key)[seen[k]++]);
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

// One anchor of one segment with its keys interned: Units::key_pool[begin, end), sorted, unique.
struct RawAnchor {
    AnchorKind kind;
    std::uint32_t begin;
    std::uint32_t end;
};

// The units one programme aligns: sentences, or the paragraphs of the paragraph stage.
struct Units {
    std::vector<std::size_t> lengths;  // code points
    std::vector<std::size_t> sentences;
    std::vector<std::size_t> blocks;
    // The anchors of every unit in one array, unit k's from anchor_start[k] to
    // anchor_start[k + 1], and the keys of every anchor, one allocation each for the document.
    std::vector<RawAnchor> anchor_list;
    std::vector<std::size_t> anchor_start{0};
    std::vector<int> key_pool;
    // Paragraphs hold runs of the sentences' anchors: they read those Units' arrays, not their own.
    const Units* borrowed = nullptr;

    std::size_t size() const { return anchor_start.size() - 1; }
    std::span<const RawAnchor> anchors_of(std::size_t unit) const {
        const RawAnchor* list = borrowed != nullptr ? borrowed->anchor_list.data() : anchor_list.data();
        return {list + anchor_start[unit], list + anchor_start[unit + 1]};
    }
    std::span<const int> keys_of(const RawAnchor& anchor) const {
        const int* keys = borrowed != nullptr ? borrowed->key_pool.data() : key_pool.data();
        return {keys + anchor.begin, keys + anchor.end};
    }
};

struct Interned {
    Units source;
    Units target;
    std::size_t key_count = 0;
};

// The sentences of both sides with their anchors, keys interned across both sides.
Interned intern_sentences(const SegmentList& source, const SegmentList& target, const AnchorExtractor* extractor,
                          const AlignOptions& options) {
    Interned interned;
    // The extractor's key numbers, renumbered 0, 1, 2... in order of first use in this
    // document, so that the programme's per-key tables are as small as the document. The
    // table from one to the other is indexed by the extractor's number and kept by the thread
    // (as its extractor is), reset entry by entry after each document.
    thread_local std::vector<int> number_of;  // -1: not used in this document
    std::vector<std::uint32_t> used;          // extractor numbers, in order of first use
    struct Reset {  // also when extraction throws: the next document starts from a clean table
        std::vector<std::uint32_t>& used;
        ~Reset() {
            for (const std::uint32_t key : used) number_of[key] = -1;
        }
    } reset{used};
    if (extractor != nullptr) extractor->start_document();
    auto intern = [&used, &options](const KeyedAnchors& anchors, std::vector<RawAnchor>& raw, std::vector<int>& pool) {
        for (std::size_t a = 0; a < anchors.size(); ++a) {
            if (!options.anchors[static_cast<std::size_t>(anchors.kinds[a])].enabled) continue;
            const auto begin = pool.size();
            for (const std::uint32_t key : anchors.keys_of(a)) {
                if (key >= number_of.size()) number_of.resize(std::max<std::size_t>(key + 1, number_of.size() * 2), -1);
                if (number_of[key] < 0) {
                    number_of[key] = static_cast<int>(used.size());
                    used.push_back(key);
                }
                pool.push_back(number_of[key]);
            }
            if (pool.size() - begin > 1) {  // one key is already sorted and unique
                std::sort(pool.begin() + static_cast<std::ptrdiff_t>(begin), pool.end());
                pool.erase(std::unique(pool.begin() + static_cast<std::ptrdiff_t>(begin), pool.end()), pool.end());
            }
            raw.push_back(RawAnchor{anchors.kinds[a], static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(pool.size())});
        }
    };
    auto fill = [&](const SegmentList& segments, bool is_source, Units& units) {
        units.lengths.reserve(segments.size());
        units.sentences.reserve(segments.size());
        units.blocks.reserve(segments.size());
        units.anchor_start.reserve(segments.size() + 1);
        for (const Segment& segment : segments) {
            units.lengths.push_back(count_code_points(segment.text));
            units.sentences.push_back(1);
            units.blocks.push_back(segment.block);
            if (extractor != nullptr)
                intern(is_source ? extractor->keyed_source_anchors(segment.text) : extractor->keyed_target_anchors(segment.text),
                       units.anchor_list, units.key_pool);
            units.anchor_start.push_back(units.anchor_list.size());
        }
    };
    fill(source, true, interned.source);
    fill(target, false, interned.target);
    interned.key_count = used.size();
    return interned;
}

// Paragraphs: runs of sentences of one block, each one unit holding its sentences' anchors.
// `first` receives the first sentence of each paragraph, then the sentence count.
Units paragraphs_of(const Units& sentences, std::vector<std::size_t>& first) {
    Units paragraphs;
    first.clear();
    for (std::size_t k = 0; k < sentences.lengths.size(); ++k) {
        if (k == 0 || sentences.blocks[k] != sentences.blocks[k - 1]) {
            first.push_back(k);
            paragraphs.lengths.push_back(0);
            paragraphs.sentences.push_back(0);
            paragraphs.blocks.push_back(0);  // merging paragraphs is an ordinary paragraph bead
        }
        paragraphs.lengths.back() += sentences.lengths[k];
        paragraphs.sentences.back() += 1;
    }
    first.push_back(sentences.lengths.size());
    paragraphs.anchor_start.clear();
    for (const std::size_t k : first) paragraphs.anchor_start.push_back(sentences.anchor_start[k]);
    paragraphs.borrowed = &sentences;
    return paragraphs;
}

void fill_side(Side& side, const Units& units) {
    const std::size_t n = units.lengths.size();
    side.length_prefix.assign(n + 1, 0);
    side.unit_prefix.assign(n + 1, 0);
    for (std::size_t k = 0; k < n; ++k) {
        side.length_prefix[k + 1] = side.length_prefix[k] + units.lengths[k];
        side.unit_prefix[k + 1] = side.unit_prefix[k] + units.sentences[k];
    }
    side.log_run_lengths.assign(kLongestRun * n, 0.0);
    for (std::size_t k = 0; k < n; ++k) {
        for (std::size_t count = 1; count <= kLongestRun && k + count <= n; ++count)
            side.log_run_lengths[kLongestRun * k + count - 1] = std::log(static_cast<double>(side.length(k, count)) + 1.0);
    }
    side.block = units.blocks;
    side.items.clear();
    side.item_start.assign(n + 1, 0);
    side.all_missed.assign(n, 0.0);  // no items yet; anchor_cost_floor reads it without anchors too
    side.key_list.clear();
    side.key_start.assign(n + 1, 0);
}

// The margin anchor_cost_floor leaves for rounding, should sums of item costs ever leave the
// range where they are exact (kCostQuantum): the error of a sum of n terms is at most
// n 2^-53 times the sum of their magnitudes, and the floor compares a handful of such sums over
// the items of at most four segments (its one segment counted up to three times), so 2^-45
// times a bound of their count and of their magnitudes, measured over the whole document, is
// ample. Infinite when the floor does not hold (an item whose match exceeds its miss).
double floor_margin(const Prepared& p) {
    double mass = 0.0;        // the largest sum of max(|match|, |miss|) over a segment's items
    std::size_t items = 0;    // the most items of a segment
    for (const Side* side : {&p.source, &p.target}) {
        for (std::size_t k = 0; k + 1 < side->item_start.size(); ++k) {
            double segment_mass = 0.0;
            for (const Item& item : side->items_of(k)) {
                if (!(item.match <= item.miss)) return kInfinity;
                segment_mass += std::max(std::abs(item.match), std::abs(item.miss));
            }
            mass = std::max(mass, segment_mass);
            items = std::max(items, side->item_start[k + 1] - side->item_start[k]);
        }
    }
    return 6.0 * mass * static_cast<double>(4 * items + 16) * 0x1p-45;
}

// Finds which anchors have a partner anywhere on the other side, and weighs each by
// 1 / sqrt(units of the other side sharing one of its keys).
Prepared prepare(const Units& source, const Units& target, std::size_t key_count, bool with_anchors,
                 const AlignOptions& options) {
    Prepared prepared;
    fill_side(prepared.source, source);
    fill_side(prepared.target, target);
    if (!with_anchors) return prepared;

    // Keys per segment and, per key, the number of segments of each side holding it.
    // A key is taken once a segment by remembering the last segment that took it (no sort:
    // what is built from the lists does not depend on their order).
    auto collect = [key_count](const Units& units, Side& side, std::vector<int>& frequency) {
        frequency.assign(key_count, 0);
        std::vector<std::size_t> taken_by(key_count, units.size());
        // At most every key of every anchor, each once a segment.
        side.key_list.reserve((units.borrowed != nullptr ? units.borrowed->key_pool : units.key_pool).size());
        for (std::size_t k = 0; k < units.size(); ++k) {
            for (const RawAnchor& r : units.anchors_of(k)) {
                for (const int key : units.keys_of(r)) {
                    const auto at = static_cast<std::size_t>(key);
                    if (taken_by[at] == k) continue;
                    taken_by[at] = k;
                    side.key_list.push_back(key);
                    ++frequency[at];
                }
            }
            side.key_start[k + 1] = side.key_list.size();
        }
    };
    std::vector<int> source_frequency;
    std::vector<int> target_frequency;
    collect(source, prepared.source, source_frequency);
    collect(target, prepared.target, target_frequency);

    // `frequency` counts, per key, the segments holding it: the length of its list.
    auto fill_holders = [key_count](Side& side, const std::vector<int>& frequency) {
        Holders& holders = side.holders;
        holders.start.assign(key_count + 1, 0);
        for (std::size_t key = 0; key < key_count; ++key)
            holders.start[key + 1] = holders.start[key] + static_cast<std::size_t>(frequency[key]);
        holders.segments.resize(holders.start[key_count]);
        std::vector<std::size_t> filled(holders.start.begin(), holders.start.end() - 1);
        for (std::size_t k = 0; k + 1 < side.key_start.size(); ++k) {
            for (const int key : side.segment_keys(k)) holders.segments[filled[static_cast<std::size_t>(key)]++] = k;
        }
    };
    fill_holders(prepared.source, source_frequency);
    fill_holders(prepared.target, target_frequency);
    prepared.anchor_points = anchor_chain(prepared.source, prepared.target, source_frequency, target_frequency);

    auto weigh = [&options](const Units& units, const std::vector<int>& other_frequency, const Side& other,
                            bool is_source, Side& side) {
        std::vector<int> held;  // keys some segment of the other side holds
        // An item's costs depend on its kind and `shared` alone: worked out once for each pair
        // met with `shared` up to kKnownShares (nearly all), not once an item (a square root, a
        // division and two roundings).
        constexpr int kKnownShares = 32;
        struct Costs {
            double match = 0.0;
            double miss = 0.0;
            bool known = false;
        };
        std::array<std::array<Costs, kKnownShares + 1>, kAnchorKindCount> known_costs{};
        auto costs_of = [&options, is_source](AnchorKind kind, int shared) {
            const AnchorWeight& weight = options.anchors[static_cast<std::size_t>(kind)];
            const double unit = 1.0 / std::sqrt(static_cast<double>(shared));
            const double scale = unit * options.anchor_damping;
            return Costs{quantized(-weight.match * scale),
                         quantized((is_source ? weight.source_miss : weight.target_miss) * scale), true};
        };
        const std::size_t anchors = units.anchor_start.back();
        side.items.reserve(anchors);
        side.item_keys.reserve(anchors);
        for (std::size_t k = 0; k < units.size(); ++k) {
            for (const RawAnchor& r : units.anchors_of(k)) {
                int shared = 0;
                held.clear();
                for (const int key : units.keys_of(r)) {
                    const int frequency = other_frequency[static_cast<std::size_t>(key)];
                    shared = std::max(shared, frequency);
                    if (frequency > 0) held.push_back(key);
                }
                if (shared == 0 && !options.count_unmatchable) continue;
                Item item;
                std::size_t held_total = 0;
                for (const int key : held) held_total += other.holders.of(key).size();
                item.keys_begin = static_cast<std::uint32_t>(side.item_keys.size());
                item.partners_begin = static_cast<std::uint32_t>(side.item_partners.size());
                if (held.size() == 1 || held_total > kMaxCopiedPartners) {
                    side.item_keys.insert(side.item_keys.end(), held.begin(), held.end());
                } else {
                    auto& partners = side.item_partners;
                    const auto first = static_cast<std::ptrdiff_t>(partners.size());
                    for (const int key : held) {
                        const auto list = other.holders.of(key);
                        partners.insert(partners.end(), list.begin(), list.end());
                    }
                    std::sort(partners.begin() + first, partners.end());
                    partners.erase(std::unique(partners.begin() + first, partners.end()), partners.end());
                }
                item.keys_end = static_cast<std::uint32_t>(side.item_keys.size());
                item.partners_end = static_cast<std::uint32_t>(side.item_partners.size());
                shared = std::max(shared, 1);
                Costs costs;
                if (shared <= kKnownShares) {
                    Costs& known = known_costs[static_cast<std::size_t>(r.kind)][static_cast<std::size_t>(shared)];
                    if (!known.known) known = costs_of(r.kind, shared);
                    costs = known;
                } else {
                    costs = costs_of(r.kind, shared);
                }
                item.match = costs.match;
                item.miss = costs.miss;
                item.gain = item.match - item.miss;
                side.items.push_back(item);
            }
            side.item_start[k + 1] = side.items.size();
        }
    };
    weigh(source, target_frequency, prepared.target, true, prepared.source);
    weigh(target, source_frequency, prepared.source, false, prepared.target);
    for (Side* side : {&prepared.source, &prepared.target}) {
        const std::size_t segments = side->item_start.size() - 1;
        side->all_missed.assign(segments, 0.0);
        for (std::size_t k = 0; k < segments; ++k) {
            double cost = 0.0;
            for (const Item& item : side->items_of(k)) cost += item.miss;
            side->all_missed[k] = cost;
        }
    }
    prepared.floor_margin = floor_margin(prepared);
    return prepared;
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
    void finish_offsets() {
        offset.assign(low.size() + 1, 0);
        for (std::size_t i = 0; i < low.size(); ++i) offset[i + 1] = offset[i] + high[i] - low[i] + 1;
    }
};

// For each segment k of one side, which of its items each segment of the other side near the
// band holds, one bit an item in words of 32: the programme asks whether an anchor is held in a
// range of one to three segments about ten times a cell, and a bit test is cheaper than
// searching the partner lists each time. The same answers as Side::holds_any, so costs are
// bit-identical.
constexpr std::size_t kMaskBits = 32;
constexpr std::size_t kMaxMaskEntries = std::size_t{4} << 20;  // 16 MB a side at most

struct HeldMasks {
    std::vector<std::size_t> first;   // per segment: the first other-side segment covered
    std::vector<std::size_t> words;   // per segment: mask words an other-side segment takes
    std::vector<std::size_t> offset;  // per segment: where its masks start in `bits`; one more
    std::vector<std::uint32_t> bits;

    bool empty() const { return offset.empty(); }
    // Whether segment k's masks cover the other side's segments [begin, begin + count).
    bool covers(std::size_t k, std::size_t begin, std::size_t count) const {
        return begin >= first[k] && (begin + count - first[k]) * words[k] <= offset[k + 1] - offset[k];
    }
    // Word w of segment k's items held in [begin, begin + count): bit b for item 32 w + b.
    std::uint32_t held(std::size_t k, std::size_t begin, std::size_t count, std::size_t w) const {
        std::uint32_t mask = 0;
        for (std::size_t l = begin; l < begin + count; ++l) mask |= bits[offset[k] + (l - first[k]) * words[k] + w];
        return mask;
    }
};

// Masks of `side`'s segments over the other side's segments [ranges[k].first, ranges[k].second);
// none (empty) when they would take more than kMaxMaskEntries.
HeldMasks held_masks(const Side& side, const Side& other, const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
    HeldMasks masks;
    masks.first.resize(ranges.size());
    masks.words.resize(ranges.size());
    masks.offset.assign(ranges.size() + 1, 0);
    for (std::size_t k = 0; k < ranges.size(); ++k) {
        const auto [begin, end] = ranges[k];
        const std::size_t items = side.item_start[k + 1] - side.item_start[k];
        masks.first[k] = begin;
        masks.words[k] = (items + kMaskBits - 1) / kMaskBits;
        masks.offset[k + 1] = masks.offset[k] + (end > begin ? end - begin : 0) * masks.words[k];
    }
    if (masks.offset.back() > kMaxMaskEntries) return HeldMasks{};
    masks.bits.assign(masks.offset.back(), 0);
    for (std::size_t k = 0; k < ranges.size(); ++k) {
        // Plain names, not a structured binding: clang 14 (the fuzz build) cannot capture those.
        const std::size_t begin = ranges[k].first;
        const std::size_t end = ranges[k].second;
        if (end <= begin) continue;
        const std::span<const Item> items = side.items_of(k);
        for (std::size_t b = 0; b < items.size(); ++b) {
            const Item& item = items[b];
            auto mark = [&](std::span<const std::size_t> list) {
                for (auto it = std::lower_bound(list.begin(), list.end(), begin); it != list.end() && *it < end; ++it)
                    masks.bits[masks.offset[k] + (*it - begin) * masks.words[k] + b / kMaskBits] |= std::uint32_t{1}
                                                                                                    << (b % kMaskBits);
            };
            if (item.keys_begin == item.keys_end) mark(side.partners_of(item));
            for (const int key : side.keys_of(item)) mark(other.holders.of(key));
        }
    }
    return masks;
}

// Anchor cost of the segments [begin, begin + count) of `side` against [other_begin,
// other_begin + other_count) of `other`; `masks` (of `side`'s segments, may be empty) answer
// for the segments they cover.
// `cost` plus the gains of the items held: `items` are a segment's, and word(w) gives word w of
// its mask (bit b for item 32 w + b), `word_count` words.
inline double add_held_gains(double cost, const Item* items, std::size_t word_count, auto word) {
    for (std::size_t w = 0; w < word_count; ++w) {
        for (std::uint32_t held = word(w); held != 0; held &= held - 1)
            cost += items[w * kMaskBits + static_cast<std::size_t>(std::countr_zero(held))].gain;
    }
    return cost;
}

double one_way_anchor_cost(const Side& side, const Side& other, std::size_t begin, std::size_t count,
                           std::size_t other_begin, std::size_t other_count, const HeldMasks& masks) {
    double cost = 0.0;
    for (std::size_t k = begin; k < begin + count; ++k) {
        cost += side.all_missed[k];
        const std::span<const Item> items = side.items_of(k);
        if (!masks.empty() && !items.empty() && masks.covers(k, other_begin, other_count)) {
            cost = add_held_gains(cost, items.data(), masks.words[k],
                                  [&](std::size_t w) { return masks.held(k, other_begin, other_count, w); });
            continue;
        }
        for (const Item& item : items) {
            if (other.holds_any(side, item, other_begin, other_count)) cost += item.gain;
        }
    }
    return cost;
}

// The same for one segment k against one segment l: what the 1-1 beads ask, once a cell of the
// programme, kept apart so that it compiles to a few reads and the held items' gains.
inline double one_segment_anchor_cost(const Side& side, const Side& other, std::size_t k, std::size_t l,
                                      const HeldMasks& masks) {
    if (masks.empty() || !masks.covers(k, l, 1)) return one_way_anchor_cost(side, other, k, 1, l, 1, masks);
    const std::uint32_t* words = masks.bits.data() + masks.offset[k] + (l - masks.first[k]) * masks.words[k];
    return add_held_gains(side.all_missed[k], side.items.data() + side.item_start[k], masks.words[k],
                          [words](std::size_t w) { return words[w]; });
}

// What one run of the programme looks up: the masks of both sides (HeldMasks, may be empty),
// and the 1-1 anchor cost of each cell of its band once computed (NaN before), which the 2-2
// beads ending one cell later reuse.
struct Held {
    HeldMasks source;
    HeldMasks target;
    const Band* band = nullptr;
    mutable std::vector<double> one_to_one;
};
const Held kNoMasks{};

// Anchor cost of the 1-1 bead ending before (i, j), computed (one_to_one_cost caches it).
[[gnu::noinline]] double computed_one_to_one_cost(const Prepared& p, std::size_t i, std::size_t j, const Held& held) {
    return one_segment_anchor_cost(p.source, p.target, i - 1, j - 1, held.source) +
           one_segment_anchor_cost(p.target, p.source, j - 1, i - 1, held.target);
}

// Anchor cost of the 1-1 bead ending before (i, j). Inline, as join_cost: the programme asks
// both several times a cell, and the calls cost more than the lookups.
[[gnu::always_inline]] inline double one_to_one_cost(const Prepared& p, std::size_t i, std::size_t j, const Held& held) {
    if (held.band == nullptr || j < held.band->low[i] || j > held.band->high[i]) return computed_one_to_one_cost(p, i, j, held);
    double& slot = held.one_to_one[held.band->offset[i] + j - held.band->low[i]];
    if (std::isnan(slot)) slot = computed_one_to_one_cost(p, i, j, held);
    return slot;
}

// Anchor part of the evidence of a bilingual bead ending before (i, j).
[[gnu::always_inline]] inline double anchor_cost(const Prepared& p, std::size_t i, std::size_t j, Shape shape,
                                                const Held& held = kNoMasks) {
    const std::size_t si = i - shape.source;
    const std::size_t tj = j - shape.target;
    if (shape.source > 1 && shape.target > 1) {
        // A many-to-many bead earns only the anchors of its diagonal pairs: matching against
        // the union would reward gluing two neighbouring 1-1 beads that share the story's names.
        double anchors = 0.0;
        for (std::size_t k = 0; k < std::min(shape.source, shape.target); ++k) anchors += one_to_one_cost(p, si + k + 1, tj + k + 1, held);
        return anchors;
    }
    if (shape.source == 1 && shape.target == 1) return one_to_one_cost(p, i, j, held);
    return one_way_anchor_cost(p.source, p.target, si, shape.source, tj, shape.target, held.source) +
           one_way_anchor_cost(p.target, p.source, tj, shape.target, si, shape.source, held.target);
}

// A lower bound of anchor_cost(p, i, j, shape, held) for a 2-1, 3-1, 1-2 or 1-3 bead, from the
// cached 1-1 costs of the pairs of its one segment with each of its several (-infinity when
// those pairs are outside the band). In exact arithmetic, the several segments' one-way cost is
// the sum of their 1-1 one-way costs (the same items against the same segment), and the one
// segment's one-way cost against all of them is at least the sum of its 1-1 one-way costs
// against each, less all its misses once for each pair but one (an item held by one of them
// counts its match once, never more, when match <= miss). Less floor_margin for rounding, it is
// a true lower bound of the rounded cost, so a bead it rules out could not have won.
[[gnu::always_inline]] inline double anchor_cost_floor(const Prepared& p, std::size_t i, std::size_t j, Shape shape,
                                                      const Held& held) {
    const bool source_several = shape.target == 1;
    const std::size_t several = source_several ? shape.source : shape.target;
    double pairs = 0.0;
    for (std::size_t r = 0; r < several; ++r) {
        const std::size_t ci = source_several ? i - r : i;
        const std::size_t cj = source_several ? j : j - r;
        if (cj < held.band->low[ci] || cj > held.band->high[ci]) return -kInfinity;
        pairs += one_to_one_cost(p, ci, cj, held);
    }
    const double one_missed = source_several ? p.target.all_missed[j - 1] : p.source.all_missed[i - 1];
    return pairs - one_missed * static_cast<double>(several - 1) - p.floor_margin;
}

// Cost of the block boundaries a bilingual bead ending before (i, j) joins.
inline double join_cost(const Prepared& p, std::size_t i, std::size_t j, Shape shape, const AlignOptions& options) {
    const std::size_t si = i - shape.source;
    const std::size_t tj = j - shape.target;
    double joins = 0.0;
    if (shape.source > 1 && p.source.block[si] != p.source.block[i - 1]) joins += options.cost_block_join;
    if (shape.target > 1 && p.target.block[tj] != p.target.block[j - 1]) joins += options.cost_block_join;
    return joins;
}

// Cost of the length deviation of a bilingual bead ending before (i, j).
[[gnu::always_inline]] inline double deviation_cost(const Prepared& p, std::size_t i, std::size_t j, Shape shape,
                                                   const AlignOptions& options) {
    const std::size_t si = i - shape.source;
    const std::size_t tj = j - shape.target;
    const double ratio = p.target.log_length(tj, shape.target) - p.source.log_length(si, shape.source);
    // A bead standing for k sentence pairs averages k ratios: its spread is sd / sqrt(k)
    // (on the dev corpus, 0.223 for two consecutive pairs summed against 0.314 for one).
    const double pairs =
        static_cast<double>(std::max(p.source.units(si, shape.source), p.target.units(tj, shape.target)));
    const double z = (ratio - options.log_ratio_mean) / options.log_ratio_sd * std::sqrt(pairs);
    return 0.5 * z * z;
}

// Cost of a bilingual bead ending before (i, j) apart from its anchors.
double length_cost(const Prepared& p, std::size_t i, std::size_t j, Shape shape, const AlignOptions& options) {
    return join_cost(p, i, j, shape, options) + deviation_cost(p, i, j, shape, options);
}

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
    }
    band.high[n] = m;  // the corner is always inside
    band.finish_offsets();
    return band;
}

// The masks for one run of the programme over `band`: a source segment k is asked about by
// rows k + 1 to k + 3, against the target segments up to three before those rows' columns; a
// target segment l by columns l + 1 to l + 3, against the source segments up to three before
// the rows holding those columns.
Held held_for(const Prepared& p, const Band& band) {
    const std::size_t n = band.low.size() - 1;
    const std::size_t m = p.target.length_prefix.size() - 1;
    std::vector<std::pair<std::size_t, std::size_t>> source_ranges(n, {0, 0});
    for (std::size_t k = 0; k < n; ++k) {
        std::size_t begin = std::numeric_limits<std::size_t>::max();
        std::size_t end = 0;
        for (std::size_t i = k + 1; i <= std::min(n, k + kLongestRun); ++i) {
            if (band.low[i] > band.high[i]) continue;
            begin = std::min(begin, band.low[i] > kLongestRun ? band.low[i] - kLongestRun : 0);
            end = std::max(end, band.high[i]);
        }
        if (begin < end) source_ranges[k] = {begin, end};
    }
    std::vector<std::size_t> row_min(m + 1, std::numeric_limits<std::size_t>::max());
    std::vector<std::size_t> row_max(m + 1, 0);
    for (std::size_t i = 0; i <= n; ++i) {
        for (std::size_t j = band.low[i]; j <= band.high[i] && j <= m; ++j) {
            row_min[j] = std::min(row_min[j], i);
            row_max[j] = std::max(row_max[j], i);
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> target_ranges(m, {0, 0});
    for (std::size_t l = 0; l < m; ++l) {
        std::size_t begin = std::numeric_limits<std::size_t>::max();
        std::size_t end = 0;
        for (std::size_t j = l + 1; j <= std::min(m, l + kLongestRun); ++j) {
            if (row_min[j] > row_max[j]) continue;
            begin = std::min(begin, row_min[j] > kLongestRun ? row_min[j] - kLongestRun : 0);
            end = std::max(end, row_max[j]);
        }
        if (begin < end) target_ranges[l] = {begin, end};
    }
    Held held;
    held.source = held_masks(p.source, p.target, source_ranges);
    held.target = held_masks(p.target, p.source, target_ranges);
    held.band = &band;
    held.one_to_one.assign(band.offset[n + 1], std::numeric_limits<double>::quiet_NaN());
    return held;
}

// Sentence groups fixed by the paragraph stage: group g holds source sentences
// [source_first[g], source_first[g + 1]) and target sentences [target_first[g], ...).
struct Groups {
    std::vector<std::size_t> source_first;  // one more entry than groups
    std::vector<std::size_t> target_first;
    std::vector<std::size_t> source_group;  // group of each source sentence
    std::vector<std::size_t> target_group;

    // A bilingual bead may not take sentences of two groups.
    bool allows(std::size_t i, std::size_t j, Shape shape) const {
        if (shape.source == 0 || shape.target == 0) return true;  // the band keeps null beads inside
        const std::size_t g = source_group[i - shape.source];
        return source_group[i - 1] == g && target_group[j - shape.target] == g && target_group[j - 1] == g;
    }

    // The union of the groups' rectangles: row i holds the columns of every group whose
    // source rows [first, end] include i.
    Band band(std::size_t n) const {
        Band band;
        band.low.assign(n + 1, std::numeric_limits<std::size_t>::max());
        band.high.assign(n + 1, 0);
        for (std::size_t g = 0; g + 1 < source_first.size(); ++g) {
            for (std::size_t i = source_first[g]; i <= source_first[g + 1]; ++i) {
                band.low[i] = std::min(band.low[i], target_first[g]);
                band.high[i] = std::max(band.high[i], target_first[g + 1]);
            }
        }
        band.finish_offsets();
        return band;
    }
};

// Sentence groups from an alignment of paragraphs: each paragraph bead becomes one group.
Groups groups_of(const std::vector<Bead>& paragraph_beads, const std::vector<std::size_t>& source_first,
                 const std::vector<std::size_t>& target_first) {
    Groups groups;
    std::size_t next_source = 0;
    std::size_t next_target = 0;
    for (const Bead& bead : paragraph_beads) {
        groups.source_first.push_back(source_first[next_source]);
        groups.target_first.push_back(target_first[next_target]);
        next_source += bead.source.size();
        next_target += bead.target.size();
    }
    groups.source_first.push_back(source_first[next_source]);
    groups.target_first.push_back(target_first[next_target]);
    auto label = [](const std::vector<std::size_t>& first, std::vector<std::size_t>& group) {
        group.assign(first.back(), 0);
        for (std::size_t g = 0; g + 1 < first.size(); ++g) {
            for (std::size_t k = first[g]; k < first[g + 1]; ++k) group[k] = g;
        }
    };
    label(groups.source_first, groups.source_group);
    label(groups.target_first, groups.target_group);
    return groups;
}

// The best path of one programme, from (n, m) back to (0, 0): the cell each bead ends at and
// the index of its move.
struct Path {
    std::vector<std::pair<std::size_t, std::size_t>> cells;
    std::vector<std::size_t> moves;
    // Each bilingual bead's anchor cost (0 for a null one), taken with the programme's masks
    // while they exist: the beads' scores and the share of beads anchored ask for it again, and
    // without masks it is a search of the other side's lists for every item.
    std::vector<double> anchor_costs;
};

// The cost of reaching (i, j) by a bilingual bead from a cell at `step` (its cost plus the
// move's), which is previous + move cost + its evidence cost (joins, length, anchors); infinity
// when it cannot beat `best`.
// Rounding is monotone, so a step from lower bounds of its costs is a lower bound of the step:
// when that does not beat the best, the step could at most tie, which the earlier move keeps.
// The joins bound the length cost (the deviation is not negative) and save its logarithm;
// anchor_cost_floor bounds a 2-1, 1-2, 3-1 or 1-3 bead's anchors and saves a pass over their
// items; the anchor cost of a 1-1 or 2-2 bead is its own bound (its 1-1 costs are cached).
[[gnu::always_inline]] inline double bilingual_step(const Prepared& p, std::size_t i, std::size_t j, Shape shape,
                                                   double step, double best, const AlignOptions& options,
                                                   const Held& held) {
    const bool one_to_several = (shape.source == 1) != (shape.target == 1);
    const double floor = one_to_several ? anchor_cost_floor(p, i, j, shape, held) : anchor_cost(p, i, j, shape, held);
    const double joins = join_cost(p, i, j, shape, options);
    if (step + (joins + floor) >= best) return kInfinity;
    const double length = joins + deviation_cost(p, i, j, shape, options);
    if (step + (length + floor) >= best) return kInfinity;
    return step + (length + (one_to_several ? anchor_cost(p, i, j, shape, held) : floor));
}

// Runs the programme over `p` with `moves`: inside the groups when given (their band is
// hard), else in a band around the anchor line that doubles while the best path touches it.
Path best_path(const Prepared& p, const std::vector<Move>& moves, const AlignOptions& options, const Groups* groups) {
    const std::size_t n = p.source.length_prefix.size() - 1;
    const std::size_t m = p.target.length_prefix.size() - 1;
    constexpr unsigned char kNoMove = std::numeric_limits<unsigned char>::max();  // one byte a cell
    Path path;
    if (moves.size() != kMoveCount) throw std::logic_error("best_path: the moves are not those of moves_for");
    // Per move, the band row its beads start from: columns [from_low, from_high], column l at
    // cost[from_base + l]; none (from_low > from_high) above the first row.
    std::size_t from_low[kMoveCount];
    std::size_t from_high[kMoveCount];
    std::size_t from_base[kMoveCount];
    for (std::size_t half_width = std::max<std::size_t>(options.band, 2);; half_width *= 2) {
        const bool full = groups != nullptr || half_width >= std::max(n, m) || n == 0 || m == 0;
        const Band band = groups != nullptr ? groups->band(n)
                                            : make_band(n, m, full ? std::max(n, m) : half_width, p.anchor_points);
        const Held held = held_for(p, band);
        std::vector<double> cost(band.offset[n + 1], kInfinity);
        std::vector<unsigned char> back(band.offset[n + 1], kNoMove);
        cost[0] = 0.0;
        for (std::size_t i = 0; i <= n; ++i) {
            const std::size_t row = band.offset[i] - band.low[i];
            for (std::size_t k = 0; k < kMoveCount; ++k) {
                const std::size_t from = i - kShapes[k].source;
                // A switched-off move (infinite cost) starts from nowhere.
                const bool inside = kShapes[k].source <= i && moves[k].cost != kInfinity;
                from_low[k] = inside ? band.low[from] : 1;
                from_high[k] = inside ? band.high[from] : 0;
                from_base[k] = inside ? band.offset[from] - band.low[from] : 0;
            }
            for (std::size_t j = band.low[i]; j <= band.high[i]; ++j) {
                if (i == 0 && j == 0) continue;
                double best = kInfinity;
                unsigned char best_move = kNoMove;
                // Move K tried at (i, j); a later move replaces the best only when strictly better.
                auto try_move = [&]<std::size_t K>(std::integral_constant<std::size_t, K>) {
                    constexpr Shape shape = kShapes[K];
                    if (shape.target > j || j - shape.target < from_low[K] || j - shape.target > from_high[K]) return;
                    if (groups != nullptr && !groups->allows(i, j, shape)) return;
                    const double previous = cost[from_base[K] + j - shape.target];
                    if (previous == kInfinity) return;
                    double step = previous + moves[K].cost;
                    if constexpr (shape.source > 0 && shape.target > 0) step = bilingual_step(p, i, j, shape, step, best, options, held);
                    if (step < best) {
                        best = step;
                        best_move = static_cast<unsigned char>(K);
                    }
                };
                [&]<std::size_t... K>(std::index_sequence<K...>) {
                    (try_move(std::integral_constant<std::size_t, K>{}), ...);
                }(std::make_index_sequence<kMoveCount>{});
                cost[row + j] = best;
                back[row + j] = best_move;
            }
        }
        path.cells.clear();
        path.moves.clear();
        path.anchor_costs.clear();
        path.cells.reserve(n + m);  // a bead takes at least one segment
        path.anchor_costs.reserve(n + m);
        path.moves.reserve(n + m);
        bool touches_edge = false;
        std::size_t i = n;
        std::size_t j = m;
        while (i > 0 || j > 0) {
            const unsigned char move = back[band.offset[i] + j - band.low[i]];
            const Shape shape = moves[move].shape;
            path.cells.emplace_back(i, j);
            path.moves.push_back(move);
            path.anchor_costs.push_back(shape.source > 0 && shape.target > 0 ? anchor_cost(p, i, j, shape, held) : 0.0);
            if ((j == band.low[i] && band.low[i] > 0) || (j == band.high[i] && band.high[i] < m)) touches_edge = true;
            i -= shape.source;
            j -= shape.target;
        }
        if (full || !touches_edge) return path;
    }
}

// The bead shapes with their costs; cost_1_0 moves with how much of the source the
// translation leaves out, judged from total lengths: an abridged translation is shorter than
// the length model expects.
std::vector<Move> moves_for(const Prepared& p, const AlignOptions& options) {
    double cost_1_0 = options.cost_1_0;
    const std::size_t source_chars = p.source.length_prefix.back();
    const std::size_t target_chars = p.target.length_prefix.back();
    if (options.omission_reference > 0.0 && source_chars > 0 && target_chars > 0) {
        const double expected = static_cast<double>(source_chars) * std::exp(options.log_ratio_mean);
        const double share = std::clamp(1.0 - static_cast<double>(target_chars) / expected, 0.03, 0.6);
        cost_1_0 -= std::log(share / options.omission_reference);
    }
    const double costs[kMoveCount] = {options.cost_1_1, cost_1_0,          options.cost_0_1, options.cost_2_1,
                                      options.cost_1_2, options.cost_2_2, options.cost_3_1, options.cost_1_3};
    std::vector<Move> moves;
    for (std::size_t k = 0; k < kMoveCount; ++k) moves.push_back(Move{kShapes[k], costs[k]});
    return moves;
}

// The beads of a path, in order, with their scores.
std::vector<Bead> beads_of(const Prepared& p, const Path& path, const std::vector<Move>& moves,
                           const AlignOptions& options) {
    std::vector<Bead> beads;
    beads.reserve(path.cells.size());
    for (std::size_t step = path.cells.size(); step-- > 0;) {
        const auto [i, j] = path.cells[step];
        const Shape shape = moves[path.moves[step]].shape;
        Bead bead;
        bead.source.reserve(shape.source);
        bead.target.reserve(shape.target);
        for (std::size_t k = i - shape.source; k < i; ++k) bead.source.push_back(k);
        for (std::size_t k = j - shape.target; k < j; ++k) bead.target.push_back(k);
        if (!bead.is_null()) {
            // Its evidence cost: block joins, length deviation, anchors.
            const double evidence = length_cost(p, i, j, shape, options) + path.anchor_costs[step];
            bead.score = 1.0 / (1.0 + std::exp(evidence - kScoreOffset));
        }
        beads.push_back(std::move(bead));
    }
    return beads;
}

// Paragraph stage: aligns the paragraphs (blocks) of both sides and returns the sentence
// groups the sentence programme must stay inside. Paragraphs merge and split more freely
// than sentences (an edited translation joins short paragraphs), so 3-1 and 1-3 are open.
Groups align_paragraphs(const Interned& sentences, bool with_anchors, const AlignOptions& options) {
    std::vector<std::size_t> source_first;
    std::vector<std::size_t> target_first;
    const Units source = paragraphs_of(sentences.source, source_first);
    const Units target = paragraphs_of(sentences.target, target_first);
    AlignOptions paragraph_options = options;
    paragraph_options.cost_3_1 = std::min(options.cost_3_1, options.cost_2_1 * 1.5);
    paragraph_options.cost_1_3 = std::min(options.cost_1_3, options.cost_1_2 * 1.5);
    const Prepared prepared = prepare(source, target, sentences.key_count, with_anchors, paragraph_options);
    const std::vector<Move> moves = moves_for(prepared, paragraph_options);
    const Path path = best_path(prepared, moves, paragraph_options, nullptr);
    return groups_of(beads_of(prepared, path, moves, paragraph_options), source_first, target_first);
}

std::size_t paragraph_count(const Units& units) {
    std::size_t count = units.blocks.empty() ? 0 : 1;
    for (std::size_t k = 1; k < units.blocks.size(); ++k) count += units.blocks[k] != units.blocks[k - 1];
    return count;
}

}  // namespace

std::string Bead::type() const { return std::to_string(source.size()) + "-" + std::to_string(target.size()); }

Aligner::Aligner(AlignOptions options, std::shared_ptr<const AnchorExtractor> anchors)
    : options_(options), anchors_(std::move(anchors)) {}

std::shared_ptr<const AnchorExtractor> Aligner::load_anchors(const std::filesystem::path& data_dir) {
    return std::make_shared<const AnchorExtractor>(AnchorExtractor::load(data_dir));
}

Alignment Aligner::align(const SegmentList& source, const SegmentList& target) const {
    const Interned sentences = intern_sentences(source, target, anchors_.get(), options_);
    const bool with_anchors = anchors_ != nullptr;
    const Prepared prepared = prepare(sentences.source, sentences.target, sentences.key_count, with_anchors, options_);
    const std::vector<Move> moves = moves_for(prepared, options_);
    // Two stages when both sides have paragraphs: paragraphs first, then sentences inside the
    // paragraph groups; otherwise one programme over all sentences.
    const bool two_stage = options_.paragraph_stage && paragraph_count(sentences.source) >= 2 &&
                           paragraph_count(sentences.target) >= 2;
    const Groups groups = two_stage ? align_paragraphs(sentences, with_anchors, options_) : Groups{};
    const Path path = best_path(prepared, moves, options_, two_stage ? &groups : nullptr);

    Alignment alignment;
    alignment.beads = beads_of(prepared, path, moves, options_);
    double weighted_score = 0.0;
    std::size_t aligned_chars = 0;
    std::size_t bilingual = 0;
    std::size_t supported = 0;  // bilingual beads whose anchors speak for them
    for (std::size_t b = 0; b < alignment.beads.size(); ++b) {
        const Bead& bead = alignment.beads[b];
        if (bead.is_null()) continue;
        const std::size_t chars = prepared.source.length(bead.source.front(), bead.source.size());
        weighted_score += bead.score * static_cast<double>(chars);
        ++bilingual;
        if (path.anchor_costs[path.cells.size() - 1 - b] < 0.0) ++supported;  // beads_of reverses the path
        aligned_chars += chars;
    }
    const std::size_t n = source.size();
    const std::size_t total_chars = prepared.source.length_prefix.back();
    alignment.score = aligned_chars == 0 ? 0.0 : weighted_score / static_cast<double>(aligned_chars);
    alignment.coverage = total_chars == 0 ? 0.0 : static_cast<double>(aligned_chars) / static_cast<double>(total_chars);
    alignment.anchored = bilingual == 0 ? 0.0 : static_cast<double>(supported) / static_cast<double>(bilingual);
    alignment.mismatched = alignment.score < 0.5 || (n >= 4 && alignment.coverage < 0.25) ||
                           (with_anchors && bilingual >= 4 && alignment.anchored < 0.6);
    return alignment;
}

std::vector<Bead> align_segments(const SegmentList& source, const SegmentList& target, const AlignOptions& options) {
    return Aligner(options).align(source, target).beads;
}

}  // namespace artalign
