// Tests for the strict JSON reader: valid documents, round trips, and every kind of bad input.
#include "util/json_reader.hpp"

#include "artalign/error.hpp"
#include "util/json_writer.hpp"
#include "test_support.hpp"

using namespace artalign;

namespace {

std::string error_of(std::string_view text) {
    try {
        parse_json(text, "in.jsonl line 3");
    } catch (const InputError& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("objects, arrays and scalars are read in order with their values") {
    const JsonValue value = parse_json(R"( {"b": [1, -2.5e3, true, false, null], "a": "x\"\u00e9\ud83d\ude00\n", "c": {}} )", "t");
    REQUIRE(value.is_object());
    REQUIRE(value.members().size() == 3);
    CHECK(value.members()[0].first == "b");  // document order, not sorted
    const auto& items = value.find("b")->items();
    REQUIRE(items.size() == 5);
    CHECK(items[0].as_size() == 1);
    CHECK(items[1].as_number() == -2500.0);
    CHECK(items[1].number_text() == "-2.5e3");
    CHECK(items[2].as_boolean());
    CHECK(!items[3].as_boolean());
    CHECK(items[4].is_null());
    CHECK(value.find("a")->as_string() == "x\"\xC3\xA9\xF0\x9F\x98\x80\n");
    CHECK(value.find("c")->members().empty());
    CHECK(value.find("missing") == nullptr);
}

TEST_CASE("what json_quote and JsonWriter write reads back and serialises to the same bytes") {
    JsonWriter writer;
    writer.begin_object().key("text").value("<b>&\t\x01 한국어 \"q\"").key("n").value(0.1234).key("k").value(std::size_t{42})
        .key("list").begin_array().value(true).null().end_array().end_object();
    const JsonValue value = parse_json(writer.str(), "t");
    CHECK(value.find("text")->as_string() == "<b>&\t\x01 한국어 \"q\"");
    CHECK(json_serialize(value) == writer.str());
}

TEST_CASE("bad JSON is an InputError naming the source and the column") {
    CHECK(error_of("") == "in.jsonl line 3: invalid JSON at column 1: unexpected end of input, expected a value");
    CHECK(error_of("{\"a\":1,}") == "in.jsonl line 3: invalid JSON at column 8: expected a string key");
    CHECK(error_of("[1,]") == "in.jsonl line 3: invalid JSON at column 4: unexpected character ']', expected a value");
    CHECK(error_of("{\"a\":1} x") == "in.jsonl line 3: invalid JSON at column 9: unexpected text after the value");
    CHECK(error_of("{\"a\":1,\"a\":2}") == "in.jsonl line 3: invalid JSON at column 11: duplicate key \"a\"");
    CHECK(error_of("012").find("leading zeros") != std::string::npos);
    CHECK(error_of("1.").find("after '.'") != std::string::npos);
    CHECK(error_of("NaN").find("unexpected character 'N'") != std::string::npos);
    CHECK(error_of("\"a\tb\"").find("raw control character") != std::string::npos);
    CHECK(error_of("\"\\ud800\"").find("high surrogate") != std::string::npos);
    CHECK(error_of("\"\\udc00\"").find("lone low surrogate") != std::string::npos);
    CHECK(error_of("\"\\x\"").find("invalid escape") != std::string::npos);
    CHECK(error_of("\"\xC0\xAF\"").find("invalid UTF-8") != std::string::npos);      // overlong
    CHECK(error_of("\"\xED\xA0\x80\"").find("invalid UTF-8") != std::string::npos);  // encoded surrogate
    CHECK(error_of("\"abc").find("unterminated string") != std::string::npos);
    CHECK(error_of("// comment\n1").find("unexpected character '/'") != std::string::npos);
    CHECK(error_of("tru").find("unexpected character") != std::string::npos);
    // Messages are one line whatever the input (fuzz_stream checks it): keys are quoted as JSON,
    // bytes that are not printable ASCII are shown by value.
    CHECK(error_of("{\"a\\nb\":1,\"a\\nb\":2}") == "in.jsonl line 3: invalid JSON at column 17: duplicate key \"a\\nb\"");
    CHECK(error_of("[\x01]") == "in.jsonl line 3: invalid JSON at column 2: unexpected byte 0x01, expected a value");
    CHECK(error_of("\xEA\xB0\x80") == "in.jsonl line 3: invalid JSON at column 1: unexpected byte 0xEA, expected a value");
    CHECK(error_of("\"\\\xFF\"").find("invalid escape: a backslash then byte 0xFF") != std::string::npos);
}

TEST_CASE("deep nesting is refused rather than overflowing the stack") {
    CHECK(error_of(std::string(100000, '[')).find("nested more than 256 deep") != std::string::npos);
    CHECK_NOTHROW(parse_json(std::string(200, '[') + std::string(200, ']'), "t"));
}

TEST_CASE("accessors of the wrong type throw InputError") {
    const JsonValue value = parse_json(R"({"n": 1.5, "s": "x"})", "t");
    CHECK_THROWS_AS(value.find("s")->as_number(), InputError);
    CHECK_THROWS_AS(value.find("n")->as_string(), InputError);
    CHECK_THROWS_AS(value.find("n")->as_size(), InputError);  // not whole
    CHECK_THROWS_AS(value.find("n")->items(), InputError);
    CHECK_THROWS_AS(parse_json("[]", "t").find("x"), InputError);
}
