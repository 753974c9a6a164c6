// Tests for reading stream-mode input lines into requests or failed outcomes.
#include "batch/stream_record.hpp"

#include "test_support.hpp"

using namespace artalign;

TEST_CASE("read_stream_record gives a request for a good record, with the default mirror when it names none") {
    const StreamRecord record = read_stream_record(R"({"id": 7, "translation": "en.html"})", "stdin line 1", "m");
    REQUIRE(record.request);
    CHECK(record.request->key == "7");
    CHECK(record.request->input.mirror_root == std::filesystem::path("m"));
    const StreamRecord own = read_stream_record(R"({"translation": "en.html", "mirror": "own"})", "stdin line 2", "m");
    REQUIRE(own.request);
    CHECK(own.request->key == "en.html");
    CHECK(own.request->input.mirror_root == std::filesystem::path("own"));
}

TEST_CASE("read_stream_record turns a bad line into one failed outcome keyed by its id, never an exception") {
    const StreamRecord bad_field = read_stream_record(R"({"id": "a", "page": "x"})", "stdin line 3", std::nullopt);
    CHECK_FALSE(bad_field.request);
    CHECK(bad_field.failure.status == PairStatus::failed);
    CHECK(bad_field.failure.key == "\"a\"");
    CHECK(bad_field.failure.reason.rfind("stdin line 3: unknown field \"page\"", 0) == 0);

    const StreamRecord not_json = read_stream_record("{", "stdin line 4", std::nullopt);
    CHECK_FALSE(not_json.request);
    CHECK(not_json.failure.key == "stdin line 4");
    CHECK_FALSE(not_json.failure.id);

    const StreamRecord array_id = read_stream_record(R"({"id": [1], "translation": "x"})", "stdin line 5", std::nullopt);
    CHECK_FALSE(array_id.request);
    CHECK(array_id.failure.key == "stdin line 5");
}
