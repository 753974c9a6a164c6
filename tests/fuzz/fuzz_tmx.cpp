// Fuzz target: reading an untrusted TMX (what `validate` and `--append` do first). Any bytes
// must give a report, never a crash, a hang or an escaped exception other than InputError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "artalign/error.hpp"
#include "write/tmx_validator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    try {
        const artalign::TmxReport report =
            artalign::validate_tmx_text(content, "fuzz.tmx", artalign::tmx_dtd_path(ARTALIGN_FUZZ_DATA));
        if (report.valid() && !report.is_tmx) __builtin_trap();  // "valid" must mean a TMX
    } catch (const artalign::InputError&) {
    }
    return 0;
}
