// Tests for the wording of the protective limits' errors.
#include "util/limits.hpp"

#include "artalign/error.hpp"
#include "test_support.hpp"

using namespace artalign;

TEST_CASE("sizes read in binary units, whole ones without decimals") {
    CHECK(describe_size(0) == "0 bytes");
    CHECK(describe_size(900) == "900 bytes");
    CHECK(describe_size(512 * 1024) == "512 KB");
    CHECK(describe_size(7034) == "6.9 KB");
    CHECK(describe_size(kDefaultMaxPageBytes) == "64 MB");
    CHECK(describe_size(73'610'035) == "70.2 MB");
    CHECK(describe_size(std::uint64_t{3} << 30) == "3 GB");
}

TEST_CASE("hitting a limit names the limit and the option that sets it") {
    CHECK(page_size_problem(73'610'035, kDefaultMaxPageBytes) == "page is 70.2 MB, over the 64 MB limit (--max-page-size)");
    CHECK_NOTHROW(check_sentence_limit(5000, 5000, "a.html"));
    CHECK_THROWS_WITH_AS(check_sentence_limit(5001, 5000, "a.html"),
                         "a.html: the article has 5001 sentences, over the 5000 limit (--max-sentences)", InputError);
}
