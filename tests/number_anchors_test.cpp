// Tests for number anchors: Korean units, English scales, percent, years, dates.
#include "anchor/number_anchors.hpp"

#include <cstdio>
#include <string>

#include "artalign/error.hpp"
#include "test_support.hpp"

using namespace artalign;

namespace {

const NumberReader& reader() {
    static const NumberReader instance = NumberReader::load(test::kData / "anchors" / "numbers.tsv");
    return instance;
}

using Keys = std::vector<std::string>;

}  // namespace

TEST_CASE("Korean myriad units meet English scale words") {
    CHECK(reader().korean_keys("초당 12조3천억 번의 계산") == Keys{NumberReader::value_key(12.3e12)});
    CHECK(reader().english_keys("12.3 trillion calculations a second") == Keys{NumberReader::value_key(12.3e12)});
    CHECK(reader().korean_keys("1억1천만 달러 짜리") == Keys{NumberReader::value_key(110e6)});
    CHECK(reader().english_keys("the $110 million wonder") == Keys{NumberReader::value_key(110e6)});
    CHECK(reader().korean_keys("3억권의 책") == reader().english_keys("300 million books"));
    CHECK(reader().korean_keys("5000만 명") == reader().english_keys("50 million people"));
}

TEST_CASE("separators, decimals, percent and years") {
    CHECK(reader().korean_keys("8,192개의 마이크로 프로세서") == Keys{NumberReader::value_key(8192)});
    CHECK(reader().english_keys("It has 8,192 microprocessors") == Keys{NumberReader::value_key(8192)});
    CHECK(reader().korean_keys("지지율 58.9%") == reader().english_keys("58.9 percent"));
    CHECK(reader().korean_keys("1992년에") == reader().english_keys("in 1992."));
    CHECK(reader().english_keys("1, 2") == Keys{NumberReader::value_key(1), NumberReader::value_key(2)});
}

TEST_CASE("dates: 2월 10일 is Feb. 10 and February 10; a month alone is a month") {
    const Keys date{"d:2-10"};
    CHECK(reader().korean_keys("2월 10일 발표") == date);
    CHECK(reader().korean_keys("2월10일") == date);
    CHECK(reader().english_keys("on Feb. 10 the") == date);
    CHECK(reader().english_keys("on February 10, the") == date);
    CHECK(reader().korean_keys("지난 11월 대선") == Keys{"m:11"});
    CHECK(reader().english_keys("in November") == Keys{"m:11"});
    CHECK(reader().english_keys("you may go") == Keys{});  // lower-case "may" is no month
}

TEST_CASE("number words on both sides") {
    CHECK(reader().english_keys("two basketball courts") == Keys{NumberReader::value_key(2)});
    CHECK(reader().korean_keys("두 나라") == Keys{NumberReader::value_key(2)});
    CHECK(reader().english_keys("three million") == Keys{NumberReader::value_key(3e6)});
    // Ordinals and multiples: "the second such attack" translates "2번째", "twice" "2배".
    CHECK(reader().english_keys("the second such attack") == reader().korean_keys("이번이 2번째다"));
    CHECK(reader().english_keys("prices doubled") == Keys{});  // a verb form is no number word
    CHECK(reader().english_keys("twice as high") == reader().korean_keys("2배 높다"));
    CHECK(reader().korean_keys("둘째 딸") == Keys{NumberReader::value_key(2)});
    CHECK(reader().english_keys("first one").empty());
    CHECK(reader().english_keys("once per second, every second").empty());  // the unit of time  // "one" and "first" meet every 1: left out
}

TEST_CASE("text without numbers and malformed data") {
    CHECK(reader().korean_keys("").empty());
    CHECK(reader().english_keys("no numbers here").empty());
    CHECK(reader().korean_keys("COVID19").empty());  // digits glued to Latin letters are a name
    test::ScratchDirectory scratch;
    test::write_file(scratch.path() / "numbers.tsv", "ko-unit\t만\n");
    CHECK_THROWS_AS(NumberReader::load(scratch.path() / "numbers.tsv"), DataError);
    CHECK_THROWS_AS(NumberReader::load(scratch.path() / "missing.tsv"), DataError);
}

TEST_CASE("times: 오후 3시 is 3 p.m. and 15:00; 3시간 is a duration, not a time") {
    CHECK(reader().korean_keys("오후 3시에 열린다") == Keys{"t:3:00"});
    CHECK(reader().english_keys("opens at 3 p.m. today") == Keys{"t:3:00"});
    CHECK(reader().english_keys("opens at 15:00") == Keys{"t:3:00"});
    CHECK(reader().korean_keys("15시 기준") == Keys{"t:3:00"});
    CHECK(reader().korean_keys("오전 9시 30분") == reader().english_keys("9:30 a.m."));
    CHECK(reader().korean_keys("9시 반") == Keys{"t:9:30"});
    CHECK(reader().english_keys("at 10 o'clock") == Keys{"t:10:00"});
    CHECK(reader().english_keys("at 8 am") == Keys{"t:8:00"});
    CHECK(reader().korean_keys("밤 12시") == reader().english_keys("12 a.m."));
    CHECK(reader().korean_keys("3시간 동안") == Keys{NumberReader::value_key(3)});
    // Not times: a plain number, a ratio-like score without a clock word, an hour out of range.
    CHECK(reader().english_keys("3 people") == Keys{NumberReader::value_key(3)});
    CHECK(reader().english_keys("won 3:2") == Keys{NumberReader::value_key(3), NumberReader::value_key(2)});
    CHECK(reader().english_keys("31 p.m.") != Keys{"t:7:00"});
}

TEST_CASE("abbreviated scales of British news copy: $50bn is 500억 달러") {
    CHECK(reader().english_keys("more than $50bn in funding") == reader().korean_keys("500억 달러"));
    CHECK(reader().english_keys("a $3tn economy") == reader().korean_keys("3조 달러"));
    CHECK(reader().english_keys("£27mn") == reader().korean_keys("2700만 파운드"));
}

TEST_CASE("value keys of whole numbers below a million are what \"%.6g\" prints") {
    auto printed = [](double value) {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "n:%.6g", value);
        return std::string(buffer);
    };
    for (const double value : {0.0, -0.0, 1.0, 7.0, 10.0, 2020.0, 99999.0, 100000.0, 123456.0, 999999.0, 1e6, 1234567.0,
                               12.3e12, 0.5, 58.9, 999999.5, -3.0})
        CHECK(NumberReader::value_key(value) == printed(value));
}
