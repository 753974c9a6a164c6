// Internal: the review page's script (inline in every coverage report page).
#pragma once

#include <string>

namespace artalign::detail {

/// The script that turns the coverage report page into a review editor (docs/coverage.md).
/// It reads the page's data from <script id="review-data">, sets article text only as text
/// (never as markup), and makes no network request. With `memory_labels`, rows keep the labels
/// the page was written with (ReviewPageOptions::memory_labels); else they are labelled from
/// the page's data.
std::string review_script(bool memory_labels);

}  // namespace artalign::detail
