// The verbs of the artalign command line. Each returns the process exit code and throws
// UsageError (exit 2) or artalign::Error (exit 1).
#pragma once

#include <string>
#include <vector>

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

}  // namespace artalign::cli
