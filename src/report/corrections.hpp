// A reviewer's corrections to an alignment (from the HTML review page), kept in a JSON file
// and applied again to later runs of the same pair, so human decisions survive a re-run.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "artalign/pipeline.hpp"

namespace artalign {

/// One sentence a correction names: its text (the key) and where it was (a hint that picks
/// among repeated sentences; the text decides).
struct CorrectionSentence {
    std::string text;
    std::size_t index = 0;  ///< 0-based position in its article's sentence list when exported
};

/// One decision. Every editing action of the review page comes down to these four:
/// accept, re-pair, merge and split are `pair`s of the sentences the unit should hold.
struct Correction {
    enum class Action {
        pair,              ///< these original and translation sentences form one unit
        reject,            ///< these sentences are not translations of each other: no unit
        untranslated,      ///< these original sentences have no counterpart
        translation_only,  ///< these translation sentences have no counterpart ("English-only")
    };
    Action action = Action::pair;
    std::vector<CorrectionSentence> source;  ///< original sentences
    std::vector<CorrectionSentence> target;  ///< translation sentences
};

/// The name of an action in the file: "pair", "reject", "untranslated", "translation-only".
const char* to_string(Correction::Action action);

/// Parses a corrections file's text (schema "artalign-corrections/1", docs/coverage.md).
/// Throws InputError("NAME: what is wrong") naming `name` on anything else.
std::vector<Correction> parse_corrections(std::string_view text, const std::string& name);

/// Reads and parses a corrections file. Throws InputError naming the file.
std::vector<Correction> read_corrections(const std::filesystem::path& file);

/// The corrections as the file the review page exports (pretty-printed JSON).
std::string corrections_json(const AlignedPair& pair, const std::vector<Correction>& corrections);

/// The name of a pair's corrections file in a batch's corrections directory:
/// "corrections-" + 16 hex digits of a hash of the pair's key + ".json". Its review page
/// exports under that name, so a reviewer drops the download into the directory.
std::string corrections_file_name(std::string_view pair_key);

/// Applies the corrections to `pair`, in order, and recomputes its coverage. Each correction
/// finds its sentences by text (the nearest occurrence to the recorded index when a text
/// repeats), takes them out of the units they are in and puts them in the unit it describes,
/// in the place of the first unit it took from; what is left of those units stays, no longer
/// reviewed. A unit a correction made is marked reviewed (pair.reviews) and a `pair` unit
/// scores 1 (a person confirmed it). A correction that names a sentence the pair no longer
/// has does not apply: it changes nothing and is returned as one line saying which and why.
/// `name` names the corrections file in those lines.
std::vector<std::string> apply_corrections(AlignedPair& pair, const std::vector<Correction>& corrections,
                                           const std::string& name);

}  // namespace artalign
