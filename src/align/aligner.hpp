// Sentence alignment (artalign/aligner.hpp) with the internal types its implementation and
// callers inside the library use: the anchor extractor and the segmenter.
#pragma once

#include "anchor/anchors.hpp"
#include "segment/segmenter.hpp"

#include "artalign/aligner.hpp"
#include "artalign/types.hpp"
