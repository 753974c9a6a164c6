// The table of output formats behind make_unit_writer.
#include "write/unit_writer.hpp"

namespace artalign {
namespace {

struct Format {
    const char* name;
    std::unique_ptr<UnitWriter> (*make)();
};

// Adding a format: one *_unit_writer.cpp with its factory, and one line here.
constexpr Format kFormats[] = {
    {"tmx", make_tmx_unit_writer},
    {"tsv", make_tsv_unit_writer},
    {"moses", make_moses_unit_writer},
    {"jsonl", make_jsonl_unit_writer},
};

}  // namespace

std::vector<std::string> unit_formats() {
    std::vector<std::string> names;
    for (const Format& format : kFormats) names.emplace_back(format.name);
    return names;
}

std::unique_ptr<UnitWriter> make_unit_writer(std::string_view format) {
    for (const Format& format_entry : kFormats) {
        if (format == format_entry.name) return format_entry.make();
    }
    return nullptr;
}

}  // namespace artalign
