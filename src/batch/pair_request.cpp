// Reading pair requests from JSON records; URLs are mapped into a local mirror.
#include "batch/pair_request.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "artalign/error.hpp"
#include "util/json_writer.hpp"
#include "util/text.hpp"
#include "read/url.hpp"

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

// A JSON string holds Unicode text: a path whose bytes are not UTF-8 (a file name wget wrote
// from an EUC-KR URL) would come back as another path, so it is refused, not mangled.
JsonValue path_value(const std::filesystem::path& path) {
    const std::string& text = path.native();
    bool valid = true;
    std::string shown;  // the path with each byte that is not UTF-8 as \xNN
    for (std::size_t offset = 0; offset < text.size();) {
        const std::size_t start = offset;
        if (next_code_point(text, offset) >= 0) {
            shown.append(text, start, offset - start);
            continue;
        }
        valid = false;
        for (std::size_t k = start; k < offset; ++k) shown += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[k]));
    }
    if (!valid)
        throw InputError(shown, "the path is not UTF-8, so no JSON record can name it; rename the file "
                                "(e.g. convmv -f cp949 -t utf-8) or align it with batch");
    return JsonValue::make_string(text);
}

}  // namespace

PairRequest parse_pair_request(const JsonValue& record, const std::string& source) {
    if (!record.is_object()) throw InputError(source, "a record must be a JSON object");
    PairRequest request;
    std::optional<std::string> translation, original, warc;
    std::optional<std::uint64_t> offset;
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
        } else if (name == "warc") {
            warc = string_field(value, name, source);
        } else if (name == "offset") {
            if (!value.is_number()) throw InputError(source, "field \"offset\" must be a number");
            try {
                offset = value.as_size();
            } catch (const InputError&) {
                throw InputError(source, "field \"offset\" must be a byte offset (a whole number from 0)");
            }
        } else if (name == "archive") {
            if (!value.is_array() || value.items().empty())
                throw InputError(source, "field \"archive\" must be a list of WARC files");
            for (const JsonValue& file : value.items()) request.input.archive_files.emplace_back(string_field(file, name, source));
        } else if (name == "translation_html") {
            request.translation_html = string_field(value, name, source);
        } else if (name == "original_html") {
            request.original_html = string_field(value, name, source);
        } else {
            // Quoted as JSON: the name may hold any character, and a message is one line.
            throw InputError(source, "unknown field " + json_quote(name) +
                                         " (known: id, translation, original, mirror, warc, offset, archive, "
                                         "translation_html, original_html)");
        }
    }
    if (request.original_html && !request.translation_html)
        throw InputError(source, "\"original_html\" needs \"translation_html\" too");
    if (request.translation_html && translation)
        throw InputError(source, "give either \"translation\" or \"translation_html\", not both");
    if (!request.translation_html && !translation && !warc)
        throw InputError(source, "a record needs \"translation\" (a path or URL), \"warc\" and \"offset\", or \"translation_html\"");
    if (request.original_html && original)
        throw InputError(source, "give either \"original\" or \"original_html\", not both");
    if (warc.has_value() != offset.has_value()) throw InputError(source, "\"warc\" and \"offset\" go together");
    if (warc && request.translation_html) throw InputError(source, "give either \"warc\" or \"translation_html\", not both");
    if (warc && translation && !is_web_url(*translation))
        throw InputError(source, "with \"warc\", \"translation\" is the page's URL, not " + json_quote(*translation));
    if (warc) {
        request.input.translation_record = WarcPlace{*warc, *offset};
        // The translation's own WARC file is where its original is looked for first.
        auto& files = request.input.archive_files;
        if (std::find(files.begin(), files.end(), std::filesystem::path(*warc)) == files.end()) files.insert(files.begin(), *warc);
    }
    if (translation) request.input.translation_page = page_location(*translation, "translation", source);
    if (original) request.input.original_page = page_location(*original, "original", source);

    if (request.id) {
        request.key = json_serialize(*request.id);
    } else if (translation) {
        request.key = *translation;
    } else if (warc) {
        request.key = *warc + "@" + std::to_string(*offset);
    } else {
        throw InputError(source, "a record with inline HTML needs an \"id\"");
    }
    return request;
}

std::string pair_request_json(const PairRequest& request) {
    JsonWriter json;
    json.begin_object();
    if (request.id) json.key("id").value(*request.id);
    const PairInput& input = request.input;
    if (request.translation_html) {
        json.key("translation_html").value(*request.translation_html);
    } else if (!input.translation_page.empty()) {
        json.key("translation").value(path_value(input.translation_page));
    }
    if (request.original_html) json.key("original_html").value(*request.original_html);
    if (input.original_page) json.key("original").value(path_value(*input.original_page));
    if (input.mirror_root) json.key("mirror").value(path_value(*input.mirror_root));
    if (input.translation_record) {
        json.key("warc").value(path_value(input.translation_record->file));
        json.key("offset").value(input.translation_record->offset);
    }
    if (!input.archive_files.empty()) {
        json.key("archive").begin_array();
        for (const auto& file : input.archive_files) json.value(path_value(file));
        json.end_array();
    }
    return json.end_object().str();
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
