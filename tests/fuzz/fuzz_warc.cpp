// Fuzz target: reading WARC files (plain or gzipped per record) and the HTTP messages in them,
// through WebArchive as batch does. The input is written to a file (the reader seeks). Only
// InputError may come out; every record read in order must read back the same at its offset;
// every page the archive lists must read as a page or fail with an InputError.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "artalign/error.hpp"
#include "read/warc_reader.hpp"
#include "read/web_archive.hpp"
#include "temporary_directory.hpp"

namespace {

const artalign::fuzz::TemporaryDirectory& directory() {
    static const artalign::fuzz::TemporaryDirectory dir(std::filesystem::temp_directory_path(), "fuzz-warc");
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path file = directory().path() / "input.warc";
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
        if (!out) __builtin_trap();
    }
    constexpr std::size_t kLimit = 1 << 20;
    std::vector<artalign::WarcRecord> records;
    try {
        artalign::WarcReader reader(file, kLimit);
        while (auto record = reader.next()) {
            if (records.size() == 64) break;
            records.push_back(std::move(*record));
        }
    } catch (const artalign::InputError&) {
    }
    for (const artalign::WarcRecord& record : records) {
        try {
            const artalign::WarcRecord again = artalign::read_warc_record(file, record.offset, kLimit);
            if (again.fields != record.fields || again.block != record.block) __builtin_trap();
        } catch (const artalign::InputError&) {
            __builtin_trap();  // it was read once at this offset
        }
        try {
            (void)artalign::parse_http_response(record.block, "fuzz", false, kLimit);
        } catch (const artalign::InputError&) {
        }
    }
    try {
        const artalign::WebArchive archive({file}, kLimit);
        for (const artalign::ArchivedPage& page : archive.html_pages()) {
            try {
                (void)archive.page_at(page.place);
                (void)archive.page(page.url);
            } catch (const artalign::InputError&) {
            }
        }
    } catch (const artalign::InputError&) {
    }
    return 0;
}
