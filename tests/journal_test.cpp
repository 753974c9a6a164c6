// Tests for the batch journal: records survive, a torn last record is cut off, damage is an error.
#include "batch/journal.hpp"

#include <fstream>

#include "artalign/error.hpp"
#include "test_support.hpp"

using namespace artalign;

namespace {

PairOutcome outcome(const std::string& key, PairStatus status, std::size_t units) {
    PairOutcome result;
    result.key = key;
    result.status = status;
    if (status != PairStatus::aligned) {
        result.reason = key + ": something went wrong";
        return result;
    }
    result.source_language = "ko";
    result.target_language = "en";
    for (std::size_t k = 0; k < units; ++k) {
        TranslationUnit unit;
        unit.source = "문장 " + std::to_string(k);
        unit.target = "Sentence " + std::to_string(k) + " of " + key;
        unit.bead_type = "1-1";
        unit.score = 0.1 * static_cast<double>(k) + 0.0001234567;
        result.units.push_back(unit);
    }
    result.index.title = key;
    result.index.summary.units = units;
    result.coverage_json = R"({"schema":"artalign-coverage/1","n":[1,2.5]})";
    return result;
}

void append_bytes(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary | std::ios::app) << bytes;
}

}  // namespace

TEST_CASE("records read back as written, scores exactly; the last record of a key counts") {
    test::ScratchDirectory scratch;
    const auto file = scratch.path() / "run.journal";
    {
        Journal journal = Journal::create(file);
        journal.append(outcome("a", PairStatus::aligned, 3));
        journal.append(outcome("b", PairStatus::failed, 0));
        journal.append(outcome("b", PairStatus::aligned, 2));
    }
    const Journal journal = Journal::resume(file);
    REQUIRE(journal.size() == 2);
    const PairOutcome a = journal.read("a", *journal.find("a"));
    const PairOutcome expected = outcome("a", PairStatus::aligned, 3);
    CHECK(a.units.size() == 3);
    CHECK(a.units[2].score == expected.units[2].score);
    CHECK(a.units[1].target == "Sentence 1 of a");
    CHECK(a.coverage_json == expected.coverage_json);
    CHECK(pair_outcome_json(a) == pair_outcome_json(expected));
    CHECK(journal.find("b")->status == PairStatus::aligned);
    CHECK_THROWS_AS(journal.read("a", *journal.find("b")), InputError);  // another pair's record
}

TEST_CASE("a journal of an earlier version (units' \"date\" and \"title\") resumes") {
    test::ScratchDirectory scratch;
    const auto file = scratch.path() / "run.journal";
    PairOutcome written = outcome("a", PairStatus::aligned, 1);
    written.units[0].article_date = "2020-02-12T17:26:00+09:00";
    written.units[0].article_title = "Summit";
    std::string line = pair_outcome_json(written);
    const std::string today = R"("article_date":"2020-02-12T17:26:00+09:00","article_title":"Summit")";
    REQUIRE(line.find(today) != std::string::npos);
    line.replace(line.find(today), today.size(), R"("date":"2020-02-12T17:26:00+09:00","title":"Summit")");
    test::write_file(file, "{\"schema\":\"artalign-journal/1\"}\n" + line + "\n");

    const Journal journal = Journal::resume(file);
    REQUIRE(journal.size() == 1);
    const PairOutcome read = journal.read("a", *journal.find("a"));
    CHECK(read.units.at(0).article_date == "2020-02-12T17:26:00+09:00");
    CHECK(read.units.at(0).article_title == "Summit");
    CHECK(pair_outcome_json(read) == pair_outcome_json(written));
}

TEST_CASE("a new journal refuses to replace one from an earlier run") {
    test::ScratchDirectory scratch;
    const auto file = scratch.path() / "run.journal";
    { Journal::create(file); }
    CHECK_THROWS_WITH_AS(Journal::create(file),
                         (file.string() + ": a journal from an earlier run exists: add --resume to continue that run, or delete it").c_str(),
                         OutputError);
}

TEST_CASE("a torn last record (a crash mid-append) is cut off and the journal continues") {
    test::ScratchDirectory scratch;
    const auto file = scratch.path() / "run.journal";
    {
        Journal journal = Journal::create(file);
        journal.append(outcome("a", PairStatus::aligned, 2));
    }
    const std::string whole = pair_outcome_json(outcome("b", PairStatus::aligned, 2));
    append_bytes(file, whole.substr(0, whole.size() / 2));
    {
        Journal journal = Journal::resume(file);
        CHECK(journal.size() == 1);
        journal.append(outcome("c", PairStatus::skipped, 0));
    }
    const Journal journal = Journal::resume(file);
    CHECK(journal.size() == 2);
    CHECK(!journal.find("b"));
    CHECK(journal.read("c", *journal.find("c")).status == PairStatus::skipped);
}

TEST_CASE("damage before the last line, or a file that is not a journal, is an error naming it") {
    test::ScratchDirectory scratch;
    const auto file = scratch.path() / "run.journal";
    {
        Journal journal = Journal::create(file);
        journal.append(outcome("a", PairStatus::aligned, 1));
    }
    append_bytes(file, "{\"oops\n");
    append_bytes(file, pair_outcome_json(outcome("b", PairStatus::aligned, 1)) + "\n");
    CHECK_THROWS_AS(Journal::resume(file), InputError);

    const auto other = scratch.path() / "notes.txt";
    test::write_file(other, "hello\nworld\n");
    CHECK_THROWS_WITH_AS(Journal::resume(other),
                         (other.string() + ": not an artalign journal (first line is not its header)").c_str(), InputError);
}

TEST_CASE("a file that is not a journal is never removed or changed; a torn header is started again") {
    test::ScratchDirectory scratch;
    const auto notes = scratch.path() / "notes.txt";
    test::write_file(notes, "precious, no newline");
    CHECK_THROWS_WITH_AS(
        Journal::resume(notes),
        (notes.string() + ": not an artalign journal (its first line is not the journal header); left as it was").c_str(),
        InputError);
    CHECK(test::read_file(notes) == "precious, no newline");

    // What a crash between creating a journal and writing its header leaves: ours, restarted.
    const auto torn = scratch.path() / "torn.journal";
    test::write_file(torn, "{\"schema\":\"artalign-jour");
    {
        Journal journal = Journal::resume(torn);
        journal.append(outcome("a", PairStatus::aligned, 1));
    }
    CHECK(Journal::resume(torn).find("a").has_value());

    // A directory is refused before anything is read or created.
    std::filesystem::create_directory(scratch.path() / "dir.journal");
    CHECK_THROWS_AS(Journal::resume(scratch.path() / "dir.journal"), OutputError);
    CHECK_THROWS_AS(Journal::create(scratch.path() / "dir.journal"), OutputError);
}

TEST_CASE("is_journal_header knows the first line a journal starts with, and nothing else") {
    test::ScratchDirectory scratch;
    const auto file = scratch.path() / "run.journal";
    { Journal::create(file); }
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    CHECK(is_journal_header(parse_json(first, "header")));
    CHECK_FALSE(is_journal_header(parse_json(R"({"schema":"artalign-pair/1"})", "pair")));
    CHECK_FALSE(is_journal_header(parse_json(R"({"schema":"artalign-journal/1","key":"a"})", "two members")));
    CHECK_FALSE(is_journal_header(parse_json(R"(["artalign-journal/1"])", "array")));
}
