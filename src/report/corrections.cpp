// A reviewer's corrections: the JSON file the review page exports, and applying it to a pair.
#include "report/corrections.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "align/coverage.hpp"
#include "artalign/error.hpp"
#include "util/hash.hpp"
#include "util/json_reader.hpp"
#include "util/json_writer.hpp"
#include "read/text_file.hpp"

namespace artalign {
namespace {

constexpr const char* kSchema = "artalign-corrections/1";

std::optional<Correction::Action> action_named(std::string_view name) {
    for (const auto action : {Correction::Action::pair, Correction::Action::reject, Correction::Action::untranslated,
                              Correction::Action::translation_only}) {
        if (name == to_string(action)) return action;
    }
    return std::nullopt;
}

std::vector<CorrectionSentence> parse_sentences(const JsonValue* list, const std::string& where) {
    std::vector<CorrectionSentence> sentences;
    if (list == nullptr) return sentences;
    if (!list->is_array()) throw InputError(where, "expected an array of sentences");
    for (const JsonValue& item : list->items()) {
        const JsonValue* text = item.is_object() ? item.find("text") : nullptr;
        if (text == nullptr || !text->is_string()) throw InputError(where, "a sentence must be an object with a \"text\" string");
        CorrectionSentence sentence;
        sentence.text = text->as_string();
        if (const JsonValue* index = item.find("index")) sentence.index = index->as_size();
        sentences.push_back(std::move(sentence));
    }
    return sentences;
}

void write_sentences(JsonWriter& json, const std::vector<CorrectionSentence>& sentences) {
    json.begin_array();
    for (const CorrectionSentence& sentence : sentences)
        json.begin_object().key("text").value(sentence.text).key("index").value(sentence.index).end_object();
    json.end_array();
}

// The segment whose text is `text`, nearest to the recorded index, not already taken.
std::optional<std::size_t> find_sentence(const SegmentList& segments, const CorrectionSentence& sentence,
                                         const std::set<std::size_t>& taken) {
    std::optional<std::size_t> best;
    std::size_t best_distance = 0;
    for (std::size_t k = 0; k < segments.size(); ++k) {
        if (segments[k].text != sentence.text || taken.count(k) != 0) continue;
        const std::size_t distance = k > sentence.index ? k - sentence.index : sentence.index - k;
        if (!best || distance < best_distance) {
            best = k;
            best_distance = distance;
        }
    }
    return best;
}

std::string shortened(const std::string& text) {
    constexpr std::size_t kShown = 60;
    if (text.size() <= kShown) return text;
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    return text.substr(0, cut) + "...";
}

// Resolves one side's sentences to segment indices (sorted); nullopt and `why` when one is missing.
std::optional<std::vector<std::size_t>> resolve(const SegmentList& segments, const std::vector<CorrectionSentence>& sentences,
                                                const char* article, std::string& why) {
    std::set<std::size_t> taken;
    for (const CorrectionSentence& sentence : sentences) {
        const auto found = find_sentence(segments, sentence, taken);
        if (!found) {
            why = fmt::format("the {} has no sentence \"{}\"", article, shortened(sentence.text));
            return std::nullopt;
        }
        taken.insert(*found);
    }
    return std::vector<std::size_t>(taken.begin(), taken.end());
}

Bead make_bead(std::vector<std::size_t> source, std::vector<std::size_t> target, double score) {
    Bead bead;
    bead.source = std::move(source);
    bead.target = std::move(target);
    bead.score = score;
    return bead;
}

}  // namespace

const char* to_string(Correction::Action action) {
    switch (action) {
        case Correction::Action::pair: return "pair";
        case Correction::Action::reject: return "reject";
        case Correction::Action::untranslated: return "untranslated";
        case Correction::Action::translation_only: return "translation-only";
    }
    return "pair";
}

std::vector<Correction> parse_corrections(std::string_view text, const std::string& name) {
    const JsonValue root = parse_json(text, name);
    if (!root.is_object()) throw InputError(name, "not a corrections file: expected a JSON object");
    const JsonValue* schema = root.find("schema");
    if (schema == nullptr || !schema->is_string() || schema->as_string() != kSchema)
        throw InputError(name, fmt::format("not a corrections file: \"schema\" must be \"{}\"", kSchema));
    const JsonValue* list = root.find("corrections");
    if (list == nullptr || !list->is_array()) throw InputError(name, "\"corrections\" must be an array");
    std::vector<Correction> corrections;
    for (const JsonValue& item : list->items()) {
        const std::string where = fmt::format("{}: correction {}", name, corrections.size() + 1);
        if (!item.is_object()) throw InputError(where, "expected an object");
        const JsonValue* action = item.find("action");
        const auto known = action != nullptr && action->is_string() ? action_named(action->as_string()) : std::nullopt;
        if (!known)
            throw InputError(where, "\"action\" must be \"pair\", \"reject\", \"untranslated\" or \"translation-only\"");
        Correction correction;
        correction.action = *known;
        correction.source = parse_sentences(item.find("source"), where);
        correction.target = parse_sentences(item.find("target"), where);
        using Action = Correction::Action;
        const bool has_source = !correction.source.empty();
        const bool has_target = !correction.target.empty();
        const bool well_formed = correction.action == Action::pair           ? has_source && has_target
                                 : correction.action == Action::reject       ? has_source || has_target
                                 : correction.action == Action::untranslated ? has_source && !has_target
                                                                             : has_target && !has_source;
        if (!well_formed)
            throw InputError(where, fmt::format("a \"{}\" correction needs {}", to_string(correction.action),
                                                correction.action == Action::pair     ? "source and target sentences"
                                                : correction.action == Action::reject ? "some sentences"
                                                : correction.action == Action::untranslated
                                                    ? "source sentences and no target"
                                                    : "target sentences and no source"));
        corrections.push_back(std::move(correction));
    }
    return corrections;
}

std::string corrections_file_name(std::string_view pair_key) {
    return fmt::format("corrections-{:016x}.json", hash_bytes(pair_key));
}

std::vector<Correction> read_corrections(const std::filesystem::path& file) {
    return parse_corrections(read_text_file(file), file.string());
}

std::string corrections_json(const AlignedPair& pair, const std::vector<Correction>& corrections) {
    JsonWriter json(2);
    json.begin_object().key("schema").value(kSchema);
    json.key("original").begin_object().key("url").value(pair.original.url).key("title").value(pair.original.title).end_object();
    json.key("translation").begin_object().key("url").value(pair.translation.url).key("title").value(pair.translation.title).end_object();
    json.key("corrections").begin_array();
    for (const Correction& correction : corrections) {
        json.begin_object().key("action").value(to_string(correction.action));
        if (!correction.source.empty()) {
            json.key("source");
            write_sentences(json, correction.source);
        }
        if (!correction.target.empty()) {
            json.key("target");
            write_sentences(json, correction.target);
        }
        json.end_object();
    }
    json.end_array().end_object();
    return json.str();
}

std::vector<std::string> apply_corrections(AlignedPair& pair, const std::vector<Correction>& corrections,
                                           const std::string& name) {
    std::vector<std::string> not_applied;
    if (pair.reviews.size() != pair.beads.size()) pair.reviews.assign(pair.beads.size(), "");
    for (std::size_t c = 0; c < corrections.size(); ++c) {
        const Correction& correction = corrections[c];
        std::string why;
        const auto source = resolve(pair.original_segments, correction.source, "original", why);
        const auto target = source ? resolve(pair.translation_segments, correction.target, "translation", why) : std::nullopt;
        if (!source || !target) {
            not_applied.push_back(fmt::format("{}: correction {} ({}) no longer applies: {}", name, c + 1,
                                              to_string(correction.action), why));
            continue;
        }
        // Take the sentences out of the beads holding them; the new beads go where the first was.
        const std::set<std::size_t> sources(source->begin(), source->end());
        const std::set<std::size_t> targets(target->begin(), target->end());
        std::optional<std::size_t> first;
        for (std::size_t b = 0; b < pair.beads.size(); ++b) {
            Bead& bead = pair.beads[b];
            const auto before = bead.source.size() + bead.target.size();
            std::erase_if(bead.source, [&](std::size_t k) { return sources.count(k) != 0; });
            std::erase_if(bead.target, [&](std::size_t k) { return targets.count(k) != 0; });
            if (bead.source.size() + bead.target.size() == before) continue;
            if (!first) first = b;
            pair.reviews[b].clear();  // no longer what anybody confirmed
            if (bead.is_null()) bead.score = 0.0;
        }
        std::vector<Bead> made;
        switch (correction.action) {
            case Correction::Action::pair: made.push_back(make_bead(*source, *target, 1.0)); break;
            case Correction::Action::reject:
            case Correction::Action::untranslated:
            case Correction::Action::translation_only:
                for (const std::size_t k : *source) made.push_back(make_bead({k}, {}, 0.0));
                for (const std::size_t k : *target) made.push_back(make_bead({}, {k}, 0.0));
                break;
        }
        const auto at = static_cast<std::ptrdiff_t>(first.value_or(pair.beads.size()));
        pair.beads.insert(pair.beads.begin() + at, made.begin(), made.end());
        pair.reviews.insert(pair.reviews.begin() + at, made.size(), to_string(correction.action));
        for (std::size_t b = pair.beads.size(); b-- > 0;) {
            if (pair.beads[b].source.empty() && pair.beads[b].target.empty()) {
                pair.beads.erase(pair.beads.begin() + static_cast<std::ptrdiff_t>(b));
                pair.reviews.erase(pair.reviews.begin() + static_cast<std::ptrdiff_t>(b));
            }
        }
    }
    pair.coverage = compute_coverage(pair.original_segments, pair.beads);
    return not_applied;
}

}  // namespace artalign
