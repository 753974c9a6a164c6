// Tests for the lexicon index: it answers every question as the parsed TSVs do, it is never used
// once the TSVs change, and a damaged index falls back to the TSVs.
#include "anchor/lexicon_index.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <set>

#include "anchor/lexicon.hpp"
#include "anchor/words.hpp"
#include "test_support.hpp"
#include "util/hash.hpp"
#include "util/text.hpp"

using namespace artalign;

namespace {

const std::filesystem::path kLexicon = test::kData / "lexicon";

// The English words of every TSV entry of `directory`, as the loader splits them.
std::set<std::u32string> english_words(const std::filesystem::path& directory) {
    std::set<std::u32string> words;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.path().extension() != ".tsv") continue;
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
            const auto tab = line.find('\t');
            if (line.empty() || line.front() == '#' || tab == std::string::npos) continue;
            for (const Word& word : split_words(std::string_view(line).substr(tab + 1))) {
                if (word.script == WordScript::latin) words.insert(word.text);
            }
        }
    }
    return words;
}

std::vector<std::u32string> lines_of(const std::filesystem::path& file) {
    std::vector<std::u32string> lines;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) lines.push_back(to_code_points(collapse_whitespace(line)));
    return lines;
}

// Every way two lexicons of `directory` can answer differently, one line each: headwords
// (derived ones included) with translations() and knows(), English stems with translates_to(),
// english_key() of every English word of the TSVs and of the stop word lists, Korean stop words.
std::vector<std::string> differences(const Lexicon& a, const Lexicon& b, const std::filesystem::path& directory) {
    std::vector<std::string> found;
    auto differ = [&found](const std::string& what, const std::u32string& word) { found.push_back(what + " " + to_utf8(word)); };
    if (a.size() != b.size()) found.push_back("size " + std::to_string(a.size()) + " vs " + std::to_string(b.size()));
    auto a_headwords = a.headwords(), b_headwords = b.headwords();
    std::sort(a_headwords.begin(), a_headwords.end());
    std::sort(b_headwords.begin(), b_headwords.end());
    if (a_headwords != b_headwords) found.push_back("headwords differ");
    std::set<std::u32string> stems;
    for (const auto& headword : a_headwords) {
        const auto translations = a.translations(headword);
        if (translations != b.translations(headword)) differ("translations", headword);
        if (a.knows(headword) != b.knows(headword)) differ("knows", headword);
        stems.insert(translations.begin(), translations.end());
    }
    for (const auto& word : english_words(directory)) {
        const auto key = a.english_key(word);
        if (key != b.english_key(word)) differ("english_key", word);
        if (!key.empty()) stems.insert(key);
    }
    for (const auto& stem : stems) {
        if (a.translates_to(stem) != b.translates_to(stem)) differ("translates_to", stem);
    }
    for (const auto& word : lines_of(directory / "en.stopwords")) {
        if (a.english_key(word) != b.english_key(word)) differ("english_key of a stop word", word);
    }
    for (const auto& word : lines_of(directory / "ko.stopwords")) {
        if (a.is_korean_stopword(word) != b.is_korean_stopword(word)) differ("is_korean_stopword", word);
    }
    return found;
}

// Accepts an index built from sources of `fingerprint`, whatever its stamp.
LexiconIndex::BuiltFrom built_from(std::uint64_t fingerprint) {
    return [fingerprint](std::uint64_t, std::uint64_t recorded) { return recorded == fingerprint; };
}

// Sets every file's modification time an hour back, as an installed lexicon's are by the time it
// is used: settled, so that its index records their stamp (Lexicon trusts no fresher one).
void settle(const std::filesystem::path& directory) {
    for (const auto& entry : std::filesystem::directory_iterator(directory))
        std::filesystem::last_write_time(entry.path(), std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
}

// A copy of the shipped lexicon with its index beside the TSVs, as an installed one is.
void copy_with_index(const std::filesystem::path& to) {
    std::filesystem::copy(kLexicon, to);
    settle(to);
    Lexicon::load_directory(to, {}).write_index(to / Lexicon::kIndexFileName);
}

// Changes one letter of news.tsv's English, keeping its size and its modification time: what
// no editor does, but a stamp cannot see.
void change_keeping_stamp(const std::filesystem::path& directory) {
    const auto file = directory / "news.tsv";
    const auto modified = std::filesystem::last_write_time(file);
    std::string content = test::read_file(file);
    const std::size_t tab = content.find('\t');  // in the first entry (the comments have none)
    REQUIRE(tab != std::string::npos);
    content[tab + 1] = content[tab + 1] == 'x' ? 'y' : 'x';
    test::write_file(file, content);
    std::filesystem::last_write_time(file, modified);
}

}  // namespace

TEST_CASE("the development build finds the build tree's index of the shipped lexicon") {
    const auto locations = Lexicon::index_locations(kLexicon);
    REQUIRE(locations.size() == 2);
    CHECK(locations[0] == kLexicon / Lexicon::kIndexFileName);
    CHECK(std::filesystem::exists(locations[1]));
    CHECK(Lexicon::load_directory(kLexicon).uses_index());
    test::ScratchDirectory scratch;
    CHECK(Lexicon::index_locations(scratch.path()).size() == 1);  // elsewhere: beside the TSVs only
}

TEST_CASE("the shipped lexicon answers alike from its index and from its TSVs") {
    const Lexicon parsed = Lexicon::load_directory(kLexicon, {});
    const Lexicon indexed = Lexicon::load_directory(kLexicon);
    CHECK_FALSE(parsed.uses_index());
    REQUIRE(indexed.uses_index());
    CHECK(parsed.size() > 5000);
    const auto found = differences(parsed, indexed, kLexicon);
    CHECK_MESSAGE(found.empty(), (found.empty() ? std::string() : found.front()));
    CHECK(found.size() == 0);

    // The comparison sees a difference: one stem more for a listed word.
    Lexicon planted = indexed;
    planted.add(U"대통령", {U"planted"});
    CHECK_FALSE(differences(parsed, planted, kLexicon).empty());
}

TEST_CASE("entries added at run time merge into an indexed lexicon as into a parsed one") {
    Lexicon parsed = Lexicon::load_directory(kLexicon, {});
    Lexicon indexed = Lexicon::load_directory(kLexicon);
    REQUIRE(indexed.uses_index());
    for (Lexicon* lexicon : {&parsed, &indexed}) {
        lexicon->add(U"대통령", {U"presidents", U"leader", U"the"});  // listed: merged after its stems
        lexicon->add(U"발표하다", {U"unveiled"});                      // and its derived 발표
        lexicon->add(U"뉴헤드워드", {U"newword"});                     // a new headword
        lexicon->add(U"빈말", {U"the", U"a"});                         // stop words only: nothing
    }
    const auto found = differences(parsed, indexed, kLexicon);
    CHECK_MESSAGE(found.empty(), (found.empty() ? std::string() : found.front()));
    CHECK(indexed.translates_to(indexed.english_key(U"newword")));
    const auto president = indexed.translations(U"대통령");
    CHECK(president.back() == indexed.english_key(U"leader"));
    CHECK(indexed.size() == parsed.size());
}

TEST_CASE("an index is used only while the files it was built from are unchanged") {
    test::ScratchDirectory scratch;
    const auto directory = scratch.path() / "lexicon";
    copy_with_index(directory);
    CHECK(Lexicon::load_directory(directory).uses_index());

    SUBCASE("an edited TSV is parsed") {
        std::ofstream(directory / "news.tsv", std::ios::app) << "가나다라마\tplanted\n";
        const Lexicon lexicon = Lexicon::load_directory(directory);
        CHECK_FALSE(lexicon.uses_index());
        CHECK(lexicon.translations(U"가나다라마") == std::vector<std::u32string>{lexicon.english_key(U"planted")});
    }
    SUBCASE("an added TSV is parsed") {
        test::write_file(directory / "mine.tsv", "가나다라마\tplanted\n");
        CHECK_FALSE(Lexicon::load_directory(directory).uses_index());
    }
    SUBCASE("a renamed TSV is parsed: files are read in the order of their names") {
        std::filesystem::rename(directory / "news.tsv", directory / "a-news.tsv");
        CHECK_FALSE(Lexicon::load_directory(directory).uses_index());
    }
    SUBCASE("an edited or removed stop word list is parsed") {
        std::ofstream(directory / "en.stopwords", std::ios::app) << "president\n";
        const Lexicon lexicon = Lexicon::load_directory(directory);
        CHECK_FALSE(lexicon.uses_index());
        CHECK(lexicon.english_key(U"president").empty());
        std::filesystem::remove(directory / "en.stopwords");
        CHECK_FALSE(Lexicon::load_directory(directory).uses_index());
    }
}

// An index is picked by its sources' names, sizes and modification times when those had settled
// as it was built (no file is read), else by their contents: an edit in the same tick of the
// file system's clock as the build can keep a file's time.
TEST_CASE("an index is picked by its files' stamp when they had settled, else by their contents") {
    test::ScratchDirectory scratch;
    SUBCASE("settled files: the stamp is trusted, so a same-size edit that keeps the time is not seen") {
        const auto directory = scratch.path() / "settled";
        copy_with_index(directory);
        change_keeping_stamp(directory);
        CHECK(Lexicon::load_directory(directory).uses_index());
        std::filesystem::last_write_time(directory / "news.tsv", std::filesystem::file_time_type::clock::now());
        CHECK_FALSE(Lexicon::load_directory(directory).uses_index());  // any new time: contents compared
    }
    SUBCASE("files fresh when the index was built: their contents are compared") {
        const auto directory = scratch.path() / "fresh";
        std::filesystem::copy(kLexicon, directory);
        Lexicon::load_directory(directory, {}).write_index(directory / Lexicon::kIndexFileName);
        CHECK(Lexicon::load_directory(directory).uses_index());
        change_keeping_stamp(directory);
        CHECK_FALSE(Lexicon::load_directory(directory).uses_index());
    }
}

TEST_CASE("a damaged index falls back to the TSVs") {
    test::ScratchDirectory scratch;
    const auto directory = scratch.path() / "lexicon";
    copy_with_index(directory);
    const auto index = directory / Lexicon::kIndexFileName;
    const std::string bytes = test::read_file(index);
    const Lexicon parsed = Lexicon::load_directory(directory, {});

    SUBCASE("truncated") { test::write_file(index, bytes.substr(0, bytes.size() / 2)); }
    SUBCASE("shorter than a header") { test::write_file(index, bytes.substr(0, 10)); }
    SUBCASE("empty") { test::write_file(index, ""); }
    SUBCASE("one byte changed near the end, in a string") {
        std::string damaged = bytes;
        damaged[damaged.size() - 5] = static_cast<char>(damaged[damaged.size() - 5] ^ 0x01);
        test::write_file(index, damaged);
    }
    SUBCASE("a count in the header changed") {
        std::string damaged = bytes;
        damaged[7 * 4] = static_cast<char>(damaged[7 * 4] + 1);
        test::write_file(index, damaged);
    }
    SUBCASE("a directory instead of a file") {
        std::filesystem::remove(index);
        std::filesystem::create_directory(index);
    }
    const Lexicon lexicon = Lexicon::load_directory(directory);
    CHECK_FALSE(lexicon.uses_index());
    CHECK(differences(parsed, lexicon, directory).empty());
}

TEST_CASE("an index of entries is read back as written") {
    test::ScratchDirectory scratch;
    const auto file = scratch.path() / "small.index";
    LexiconIndex::write(file, 9, 42, {{U"대통령", {U"presid", U"leader"}}, {U"발표", {U"announc"}}}, {U"presid", U"leader", U"announc"});
    std::uint64_t stamp = 0;
    std::uint64_t fingerprint = 0;
    auto recorded = [&](std::uint64_t file_stamp, std::uint64_t file_fingerprint) {
        stamp = file_stamp;
        fingerprint = file_fingerprint;
        return false;
    };
    CHECK(LexiconIndex::open(file, recorded) == nullptr);  // another source
    CHECK(stamp == 9);
    CHECK(fingerprint == 42);
    const auto index = LexiconIndex::open(file, built_from(42));
    REQUIRE(index != nullptr);
    CHECK(index->headword_count() == 2);
    const auto stems = index->find(U"대통령");
    REQUIRE(stems.has_value());
    REQUIRE(stems->size() == 2);
    CHECK((*stems)[0] == U"presid");
    CHECK((*stems)[1] == U"leader");
    CHECK_FALSE(index->find(U"대통").has_value());
    CHECK(index->has_stem(U"announc"));
    CHECK_FALSE(index->has_stem(U"announce"));
}

TEST_CASE("the index's filter passes every headword and rules out nearly every other word") {
    // Words of two to four syllables from a fixed sequence: the first 8,000 are headwords (about
    // the shipped lexicon's count), the next 20,000 are not.
    std::uint32_t state = 12345;
    auto next_word = [&state] {
        std::u32string word;
        state = state * 1664525u + 1013904223u;
        const std::size_t length = 2 + (state >> 24) % 3;
        for (std::size_t k = 0; k < length; ++k) {
            state = state * 1664525u + 1013904223u;
            word += static_cast<char32_t>(0xAC00 + (state >> 8) % 11172);
        }
        return word;
    };
    std::set<std::u32string> headwords;
    while (headwords.size() < 8000) headwords.insert(next_word());
    std::vector<std::pair<std::u32string, std::vector<std::u32string>>> entries;
    for (const auto& headword : headwords) entries.push_back({headword, {U"stem"}});
    test::ScratchDirectory scratch;
    const auto file = scratch.path() / "filter.index";
    LexiconIndex::write(file, 0, 7, entries, {U"stem"});
    const auto index = LexiconIndex::open(file, built_from(7));
    REQUIRE(index != nullptr);

    std::size_t missed = 0;
    for (const auto& headword : headwords) {
        if (!index->may_have(headword) || !index->find(headword)) ++missed;
    }
    CHECK(missed == 0);
    std::size_t others = 0, passed = 0;
    while (others < 20000) {
        const std::u32string word = next_word();
        if (headwords.count(word) != 0) continue;
        ++others;
        if (index->may_have(word)) ++passed;
        CHECK_FALSE(index->find(word).has_value());
    }
    MESSAGE("filter passes " << passed << " of " << others << " words not listed");
    CHECK(passed < others / 100);  // 110 (0.55%) when written, at 16.4 bits a headword
}

// The checksum tells a damaged file from a whole one, not a crafted one: a file whose checksum
// was made to fit must still keep every look-up inside the file. Here a headword slot is moved
// from the start of an entry to its second word (the stem count, then read as a length).
TEST_CASE("a crafted index whose slot points inside an entry is refused, checksum and all") {
    test::ScratchDirectory scratch;
    const auto file = scratch.path() / "crafted.index";
    LexiconIndex::write(file, 0, 7, {{U"대통령", {U"presid"}}, {U"발표", {U"announc", U"presid"}}}, {U"presid", U"announc"});
    const std::string written = test::read_file(file);
    std::vector<std::uint32_t> words(written.size() / 4);
    std::memcpy(words.data(), written.data(), written.size());
    // The header's layout (lexicon_index.cpp): the checksum in words 4-5 covers words 6 on;
    // word 8 counts the headword slots, word 14 the entries' words, 18 words in all.
    auto save = [&](const std::vector<std::uint32_t>& content) {
        std::vector<std::uint32_t> out = content;
        const std::uint64_t sum = checksum_bytes(
            std::string_view(reinterpret_cast<const char*>(out.data() + 6), (out.size() - 6) * 4));
        out[4] = static_cast<std::uint32_t>(sum & 0xFFFFFFFFu);
        out[5] = static_cast<std::uint32_t>(sum >> 32);
        test::write_file(file, std::string(reinterpret_cast<const char*>(out.data()), out.size() * 4));
    };
    save(words);  // the checksum recomputed over the unchanged words: still a good index
    REQUIRE(LexiconIndex::open(file, built_from(7)) != nullptr);
    REQUIRE(LexiconIndex::open(file, built_from(7))->find(U"발표").has_value());

    const std::size_t slots_at = 18 + words[14];
    std::size_t moved = 0;
    for (std::size_t slot = slots_at; slot < slots_at + words[8]; ++slot) {
        if ((words[slot] & 0xFFFFF) != 0) {
            ++words[slot];  // offset + 1 -> offset + 2: the entry's second word
            ++moved;
            break;
        }
    }
    REQUIRE(moved == 1);
    save(words);
    CHECK(LexiconIndex::open(file, built_from(7)) == nullptr);
}
