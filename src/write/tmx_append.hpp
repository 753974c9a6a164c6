// Merging new units into an existing TMX memory without touching what is already there: the
// public append_tmx (artalign/tmx.hpp), with the lock it takes.
#pragma once

#include "util/output_lock.hpp"
#include "write/tmx_writer.hpp"

#include "artalign/tmx.hpp"
