// Tests for name anchors: Hangul romanisation and consonant skeletons.
#include "anchor/transliteration.hpp"

#include <cstdint>

#include "util/text.hpp"

#include "test_support.hpp"

using namespace artalign;

TEST_CASE("Korean renderings of foreign names meet their English spelling") {
    const NameSkeletons names;
    CHECK(names.romanize(U"트럼프") == "teuleompeu");
    CHECK(names.korean_skeleton(U"트럼프") == NameSkeletons::english_skeleton(U"Trump"));
    CHECK(names.korean_skeleton(U"스톡홀름") == NameSkeletons::english_skeleton(U"Stockholm"));
    CHECK(names.korean_skeleton(U"하노이") == NameSkeletons::english_skeleton(U"Hanoi"));
    CHECK(names.korean_skeleton(U"다보스") == NameSkeletons::english_skeleton(U"Davos"));
    CHECK(names.korean_skeleton(U"김정은") == NameSkeletons::english_skeleton(U"KimJong-un"));
    CHECK(names.korean_skeleton(U"로렌스") == NameSkeletons::english_skeleton(U"Lawrence"));
    CHECK(names.korean_skeleton(U"리버모어") == NameSkeletons::english_skeleton(U"Livermore"));
    CHECK(names.korean_skeleton(U"수퍼컴퓨터") == NameSkeletons::english_skeleton(U"supercomputer"));
}

TEST_CASE("different names keep different skeletons; too short ones give none") {
    const NameSkeletons names;
    CHECK(names.korean_skeleton(U"트럼프") != NameSkeletons::english_skeleton(U"Obama"));
    CHECK(names.korean_skeleton(U"오바마") != NameSkeletons::english_skeleton(U"Trump"));
    CHECK(names.korean_skeleton(U"이") == "");
    CHECK(NameSkeletons::english_skeleton(U"Al") == "");
    CHECK(NameSkeletons::english_skeleton(U"") == "");
}

TEST_CASE("text that is not all Hangul syllables is still romanised by ICU") {
    const NameSkeletons names;
    CHECK(names.romanize(U"ㅋㅋ") == "kk");
    CHECK(names.romanize(U"트럼프ㅋ") == "teuleompeuk");
    CHECK(names.romanize(U"G20정상") == "G20jeongsang");
    CHECK(names.romanize(U"트럼프") == "teuleompeu");  // and syllables after ICU as before
}

// Anchor extraction passes the same buffers from word to word: what a longer word left in them
// must never show in a shorter one's skeleton, nor a skeleton in a word that has none.
TEST_CASE("skeletons into reused buffers are the same as the allocating calls give") {
    const NameSkeletons names;
    std::string skeleton = "left over";
    for (const std::u32string_view word : {U"스톡홀름", U"트럼프", U"아", U"한국어", U"서술ㅋ했다", U"가", U"볼턴"}) {
        names.korean_skeleton(word, skeleton);
        CHECK(skeleton == names.korean_skeleton(word));
    }
    std::string roman = "left over";
    for (const std::u32string_view word : {U"트럼프", U"가", U"가"}) {
        names.romanize(word, roman);
        CHECK(roman == names.romanize(word));
    }
    for (const std::u32string_view word : {U"Stockholm", U"Trump", U"a", U"KimJongun", U"Ó"}) {
        NameSkeletons::english_skeleton(word, skeleton);
        CHECK(skeleton == NameSkeletons::english_skeleton(word));
    }
    CHECK(skeleton.empty());  // "Ó" has no consonant class
}

// korean_skeleton reads a word of syllables off its jamo; it must give what reading its
// romanisation gives. Every pair of syllables with the vowel ㅏ covers every final before every
// initial (where the two consonants' letters can run together, as "n" + "g"); words of one to
// five random syllables cover the vowels, the hyphens and the word-initial "h".
TEST_CASE("a word of syllables has the skeleton its romanisation gives") {
    const NameSkeletons names;
    std::string roman;
    std::string expected;
    std::string skeleton;
    std::size_t compared = 0;
    auto check = [&](const std::u32string& word) {
        names.romanize(word, roman);
        NameSkeletons::romanized_skeleton(roman, expected);
        names.korean_skeleton(word, skeleton);
        if (skeleton != expected) FAIL_CHECK(to_utf8(word) << " (" << roman << "): " << skeleton << " != " << expected);
        ++compared;
    };
    auto syllable = [](int initial, int vowel, int final) { return static_cast<char32_t>(0xAC00 + (initial * 21 + vowel) * 28 + final); };
    for (int first_initial = 0; first_initial < 19; ++first_initial) {
        for (int first_final = 0; first_final < 28; ++first_final) {
            for (int initial = 0; initial < 19; ++initial) {
                for (int final = 0; final < 28; ++final)
                    check({syllable(first_initial, 0, first_final), syllable(initial, 0, final)});
            }
        }
    }
    std::uint64_t state = 7;
    auto next = [&state](std::uint64_t below) {
        state = state * 6364136223846793005u + 1442695040888963407u;
        return static_cast<int>((state >> 33) % below);
    };
    for (int n = 0; n < 100000; ++n) {
        std::u32string word;
        for (int k = 1 + next(5); k > 0; --k) word += syllable(next(19), next(21), next(28));
        check(word);
    }
    CHECK(compared == 19u * 28 * 19 * 28 + 100000);
}
