// Reading plain-text files as UTF-8 NFC.
#include "artalign/text_file.hpp"

#include <fstream>
#include <iterator>

#include "artalign/error.hpp"
#include "artalign/text.hpp"

namespace artalign {

std::string read_text_file(const std::filesystem::path& file) {
    std::error_code error;
    if (std::filesystem::is_directory(file, error)) throw InputError(file.string(), "is a directory, not a text file");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string(), "cannot read the text file (does it exist?)");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw InputError(file.string(), "read error");
    // No text has NULs; UTF-16 has one in every ASCII character. Passed on, a NUL would end
    // strings early in C libraries and is not allowed in XML.
    if (const auto nul = bytes.find('\0'); nul != std::string::npos)
        throw InputError(file.string(), "holds a NUL byte at byte " + std::to_string(nul + 1) +
                                            ": not UTF-8 text (UTF-16? convert it with iconv -f UTF-16 -t UTF-8)");
    if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
    return normalize_nfc(bytes);
}

}  // namespace artalign
