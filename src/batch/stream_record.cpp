// Reading one stream-mode input line; a bad line becomes a failed outcome, not an exception.
#include "batch/stream_record.hpp"

#include "artalign/error.hpp"

namespace artalign {

StreamRecord read_stream_record(std::string_view line, const std::string& where,
                                const std::optional<std::string>& default_mirror) {
    StreamRecord result;
    std::optional<JsonValue> id;  // kept for the failed outcome when the rest of the record is bad
    try {
        JsonValue record = parse_json(line, where);
        if (record.is_object()) {
            const JsonValue* value = record.find("id");
            if (value != nullptr && !value->is_array() && !value->is_object()) id = *value;
        }
        if (default_mirror && record.is_object() && record.find("mirror") == nullptr) {
            auto members = record.members();
            members.emplace_back("mirror", JsonValue::make_string(*default_mirror));
            record = JsonValue::make_object(std::move(members));
        }
        result.request = parse_pair_request(record, where);
    } catch (const InputError& error) {
        result.failure.key = id ? json_serialize(*id) : where;
        result.failure.id = id;
        result.failure.status = PairStatus::failed;
        result.failure.reason = error.what();
    }
    return result;
}

}  // namespace artalign
