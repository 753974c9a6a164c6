// Reading plain-text files as UTF-8 NFC.
#include "read/text_file.hpp"

#include <utility>

#include "artalign/error.hpp"
#include "read/input_file.hpp"
#include "util/limits.hpp"
#include "util/text.hpp"

namespace artalign {

std::string read_text_file(const std::filesystem::path& file) {
    InputRules rules;
    rules.allow_pipe = true;  // texts are named on the command line: "<(zcat ko.txt.gz)" works
    rules.max_bytes = kMaxTextBytes;
    rules.what = "text file";
    std::string bytes = read_whole_input(file, rules);
    // No text has NULs; UTF-16 has one in every ASCII character. Passed on, a NUL would end
    // strings early in C libraries and is not allowed in XML.
    if (const auto nul = bytes.find('\0'); nul != std::string::npos)
        throw InputError(file.string(), "holds a NUL byte at byte " + std::to_string(nul + 1) +
                                            ": not UTF-8 text (UTF-16? convert it with iconv -f UTF-16 -t UTF-8)");
    if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
    return normalize_nfc(std::move(bytes));
}

}  // namespace artalign
