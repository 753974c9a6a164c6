// Coverage (artalign/coverage.hpp), with the aligner that library callers use beside it.
#pragma once

#include "align/aligner.hpp"

#include "artalign/coverage.hpp"
#include "artalign/types.hpp"
