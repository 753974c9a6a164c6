// The one way artalign writes JSON: a small streaming writer for every JSON and JSONL output
// (no DOM, no dependency).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace artalign {

class JsonValue;

/// Quotes and escapes `text` as a JSON string. Invalid UTF-8 becomes U+FFFD, written "\ufffd"
/// like U+FFFD itself (so quoting what parse_json reads back gives the same bytes); control
/// characters, '"', '\\', and '<' '>' '&' (so JSON can sit inside HTML) are escaped.
std::string json_quote(std::string_view text);

/// Builds one JSON value into a string. Calls must nest properly (the writer tracks commas,
/// not validity): inside an object each value is preceded by key(). Numbers that are NaN or
/// infinite are written as null, whichever way they are written.
///
///     JsonWriter json;
///     json.begin_object().key("units").value(3).key("ok").value(true).end_object();
///     json.str();  // {"units":3,"ok":true}
class JsonWriter {
public:
    /// `indent` > 0 pretty-prints with that many spaces; 0 writes one line (for JSONL).
    explicit JsonWriter(int indent = 0) : indent_(indent) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(bool flag);
    JsonWriter& value(double number);  ///< up to 4 decimals, trailing zeros trimmed
    JsonWriter& fixed(double number, int decimals);  ///< exactly `decimals` decimals, e.g. 0.980
    JsonWriter& exact(double number);  ///< the shortest text that reads back as the same double
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(std::size_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& null();
    /// A value parse_json read: numbers keep their text as written, members their order.
    JsonWriter& value(const JsonValue& parsed);
    /// Splices `json`, one complete JSON value written by another JsonWriter (indent 0), as
    /// the next value, byte for byte. An object or array is checked by its brackets (strings
    /// skipped), anything else with parse_json: std::invalid_argument when it is not one value.
    JsonWriter& raw(std::string_view json);

    const std::string& str() const { return out_; }
    /// Starts over on a new value, keeping the storage: one writer serves every line of JSONL.
    void clear() {
        out_.clear();
        has_items_.clear();
        after_key_ = false;
    }

private:
    void before_value();
    void open(char bracket);
    void close(char bracket);
    void newline();

    int indent_;
    std::string out_;
    std::vector<bool> has_items_;  // one entry per open object/array
    bool after_key_ = false;
};

}  // namespace artalign
