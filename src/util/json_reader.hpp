// A minimal, strict JSON reader (RFC 8259) for the JSON lines artalign reads: stream records,
// stream outputs and the batch journal. A small DOM; no dependency.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace artalign {

/// One parsed JSON value. Objects keep their members in document order; numbers keep their
/// text as written, so a value can be written back byte for byte (see json_serialize).
///
///     const JsonValue record = parse_json(R"({"id": 3, "page": "a.html"})", "stdin line 1");
///     record.find("page")->as_string();  // "a.html"
class JsonValue {
public:
    enum class Type { null, boolean, number, string, array, object };

    JsonValue() = default;
    static JsonValue make_null() { return {}; }
    static JsonValue make_boolean(bool flag);
    static JsonValue make_number(std::string text);  ///< `text` must be a valid JSON number
    static JsonValue make_string(std::string text);
    static JsonValue make_array(std::vector<JsonValue> items);
    static JsonValue make_object(std::vector<std::pair<std::string, JsonValue>> members);

    Type type() const { return type_; }
    bool is_null() const { return type_ == Type::null; }
    bool is_string() const { return type_ == Type::string; }
    bool is_number() const { return type_ == Type::number; }
    bool is_object() const { return type_ == Type::object; }
    bool is_array() const { return type_ == Type::array; }

    /// The accessors below throw InputError("", "expected a <type>, found a <type>") on a
    /// value of another type; callers add the location.
    bool as_boolean() const;
    const std::string& as_string() const;
    double as_number() const;
    /// A number that is a non-negative integer fitting std::size_t; throws InputError otherwise.
    std::size_t as_size() const;
    const std::string& number_text() const;  ///< the number as written
    const std::vector<JsonValue>& items() const;
    const std::vector<std::pair<std::string, JsonValue>>& members() const;

    /// The member named `key` of an object, or nullptr when absent. Throws InputError when
    /// this is not an object.
    const JsonValue* find(std::string_view key) const;

    static const char* type_name(Type type);

private:
    Type type_ = Type::null;
    bool boolean_ = false;
    std::string text_;  // string value, or number text
    std::vector<JsonValue> items_;
    std::vector<std::pair<std::string, JsonValue>> members_;
};

/// Parses exactly one JSON value (white space around it allowed). Strict: no comments, no
/// trailing commas, no NaN, no leading zeros, no raw control characters or invalid UTF-8 in
/// strings, no lone surrogates, no duplicate keys, nesting at most 256 deep.
/// Throws InputError("SOURCE: invalid JSON at column N: what is wrong") where `source`
/// names the input (a file and line, for instance).
JsonValue parse_json(std::string_view text, const std::string& source);

/// Writes `value` as compact JSON (JsonWriter::value): strings through json_quote, numbers as
/// their text, object members in order. Writing what parse_json read from json_quote/JsonWriter output (indent
/// 0) gives the same bytes back.
std::string json_serialize(const JsonValue& value);

}  // namespace artalign
