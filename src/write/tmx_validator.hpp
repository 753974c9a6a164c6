// Checking a TMX file (well-formed, safe to read, valid per the TMX 1.4b DTD, srclang rule):
// the public artalign/tmx.hpp.
#pragma once

#include "artalign/tmx.hpp"
