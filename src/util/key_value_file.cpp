// Reading "key = value" data files (site profiles, the generic extractor's rules).
#include "util/key_value_file.hpp"

#include <fstream>

#include "artalign/error.hpp"

namespace artalign {
namespace {

std::string trim(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos) return {};
    const auto end = text.find_last_not_of(" \t\r");
    return text.substr(begin, end - begin + 1);
}

}  // namespace

std::vector<KeyValueLine> read_key_value_file(const std::filesystem::path& file, const std::string& what) {
    std::ifstream in(file);
    if (!in) throw DataError(file.string(), "cannot read " + what);
    std::vector<KeyValueLine> lines;
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        const std::string content = trim(line);
        if (content.empty() || content.front() == '#') continue;
        const std::string where = file.string() + ":" + std::to_string(line_number);
        const auto equals = content.find('=');
        if (equals == std::string::npos) throw DataError(where, "expected 'key = value'");
        KeyValueLine entry{trim(content.substr(0, equals)), trim(content.substr(equals + 1)), where};
        if (entry.value.empty()) throw DataError(where, "'" + entry.key + "' has no value");
        lines.push_back(std::move(entry));
    }
    return lines;
}

}  // namespace artalign
