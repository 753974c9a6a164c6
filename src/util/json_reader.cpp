// A strict recursive-descent JSON reader (RFC 8259) into a small DOM, and its compact writer.
#include "util/json_reader.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <limits>

#include "artalign/error.hpp"
#include "util/json_writer.hpp"

namespace artalign {
namespace {

constexpr std::size_t kMaxDepth = 256;

class Parser {
public:
    Parser(std::string_view text, const std::string& source) : text_(text), source_(source) {}

    JsonValue parse_document() {
        skip_space();
        JsonValue value = parse_value(0);
        skip_space();
        if (pos_ != text_.size()) fail("unexpected text after the value");
        return value;
    }

private:
    [[noreturn]] void fail(const std::string& problem) const {
        throw InputError(source_, fmt::format("invalid JSON at column {}: {}", pos_ + 1, problem));
    }

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }

    // A character for a message: quoted when printable ASCII, else as a byte value, so that a
    // message stays one line of valid UTF-8 whatever the input.
    static std::string shown(char c) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte > 0x20 && byte < 0x7F) return fmt::format("character '{}'", c);
        return fmt::format("byte 0x{:02X}", byte);
    }
    std::string shown_character() const { return at_end() ? "end of input" : shown(peek()); }

    void skip_space() {
        while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
            ++pos_;
    }

    void expect_word(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) fail("unexpected " + shown_character());
        pos_ += word.size();
    }

    JsonValue parse_value(std::size_t depth) {
        if (depth > kMaxDepth) fail("nested more than 256 deep");
        if (at_end()) fail("unexpected end of input, expected a value");
        switch (peek()) {
            case '{': return parse_object(depth);
            case '[': return parse_array(depth);
            case '"': return JsonValue::make_string(parse_string());
            case 't': expect_word("true"); return JsonValue::make_boolean(true);
            case 'f': expect_word("false"); return JsonValue::make_boolean(false);
            case 'n': expect_word("null"); return JsonValue::make_null();
            default:
                if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return parse_number();
                fail("unexpected " + shown_character() + ", expected a value");
        }
    }

    JsonValue parse_object(std::size_t depth) {
        ++pos_;  // '{'
        std::vector<std::pair<std::string, JsonValue>> members;
        skip_space();
        if (peek() == '}') {
            ++pos_;
            return JsonValue::make_object(std::move(members));
        }
        while (true) {
            skip_space();
            if (peek() != '"') fail("expected a string key");
            std::string key = parse_string();
            for (const auto& member : members) {
                if (member.first == key) fail("duplicate key " + json_quote(key));
            }
            skip_space();
            if (peek() != ':') fail("expected ':' after a key");
            ++pos_;
            skip_space();
            JsonValue value = parse_value(depth + 1);
            members.emplace_back(std::move(key), std::move(value));
            skip_space();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == '}') {
                ++pos_;
                return JsonValue::make_object(std::move(members));
            }
            fail("expected ',' or '}' in an object");
        }
    }

    JsonValue parse_array(std::size_t depth) {
        ++pos_;  // '['
        std::vector<JsonValue> items;
        skip_space();
        if (peek() == ']') {
            ++pos_;
            return JsonValue::make_array(std::move(items));
        }
        while (true) {
            skip_space();
            items.push_back(parse_value(depth + 1));
            skip_space();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == ']') {
                ++pos_;
                return JsonValue::make_array(std::move(items));
            }
            fail("expected ',' or ']' in an array");
        }
    }

    JsonValue parse_number() {
        const std::size_t start = pos_;
        const auto digits = [&] {
            const std::size_t first = pos_;
            while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
            return pos_ - first;
        };
        if (peek() == '-') ++pos_;
        if (peek() == '0') {
            ++pos_;
            if (peek() >= '0' && peek() <= '9') fail("leading zeros are not allowed in numbers");
        } else if (digits() == 0) {
            fail("expected digits in a number");
        }
        if (peek() == '.') {
            ++pos_;
            if (digits() == 0) fail("expected digits after '.' in a number");
        }
        if (peek() == 'e' || peek() == 'E') {
            ++pos_;
            if (peek() == '+' || peek() == '-') ++pos_;
            if (digits() == 0) fail("expected digits in a number's exponent");
        }
        return JsonValue::make_number(std::string(text_.substr(start, pos_ - start)));
    }

    unsigned hex4() {
        if (pos_ + 4 > text_.size()) fail("unexpected end of input in a \\u escape");
        unsigned value = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = text_[pos_++];
            value <<= 4;
            if (c >= '0' && c <= '9') value |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') value |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') value |= static_cast<unsigned>(c - 'A' + 10);
            else fail("invalid hex digit in a \\u escape");
        }
        return value;
    }

    static void append_utf8(std::string& out, unsigned code) {
        if (code < 0x80) {
            out.push_back(static_cast<char>(code));
        } else if (code < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (code >> 6)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else if (code < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (code >> 12)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (code >> 18)));
            out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        }
    }

    // Copies one UTF-8 encoded character, checking it is well formed (no overlongs, no
    // surrogates, nothing above U+10FFFF).
    void copy_utf8(std::string& out) {
        const auto lead = static_cast<unsigned char>(text_[pos_]);
        std::size_t length = 0;
        unsigned code = 0;
        if (lead >= 0xC2 && lead <= 0xDF) { length = 2; code = lead & 0x1Fu; }
        else if (lead >= 0xE0 && lead <= 0xEF) { length = 3; code = lead & 0x0Fu; }
        else if (lead >= 0xF0 && lead <= 0xF4) { length = 4; code = lead & 0x07u; }
        else fail("invalid UTF-8 in a string");
        if (pos_ + length > text_.size()) fail("invalid UTF-8 in a string (cut short)");
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text_[pos_ + k]);
            if ((next & 0xC0) != 0x80) fail("invalid UTF-8 in a string");
            code = (code << 6) | (next & 0x3Fu);
        }
        if ((length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
            (length == 4 && (code < 0x10000 || code > 0x10FFFF)))
            fail("invalid UTF-8 in a string");
        out.append(text_.substr(pos_, length));
        pos_ += length;
    }

    std::string parse_string() {
        ++pos_;  // '"'
        std::string out;
        while (true) {
            if (at_end()) fail("unterminated string");
            const char c = text_[pos_];
            if (c == '"') {
                ++pos_;
                return out;
            }
            if (static_cast<unsigned char>(c) < 0x20) fail("raw control character in a string (escape it)");
            if (static_cast<unsigned char>(c) >= 0x80) {
                copy_utf8(out);
                continue;
            }
            ++pos_;
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (at_end()) fail("unterminated escape");
            const char escape = text_[pos_++];
            switch (escape) {
                case '"': out.push_back('"'); break;
                case '\\': out.push_back('\\'); break;
                case '/': out.push_back('/'); break;
                case 'b': out.push_back('\b'); break;
                case 'f': out.push_back('\f'); break;
                case 'n': out.push_back('\n'); break;
                case 'r': out.push_back('\r'); break;
                case 't': out.push_back('\t'); break;
                case 'u': {
                    unsigned code = hex4();
                    if (code >= 0xDC00 && code <= 0xDFFF) fail("lone low surrogate in a \\u escape");
                    if (code >= 0xD800 && code <= 0xDBFF) {
                        if (text_.substr(pos_, 2) != "\\u") fail("high surrogate not followed by a low one");
                        pos_ += 2;
                        const unsigned low = hex4();
                        if (low < 0xDC00 || low > 0xDFFF) fail("high surrogate not followed by a low one");
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(out, code);
                    break;
                }
                default: fail("invalid escape: a backslash then " + shown(escape));
            }
        }
    }

    std::string_view text_;
    const std::string& source_;
    std::size_t pos_ = 0;
};

[[noreturn]] void wrong_type(JsonValue::Type wanted, JsonValue::Type found) {
    throw InputError("", std::string("expected ") + JsonValue::type_name(wanted) + ", found " +
                             JsonValue::type_name(found));
}

}  // namespace

JsonValue JsonValue::make_boolean(bool flag) {
    JsonValue value;
    value.type_ = Type::boolean;
    value.boolean_ = flag;
    return value;
}

JsonValue JsonValue::make_number(std::string text) {
    JsonValue value;
    value.type_ = Type::number;
    value.text_ = std::move(text);
    return value;
}

JsonValue JsonValue::make_string(std::string text) {
    JsonValue value;
    value.type_ = Type::string;
    value.text_ = std::move(text);
    return value;
}

JsonValue JsonValue::make_array(std::vector<JsonValue> items) {
    JsonValue value;
    value.type_ = Type::array;
    value.items_ = std::move(items);
    return value;
}

JsonValue JsonValue::make_object(std::vector<std::pair<std::string, JsonValue>> members) {
    JsonValue value;
    value.type_ = Type::object;
    value.members_ = std::move(members);
    return value;
}

const char* JsonValue::type_name(Type type) {
    switch (type) {
        case Type::null: return "null";
        case Type::boolean: return "a boolean";
        case Type::number: return "a number";
        case Type::string: return "a string";
        case Type::array: return "an array";
        case Type::object: return "an object";
    }
    return "a value";
}

bool JsonValue::as_boolean() const {
    if (type_ != Type::boolean) wrong_type(Type::boolean, type_);
    return boolean_;
}

const std::string& JsonValue::as_string() const {
    if (type_ != Type::string) wrong_type(Type::string, type_);
    return text_;
}

double JsonValue::as_number() const {
    if (type_ != Type::number) wrong_type(Type::number, type_);
    double number = 0.0;
    const auto result = std::from_chars(text_.data(), text_.data() + text_.size(), number);
    if (result.ec != std::errc()) throw InputError("", "number " + text_ + " is out of range");
    return number;
}

std::size_t JsonValue::as_size() const {
    if (type_ != Type::number) wrong_type(Type::number, type_);
    std::size_t number = 0;
    const auto result = std::from_chars(text_.data(), text_.data() + text_.size(), number);
    if (result.ec != std::errc() || result.ptr != text_.data() + text_.size())
        throw InputError("", "expected a non-negative whole number, found " + text_);
    return number;
}

const std::string& JsonValue::number_text() const {
    if (type_ != Type::number) wrong_type(Type::number, type_);
    return text_;
}

const std::vector<JsonValue>& JsonValue::items() const {
    if (type_ != Type::array) wrong_type(Type::array, type_);
    return items_;
}

const std::vector<std::pair<std::string, JsonValue>>& JsonValue::members() const {
    if (type_ != Type::object) wrong_type(Type::object, type_);
    return members_;
}

const JsonValue* JsonValue::find(std::string_view key) const {
    for (const auto& [name, value] : members()) {
        if (name == key) return &value;
    }
    return nullptr;
}

JsonValue parse_json(std::string_view text, const std::string& source) { return Parser(text, source).parse_document(); }

std::string json_serialize(const JsonValue& value) {
    JsonWriter json;
    json.value(value);
    return json.str();
}

}  // namespace artalign
