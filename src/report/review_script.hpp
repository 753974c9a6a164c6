// Internal: the review page's script (inline in every coverage report page).
#pragma once

namespace artalign::detail {

/// The script that turns the coverage report page into a review editor (docs/coverage.md).
/// It reads the page's data from <script id="review-data">, sets article text only as text
/// (never as markup), and makes no network request.
const char* review_script();

}  // namespace artalign::detail
