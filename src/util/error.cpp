// Making error texts safe to print on one line.
#include "artalign/error.hpp"

#include <fmt/format.h>

namespace artalign {

std::string escape_control_characters(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte != 0x7f) {
            escaped.push_back(c);
        } else if (c == '\n') {
            escaped += "\\n";
        } else if (c == '\r') {
            escaped += "\\r";
        } else if (c == '\t') {
            escaped += "\\t";
        } else {
            escaped += fmt::format("\\x{:02X}", byte);
        }
    }
    return escaped;
}

}  // namespace artalign
