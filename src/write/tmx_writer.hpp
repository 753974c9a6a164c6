// TMX 1.4b output, written with libxml2's text writer: the public artalign/tmx.hpp.
#pragma once

#include "artalign/tmx.hpp"
#include "artalign/types.hpp"
