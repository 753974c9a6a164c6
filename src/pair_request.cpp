// Reading pair requests from JSON records; URLs are mapped into a local mirror.
#include "artalign/pair_request.hpp"

#include "artalign/error.hpp"
#include "artalign/json_writer.hpp"
#include "artalign/url.hpp"

namespace artalign {
namespace {

std::string string_field(const JsonValue& value, const std::string& name, const std::string& source) {
    if (!value.is_string()) throw InputError(source, "field \"" + name + "\" must be a string");
    if (value.as_string().empty()) throw InputError(source, "field \"" + name + "\" is empty");
    return value.as_string();
}

// A path stays a path, and so does an http(s) URL: the pipeline reads it from the mirror or,
// when fetching is on, from the web. Other schemes are refused here.
std::filesystem::path page_location(const std::string& text, const std::string& field, const std::string& source) {
    if (!is_web_url(text) && text.find("://") != std::string::npos)
        throw InputError(source, "field \"" + field + "\": only local paths and http(s) URLs are supported: " + json_quote(text));
    return text;
}

}  // namespace

PairRequest parse_pair_request(const JsonValue& record, const std::string& source) {
    if (!record.is_object()) throw InputError(source, "a record must be a JSON object");
    PairRequest request;
    std::optional<std::string> translation, original;
    for (const auto& [name, value] : record.members()) {
        if (name == "id") {
            if (value.is_array() || value.is_object()) throw InputError(source, "field \"id\" must be a string or a number");
            request.id = value;
        } else if (name == "translation") {
            translation = string_field(value, name, source);
        } else if (name == "original") {
            original = string_field(value, name, source);
        } else if (name == "mirror") {
            request.input.mirror_root = string_field(value, name, source);
        } else if (name == "translation_html") {
            request.translation_html = string_field(value, name, source);
        } else if (name == "original_html") {
            request.original_html = string_field(value, name, source);
        } else {
            // Quoted as JSON: the name may hold any character, and a message is one line.
            throw InputError(source, "unknown field " + json_quote(name) +
                                         " (known: id, translation, original, mirror, translation_html, original_html)");
        }
    }
    if (request.original_html && !request.translation_html)
        throw InputError(source, "\"original_html\" needs \"translation_html\" too");
    if (request.translation_html && translation)
        throw InputError(source, "give either \"translation\" or \"translation_html\", not both");
    if (!request.translation_html && !translation)
        throw InputError(source, "a record needs \"translation\" (a path or URL) or \"translation_html\"");
    if (request.original_html && original)
        throw InputError(source, "give either \"original\" or \"original_html\", not both");
    if (translation) request.input.translation_page = page_location(*translation, "translation", source);
    if (original) request.input.original_page = page_location(*original, "original", source);

    if (request.id) {
        request.key = json_serialize(*request.id);
    } else if (translation) {
        request.key = *translation;
    } else {
        throw InputError(source, "a record with inline HTML needs an \"id\"");
    }
    return request;
}

PairRequest page_request(const std::filesystem::path& translation_page,
                         const std::optional<std::filesystem::path>& mirror_root) {
    PairRequest request;
    request.key = translation_page.string();
    request.input.translation_page = translation_page;
    request.input.mirror_root = mirror_root;
    return request;
}

}  // namespace artalign
