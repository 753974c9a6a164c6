// Fixed-point decimals by integer arithmetic.
#include "util/fixed_decimal.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <iterator>

namespace artalign {

void append_fixed_decimal(std::string& out, double number, int decimals) {
    // A double is m 2^e exactly, m below 2^53: times 10^decimals (at most 1,000) it is below
    // 2^63, and shifting it right by -e with the remainder gives the exact rounding.
    if (!(decimals >= 0 && decimals <= 3 && number >= 0.0 && number < 0x1p31) || std::signbit(number)) {
        fmt::format_to(std::back_inserter(out), "{:.{}f}", number, decimals);
        return;
    }
    int exponent = 0;
    const double fraction = std::frexp(number, &exponent);  // number = fraction 2^exponent, fraction in [0.5, 1)
    const auto mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, 53));  // exact: 53 bits
    const int shift = 53 - exponent;                                              // number = mantissa 2^-shift
    std::uint64_t scale = 1;
    for (int k = 0; k < decimals; ++k) scale *= 10;
    const std::uint64_t scaled = mantissa * scale;
    // Below 2^31 the shift is at least 22; at 64 or more the number is below 2^-11 10^-decimals,
    // under half a unit (zero too: its mantissa is 0).
    std::uint64_t units = 0;  // number 10^decimals, rounded half to even
    if (shift < 64) {
        units = scaled >> shift;
        const std::uint64_t rest = scaled & ((std::uint64_t{1} << shift) - 1);
        const std::uint64_t half = std::uint64_t{1} << (shift - 1);
        if (rest > half || (rest == half && (units & 1) != 0)) ++units;
    }
    const fmt::format_int whole(units / scale);
    out.append(whole.data(), whole.size());
    if (decimals == 0) return;
    out.push_back('.');
    char digits[3];
    std::uint64_t part = units % scale;
    for (int k = decimals - 1; k >= 0; --k) {
        digits[k] = static_cast<char>('0' + part % 10);
        part /= 10;
    }
    out.append(digits, static_cast<std::size_t>(decimals));
}

}  // namespace artalign
