// A small streaming JSON writer.
#include "util/json_writer.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iterator>
#include <stdexcept>

#include "artalign/error.hpp"
#include "util/fixed_decimal.hpp"
#include "util/json_reader.hpp"
#include "util/text.hpp"

namespace artalign {

namespace {

// Bytes written as they are, with no need to decode: printable ASCII but the quote, the
// backslash and the three characters escaped for HTML.
bool is_plain_ascii(unsigned char byte) {
    return byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\' && byte != '<' && byte != '>' && byte != '&';
}

// json_quote(text) appended to `out`, without a string of its own.
void append_quoted(std::string& out, std::string_view text) {
    out.push_back('"');
    std::size_t offset = 0;
    while (offset < text.size()) {
        // A run of plain ASCII, most of any key or text, is copied in one piece.
        const std::size_t run = offset;
        while (offset < text.size() && is_plain_ascii(static_cast<unsigned char>(text[offset]))) ++offset;
        if (offset > run) {
            out.append(text.substr(run, offset - run));
            if (offset == text.size()) break;
        }
        const std::size_t start = offset;
        const int32_t c = next_code_point(text, offset);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '<': out += "\\u003c"; break;
            case '>': out += "\\u003e"; break;
            case '&': out += "\\u0026"; break;
            default:
                if (c < 0 || c == 0xFFFD) {
                    // U+FFFD itself is escaped like the invalid bytes it replaces, so that what
                    // is read back writes the same bytes again.
                    out += "\\ufffd";
                } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                    fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
                } else {
                    out.append(text.substr(start, offset - start));
                }
        }
    }
    out.push_back('"');
}

}  // namespace

std::string json_quote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    append_quoted(out, text);
    return out;
}

void JsonWriter::newline() {
    if (indent_ <= 0) return;
    out_.push_back('\n');
    out_.append(has_items_.size() * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!has_items_.empty()) {
        if (has_items_.back()) out_.push_back(',');
        has_items_.back() = true;
        newline();
    }
}

void JsonWriter::open(char bracket) {
    before_value();
    out_.push_back(bracket);
    has_items_.push_back(false);
}

void JsonWriter::close(char bracket) {
    const bool had_items = !has_items_.empty() && has_items_.back();
    if (!has_items_.empty()) has_items_.pop_back();
    if (had_items) newline();
    out_.push_back(bracket);
}

JsonWriter& JsonWriter::begin_object() { open('{'); return *this; }
JsonWriter& JsonWriter::end_object() { close('}'); return *this; }
JsonWriter& JsonWriter::begin_array() { open('['); return *this; }
JsonWriter& JsonWriter::end_array() { close(']'); return *this; }

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    append_quoted(out_, name);
    out_ += indent_ > 0 ? ": " : ":";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    append_quoted(out_, text);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    before_value();
    out_ += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    if (!std::isfinite(number)) return null();
    before_value();
    std::string text = fmt::format("{:.4f}", number);
    // Trim trailing zeros (and a bare point) so 0.5 prints as 0.5, 2.0 as 2.
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    if (text == "-0") text = "0";
    out_ += text;
    return *this;
}

JsonWriter& JsonWriter::fixed(double number, int decimals) {
    if (!std::isfinite(number)) return null();
    before_value();
    append_fixed_decimal(out_, number, decimals);
    return *this;
}

JsonWriter& JsonWriter::exact(double number) {
    if (!std::isfinite(number)) return null();
    before_value();
    out_ += fmt::format("{}", number);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
    before_value();
    const fmt::format_int digits(number);  // what std::to_string writes, without a string
    out_.append(digits.data(), digits.size());
    return *this;
}

JsonWriter& JsonWriter::value(std::size_t number) {
    before_value();
    const fmt::format_int digits(number);
    out_.append(digits.data(), digits.size());
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::value(const JsonValue& parsed) {
    switch (parsed.type()) {
        case JsonValue::Type::null: return null();
        case JsonValue::Type::boolean: return value(parsed.as_boolean());
        case JsonValue::Type::number:
            before_value();
            out_ += parsed.number_text();
            return *this;
        case JsonValue::Type::string: return value(parsed.as_string());
        case JsonValue::Type::array:
            begin_array();
            for (const JsonValue& item : parsed.items()) value(item);
            return end_array();
        case JsonValue::Type::object:
            begin_object();
            for (const auto& member : parsed.members()) key(member.first).value(member.second);
            return end_object();
    }
    return *this;
}

namespace {

// Whether `json` is one object or array whose brackets close where it ends (strings and their
// escapes skipped): what a JsonWriter wrote cannot be anything else, and this costs a scan
// where parse_json would build the whole tree again (a tenth of a stream's JSON time).
bool is_one_bracketed_value(std::string_view json) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t k = 0; k < json.size(); ++k) {
        const char c = json[k];
        if (in_string) {
            if (c == '\\') ++k;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0) return false;
            if (--depth == 0) return k + 1 == json.size();
        } else if (depth == 0) {
            return false;  // text before the value, or a scalar
        }
    }
    return false;  // not closed
}

}  // namespace

JsonWriter& JsonWriter::raw(std::string_view json) {
    if (!is_one_bracketed_value(json)) {
        try {  // a scalar, or a bad value: the parser says which
            parse_json(json, "raw JSON");
        } catch (const InputError& error) {
            throw std::invalid_argument(std::string("JsonWriter::raw: ") + error.what());
        }
    }
    before_value();
    out_.append(json);
    return *this;
}

}  // namespace artalign
