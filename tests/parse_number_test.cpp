// Tests for the command-line number parser: what it accepts and what it refuses (the options'
// ranges and errors are tested through the CLI: tests/cli/*.sh).
#include "util/parse_number.hpp"

#include <limits>
#include <string>

#include "test_support.hpp"

using namespace artalign;

TEST_CASE("whole numbers: ASCII digits only, the whole string") {
    CHECK(read_whole_number("0") == std::uint64_t{0});
    CHECK(read_whole_number("42") == std::uint64_t{42});
    CHECK(read_whole_number("007") == std::uint64_t{7});
    CHECK(read_whole_number("18446744073709551615") == std::numeric_limits<std::uint64_t>::max());
    for (const char* bad : {"", "18446744073709551616", "99999999999999999999999", "-1", "-0", "+1", " 1", "1 ",
                            "1\n", "1x", "1.0", "1.", ".5", "1e3", "0x10", "nan", "inf", "1,000", "١"}) {
        CAPTURE(bad);
        CHECK_FALSE(read_whole_number(bad).has_value());
    }
}

TEST_CASE("decimals: digits with at most one point, no sign, exponent or words") {
    CHECK(read_decimal("0") == 0.0);
    CHECK(read_decimal("2") == 2.0);
    CHECK(read_decimal("0.5") == 0.5);
    CHECK(read_decimal(".5") == 0.5);
    CHECK(read_decimal("5.") == 5.0);
    CHECK(read_decimal("86400.000") == 86400.0);
    const std::string too_large(400, '9');  // past DBL_MAX
    for (const char* bad : {"", ".", "..5", "1.2.3", "-1", "-0.5", "+1", " 1", "1 ", "0.5x", "1e3", "1E3", "0x10",
                            "nan", "NaN", "inf", "infinity", "1,5", too_large.c_str()}) {
        CAPTURE(bad);
        CHECK_FALSE(read_decimal(bad).has_value());
    }
}
