// The verbs of the artalign command line. Each returns the process exit code and throws
// UsageError (exit 2) or artalign::Error (exit 1).
#pragma once

#include <string>
#include <vector>

#include "segment/segmenter.hpp"

namespace artalign::cli {

int run_align(const std::vector<std::string>& arguments);
int run_coverage(const std::vector<std::string>& arguments);
int run_batch(const std::vector<std::string>& arguments);
int run_stream(const std::vector<std::string>& arguments);
int run_discover(const std::vector<std::string>& arguments);
int run_merge(const std::vector<std::string>& arguments);
int run_extract(const std::vector<std::string>& arguments);
int run_validate(const std::vector<std::string>& arguments);
int run_align_text(const std::vector<std::string>& arguments);
int run_segment(const std::vector<std::string>& arguments);
int run_learn_lexicon(const std::vector<std::string>& arguments);

/// How a plain-text file is cut into segments.
enum class TextLayout {
    sentences,        ///< blank-line-separated paragraphs, split into sentences
    lines,            ///< --presplit: one segment a line (empty ones too), all in one paragraph
    paragraph_lines,  ///< --presplit --paragraphs: one segment a non-empty line, blank lines end paragraphs
};

/// The segments of a plain-text file as align-text reads it. Throws InputError.
SegmentList text_segments(const std::string& file, TextLayout layout, const std::string& language);

}  // namespace artalign::cli
