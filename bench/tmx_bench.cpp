// Benchmark driver for TMX output: writes or appends N synthetic units and prints units/s.
// Run through bench/tmx_bench.sh, which also measures peak memory with /usr/bin/time -v.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "util/data_directory.hpp"
#include "artalign/error.hpp"
#include "write/tmx_append.hpp"
#include "write/tmx_validator.hpp"
#include "write/tmx_writer.hpp"

namespace {

// Units shaped like the sample's: a ~60-character Korean sentence, a ~150-character English
// one, and the same props. `first` makes each unit distinct, so nothing is de-duplicated.
std::vector<artalign::TranslationUnit> synthetic_units(std::size_t count, std::size_t first) {
    std::vector<artalign::TranslationUnit> units;
    units.reserve(count);
    for (std::size_t k = first; k < first + count; ++k) {
        artalign::TranslationUnit unit;
        unit.source = fmt::format("도널드 트럼프 미국 대통령이 {}번째 정상회담을 추진하고 싶지 않다고 외교정책 참모들에게 말했다.", k);
        unit.target = fmt::format("US President Donald Trump told foreign policy advisers that he does not wish to pursue "
                                  "summit number {} with the North Korean leader until after the election.", k);
        unit.bead_type = "1-1";
        unit.score = 0.9;
        unit.source_url = "http://www.hani.co.kr/arti/international/america/927886.html";
        unit.target_url = "https://english.hani.co.kr/arti/english_edition/e_international/928034.html";
        unit.article_date = "2020-02-12T17:26:00+09:00";
        unit.article_title = "Trump says he won't hold summit with Kim Jong-un until after presidential election";
        units.push_back(std::move(unit));
    }
    return units;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4 || (std::string(argv[1]) != "write" && std::string(argv[1]) != "append")) {
        fmt::print(stderr, "usage: tmx_bench write|append N FILE.tmx\n");
        return 2;
    }
    const std::string mode = argv[1];
    const auto count = static_cast<std::size_t>(std::strtoull(argv[2], nullptr, 10));
    const std::string file = argv[3];
    try {
        if (mode == "write") {
            const auto units = synthetic_units(count, 0);
            const auto start = std::chrono::steady_clock::now();
            artalign::write_tmx(file, units);
            const double elapsed = seconds_since(start);
            fmt::print("write: {} units in {:.3f} s = {:.0f} units/s\n", count, elapsed, static_cast<double>(count) / elapsed);
        } else {
            // New units numbered past any the write mode made (it starts at 0), so none is a duplicate.
            const auto units = synthetic_units(count, 1'000'000'000);
            const auto dtd = artalign::tmx_dtd_path(artalign::data_directory());
            const auto start = std::chrono::steady_clock::now();
            const artalign::AppendReport report = artalign::append_tmx(file, units, {}, dtd);
            const double elapsed = seconds_since(start);
            fmt::print("append: {} new units into a {}-unit memory in {:.3f} s = {:.0f} new units/s, "
                       "{:.0f} memory units/s (read, checked, rewritten, validated)\n",
                       report.added, report.existing_units, elapsed, static_cast<double>(report.added) / elapsed,
                       static_cast<double>(report.existing_units + report.added) / elapsed);
        }
    } catch (const std::exception& error) {
        fmt::print(stderr, "tmx_bench: error: {}\n", error.what());
        return 1;
    }
    return 0;
}
