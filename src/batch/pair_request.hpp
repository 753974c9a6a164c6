// A request to align one article pair, as read from a JSON record (stream input, batch JSONL).
#pragma once

#include <optional>
#include <string>

#include "util/json_reader.hpp"
#include "artalign/pipeline.hpp"

namespace artalign {

/// One pair to align. Either pages on disk (`input`) or the pages' HTML inline.
struct PairRequest {
    /// A stable name for the pair, unique within a run: the record's id as JSON text when it
    /// has one, else the translation page as given. Journals and merges key on it.
    std::string key;
    std::optional<JsonValue> id;               ///< echoed in the outcome
    PairInput input;                           ///< translation_page empty when the HTML is inline
    std::optional<std::string> translation_html;
    std::optional<std::string> original_html;
};

/// Reads a record such as
///     {"id": 7, "translation": "mirror/english.hani.co.kr/...html", "mirror": "mirror"}
///     {"id": "a", "translation": "en.html", "original": "ko.html"}
///     {"id": 8, "translation_html": "<html>...", "original_html": "<html>..."}
/// Fields: id (any scalar), translation / original (a path, or an http(s) URL: read from the
/// mirror, or fetched when the pipeline may fetch), mirror (a directory), translation_html and
/// original_html (the pages inline; original_html without translation_html is an error),
/// warc and offset (the translation page is the record at that byte offset of that WARC file;
/// "translation" may then give its URL), archive (a list of WARC files in which URLs are looked
/// up, as in a mirror; with "warc", that file is looked in first).
/// Unknown fields are an error, so that a misspelt field is not silently ignored.
/// Throws InputError naming `source` (e.g. "stdin line 4") and the problem.
PairRequest parse_pair_request(const JsonValue& record, const std::string& source);

/// `request` as a one-line JSON record that parse_pair_request reads back to the same request
/// (the fields it has, of those parse_pair_request reads). Throws InputError naming a path that
/// is not UTF-8 (a JSON string cannot hold its bytes).
std::string pair_request_json(const PairRequest& request);

/// A request for a translation page on disk, keyed by its path as given.
PairRequest page_request(const std::filesystem::path& translation_page,
                         const std::optional<std::filesystem::path>& mirror_root = std::nullopt);

}  // namespace artalign
