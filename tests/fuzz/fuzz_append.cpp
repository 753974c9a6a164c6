// Fuzz target: --append, merging new units into an existing TMX memory on disk. Input: the
// memory's bytes, then a line "=====" ("=====en" for English as the source language), then one
// unit a line, "source<TAB>target". Whatever the bytes, append_tmx must either fail with an
// artalign::Error leaving the memory byte for byte as it was, or write a valid memory that is
// the old one with the new units inserted; it never leaves a temporary file behind, and
// appending the same units a second time adds nothing.
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "artalign/error.hpp"
#include "write/tmx_append.hpp"
#include "write/tmx_validator.hpp"
#include "temporary_directory.hpp"

namespace {

// A private directory on tmpfs when there is one (each run renames and fsyncs a file).
const std::filesystem::path& work_directory() {
    static const artalign::fuzz::TemporaryDirectory directory = [] {
        std::error_code error;
        return artalign::fuzz::TemporaryDirectory(
            std::filesystem::is_directory("/dev/shm", error) ? "/dev/shm" : std::filesystem::temp_directory_path(),
            "fuzz-append");
    }();
    return directory.path();
}

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const std::filesystem::path& file, std::string_view bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) __builtin_trap();
}

// The memory is the only file in the directory: no temporary left behind.
void check_no_leftovers(const std::filesystem::path& memory) {
    for (const auto& entry : std::filesystem::directory_iterator(work_directory()))
        if (entry.path() != memory) __builtin_trap();
}

// `after` is `before` with one block inserted, or with a self-closing <body .../> replaced
// (the only change append_tmx makes besides inserting).
void check_insertion(const std::string& before, const std::string& after) {
    if (after.size() <= before.size()) __builtin_trap();
    std::size_t prefix = 0;
    while (prefix < before.size() && before[prefix] == after[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < before.size() - prefix && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    if (prefix + suffix == before.size()) return;
    // Otherwise the changed bytes lie within one "<body ... />" tag.
    const auto tag = before.rfind("<body", prefix);
    const auto tag_end = tag == std::string::npos ? std::string::npos : before.find("/>", tag);
    if (tag_end == std::string::npos || before.size() - suffix > tag_end + 2) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path dtd = artalign::tmx_dtd_path(ARTALIGN_FUZZ_DATA);
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    artalign::TmxOptions options;
    options.created = std::chrono::system_clock::time_point{};
    std::string_view memory_bytes = input;
    std::vector<artalign::TranslationUnit> units;
    const auto separator = input.find("\n=====");
    if (separator == std::string_view::npos) {
        units.push_back({"새 문장이다.", "A new sentence.", "1-1", 0.5, "", "", "", "", ""});
    } else {
        memory_bytes = input.substr(0, separator + 1);
        std::string_view rest = input.substr(separator + 6);
        if (rest.substr(0, 2) == "en") std::swap(options.source_language, options.target_language);
        rest.remove_prefix(std::min(rest.find('\n'), rest.size()));
        while (!rest.empty()) {
            rest.remove_prefix(1);  // the '\n'
            const std::string_view line = rest.substr(0, rest.find('\n'));
            rest.remove_prefix(line.size());
            const auto tab = line.find('\t');
            artalign::TranslationUnit unit;
            unit.source = std::string(line.substr(0, tab));
            unit.target = tab == std::string_view::npos ? std::string() : std::string(line.substr(tab + 1));
            unit.bead_type = "1-1";
            units.push_back(std::move(unit));
        }
    }

    const std::filesystem::path memory = work_directory() / "memory.tmx";
    write(memory, memory_bytes);
    const std::string before(memory_bytes);
    artalign::AppendReport report;
    try {
        report = artalign::append_tmx(memory, units, options, dtd);
    } catch (const artalign::Error&) {
        if (read(memory) != before) __builtin_trap();  // a failed append leaves the memory as it was
        check_no_leftovers(memory);
        return 0;
    }
    check_no_leftovers(memory);
    if (report.added + report.already_there + report.empty != units.size()) __builtin_trap();
    const std::string after = read(memory);
    if (report.added == 0) {
        if (after != before) __builtin_trap();
        return 0;
    }
    check_insertion(before, after);
    const artalign::TmxReport merged = artalign::validate_tmx(memory, dtd);
    if (!merged.valid() || merged.units != report.existing_units + report.added) __builtin_trap();

    // Everything is in the memory now: a second append adds nothing and rewrites nothing.
    const artalign::AppendReport again = artalign::append_tmx(memory, units, options, dtd);
    if (again.added != 0 || again.existing_units != merged.units || read(memory) != after) __builtin_trap();
    check_no_leftovers(memory);
    return 0;
}
