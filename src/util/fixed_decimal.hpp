// A number in fixed-point decimals, as fmt's "{:.Nf}" writes it, without fmt's general machinery:
// every bead of an alignment carries a score written with three decimals.
#pragma once

#include <string>

namespace artalign {

/// Appends `number` with `decimals` digits after the point, exactly as fmt::format("{:.{}f}",
/// number, decimals) would (the exact binary value rounded half to even): by integer arithmetic
/// for 0 to 3 decimals of a non-negative number below 2^31, through fmt otherwise.
void append_fixed_decimal(std::string& out, double number, int decimals);

}  // namespace artalign
