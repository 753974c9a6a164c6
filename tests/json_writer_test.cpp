// Tests for the JSON writer.
#include "util/json_writer.hpp"

#include <limits>
#include <stdexcept>

#include "util/json_reader.hpp"
#include "test_support.hpp"

using namespace artalign;

TEST_CASE("json_quote escapes what JSON and HTML embedding need") {
    CHECK(json_quote("plain 한글") == "\"plain 한글\"");
    CHECK(json_quote("a\"b\\c\nd\te") == "\"a\\\"b\\\\c\\nd\\te\"");
    CHECK(json_quote("</script><b>&") == "\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\"");
    CHECK(json_quote(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
    CHECK(json_quote("bad\xFF") == "\"bad\\ufffd\"");
    CHECK(json_quote("\xEF\xBF\xBD") == "\"\\ufffd\"");  // U+FFFD as the invalid byte it stands for
    CHECK(json_quote("") == "\"\"");
    CHECK(json_quote("\x7F~ \xE2\x80\xA8") == "\"\x7F~ \\u2028\"");  // DEL as it is; LINE SEPARATOR escaped
}

TEST_CASE("numbers as std::to_string writes them; clear() starts a new value") {
    JsonWriter json;
    json.begin_array().value(std::int64_t{-9223372036854775807 - 1}).value(~std::size_t{0}).value(0);
    json.clear();
    json.begin_object().key("b").value(std::size_t{20}).end_object();
    CHECK(json.str() == R"({"b":20})");
    json.clear();
    json.begin_array().value(std::int64_t{-9223372036854775807 - 1}).value(~std::size_t{0}).value(0).end_array();
    CHECK(json.str() == "[" + std::to_string(std::int64_t{-9223372036854775807 - 1}) + "," +
                            std::to_string(~std::size_t{0}) + ",0]");
}

TEST_CASE("compact output nests objects and arrays with commas in the right places") {
    JsonWriter json;
    json.begin_object()
        .key("source").begin_array().value(std::size_t{0}).value(std::size_t{1}).end_array()
        .key("target").begin_array().end_array()
        .key("score").value(0.5)
        .key("ok").value(true)
        .key("none").null()
        .key("nested").begin_object().key("n").value(-3).end_object()
        .end_object();
    CHECK(json.str() == R"({"source":[0,1],"target":[],"score":0.5,"ok":true,"none":null,"nested":{"n":-3}})");
}

TEST_CASE("numbers: trailing zeros trimmed, non-finite becomes null") {
    JsonWriter json;
    json.begin_array().value(2.0).value(0.12345).value(1.0 / 0.0).end_array();
    CHECK(json.str() == "[2,0.1235,null]");
}

TEST_CASE("pretty output indents") {
    JsonWriter json(2);
    json.begin_object().key("a").value(1).key("b").begin_array().value("x").end_array().end_object();
    CHECK(json.str() == "{\n  \"a\": 1,\n  \"b\": [\n    \"x\"\n  ]\n}");
}

TEST_CASE("fixed and exact numbers; NaN and infinities are null whichever way they are written") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    JsonWriter json;
    json.begin_array().fixed(0.98, 3).fixed(1.0, 3).fixed(nan, 3).exact(0.1 + 0.2).exact(2.0).exact(-inf).value(nan);
    CHECK(json.end_array().str() == "[0.980,1.000,null,0.30000000000000004,2,null,null]");
}

TEST_CASE("a parsed value is written back as it was read") {
    const std::string text = R"({"id":1.50,"a":[true,null,"x<y"],"o":{"k":-0}})";
    JsonWriter json;
    json.begin_object().key("value").value(parse_json(text, "t")).end_object();
    CHECK(json.str() == R"({"value":{"id":1.50,"a":[true,null,"x\u003cy"],"o":{"k":-0}}})");
    CHECK(json_serialize(parse_json(text, "t")) == R"({"id":1.50,"a":[true,null,"x\u003cy"],"o":{"k":-0}})");
}

TEST_CASE("raw splices one checked JSON value") {
    JsonWriter json;
    json.begin_object().key("coverage").raw(R"({"schema":"x","n":[1,2]})").key("after").value(1).end_object();
    CHECK(json.str() == R"({"coverage":{"schema":"x","n":[1,2]},"after":1})");
    JsonWriter bad;
    bad.begin_array();
    CHECK_THROWS_AS(bad.raw(R"({"a":1)"), std::invalid_argument);
    CHECK_THROWS_AS(bad.raw("1,2"), std::invalid_argument);
    CHECK_THROWS_AS(bad.raw(""), std::invalid_argument);
    CHECK(bad.end_array().str() == "[]");  // nothing of a refused value is written
}
