// Tests for fixed-point decimals written by integer arithmetic: the same text as fmt's "{:.Nf}".
#include "util/fixed_decimal.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include "test_support.hpp"

using namespace artalign;

namespace {

std::string ours(double number, int decimals) {
    std::string out = "x";  // appended to what is there
    append_fixed_decimal(out, number, decimals);
    return out.substr(1);
}

void same_as_fmt(double number) {
    for (int decimals = 0; decimals <= 4; ++decimals) {
        CAPTURE(number);
        CAPTURE(decimals);
        CHECK(ours(number, decimals) == fmt::format("{:.{}f}", number, decimals));
    }
}

}  // namespace

// Halves that a binary double holds exactly are ties: 0.0625 is 0.062 (to even), 0.1875 is 0.188.
TEST_CASE("exact ties round to even, as fmt does") {
    CHECK(ours(0.0625, 3) == "0.062");
    CHECK(ours(0.1875, 3) == "0.188");
    CHECK(ours(0.5, 0) == "0");
    CHECK(ours(1.5, 0) == "2");
    CHECK(ours(2.5, 0) == "2");
    CHECK(ours(0.25, 1) == "0.2");
    CHECK(ours(0.75, 1) == "0.8");
    for (int k = 0; k <= 32000; ++k) same_as_fmt(k / 16000.0);  // every multiple of 1/2^7 125
}

TEST_CASE("scores, small, large and special numbers read as fmt writes them") {
    for (const double number : {0.0, -0.0, 1.0, 0.9995, 0.0005, 0.00049999999999999999, 1e-300, 5e-324, 0.999999999,
                                123.4565, 0x1p31, 0x1p31 - 1, 3e9, 1e20, -0.001, -1.5,
                                std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()}) {
        same_as_fmt(number);
    }
    std::uint64_t state = 0x9E3779B97F4A7C15u;
    for (int k = 0; k < 20000; ++k) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        same_as_fmt(static_cast<double>(state >> 11) * 0x1p-53);                  // uniform in [0, 1)
        double bits_as_number = 0.0;                                              // any finite double
        const std::uint64_t bits = state & 0x7FEFFFFFFFFFFFFFu;
        std::memcpy(&bits_as_number, &bits, sizeof bits);
        same_as_fmt(bits_as_number);
    }
}
