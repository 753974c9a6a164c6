// The one parser for numbers given on the command line (--jobs, --timeout, --min-score...; the
// options' range checks and errors are cli/arguments.hpp's) and in the environment. Plain
// decimal notation only, so that every option accepts the same spellings: ASCII digits, and for
// decimals at most one '.'. No sign, spaces, exponent, hex prefix, "nan" or "inf".
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace artalign {

/// `text` as a whole number: one or more ASCII digits and nothing else, no larger than
/// UINT64_MAX. std::nullopt otherwise (empty, a sign, "1e3", "0x10", " 1", "1.0"...).
std::optional<std::uint64_t> read_whole_number(std::string_view text);

/// `text` as a non-negative decimal: digits with at most one '.', at least one digit in all
/// ("2", "0.5", ".5", "5."). std::nullopt otherwise, or when it is too large for a double.
std::optional<double> read_decimal(std::string_view text);

}  // namespace artalign
