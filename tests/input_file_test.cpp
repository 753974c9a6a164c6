// Tests for the one input reader: file types, size limits before buffering, silent pipes,
// stop requests, and lines read in bounded memory.
#include "read/input_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "artalign/error.hpp"
#include "util/stop_request.hpp"
#include "test_support.hpp"

using namespace artalign;
using artalign::test::ScratchDirectory;

namespace {

InputRules page_rules(std::uint64_t max_bytes) {
    InputRules rules;
    rules.max_bytes = max_bytes;
    rules.what = "page";
    rules.limit_option = "--max-page-size";
    return rules;
}

std::vector<std::string> all_lines(const std::filesystem::path& file, std::size_t max_line) {
    InputFile in(file, InputRules{});
    LineReader lines(in, max_line);
    std::vector<std::string> seen;
    std::string line;
    for (LineReader::Status status; (status = lines.next(line)) != LineReader::Status::end;)
        seen.push_back(status == LineReader::Status::line ? line : "<too long>");
    return seen;
}

}  // namespace

TEST_CASE("a regular file is read whole; one over the limit is refused before it is read") {
    ScratchDirectory scratch;
    const auto file = scratch.path() / "page.html";
    test::write_file(file, std::string(2048, 'x'));
    CHECK(read_whole_input(file, page_rules(2048)).size() == 2048);
    CHECK_THROWS_WITH_AS(read_whole_input(file, page_rules(1024)),
                         (file.string() + ": page is 2 KB, over the 1 KB limit (--max-page-size)").c_str(), InputError);
    CHECK_THROWS_WITH_AS(read_whole_input(scratch.path() / "none", page_rules(10)),
                         ((scratch.path() / "none").string() + ": no such file").c_str(), InputError);
    CHECK_THROWS_WITH_AS(read_whole_input(scratch.path(), page_rules(10)),
                         (scratch.path().string() + ": is a directory, not a page").c_str(), InputError);
}

TEST_CASE("a named pipe is refused unless allowed; allowed, a silent one fails after the wait") {
    ScratchDirectory scratch;
    const auto fifo = scratch.path() / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THROWS_WITH_AS(InputFile(fifo, InputRules{}),
                         (fifo.string() + ": is a named pipe, not a regular file (only a file named on the command "
                                          "line may be a pipe)").c_str(),
                         InputError);
    ::setenv("ARTALIGN_INPUT_WAIT", "0.2", 1);
    InputRules rules = page_rules(100);
    rules.allow_pipe = true;
    InputFile in(fifo, rules);  // opens at once although nothing writes
    char byte = 0;
    CHECK_THROWS_WITH_AS(in.read(&byte, 1),
                         (fifo.string() + ": nothing came through the pipe for 0.2 s (is anything writing to it?); "
                                          "ARTALIGN_INPUT_WAIT=SECONDS sets the wait").c_str(),
                         InputError);
    ::unsetenv("ARTALIGN_INPUT_WAIT");
}

TEST_CASE("a pipe is read up to the limit, and one byte past it is refused") {
    ScratchDirectory scratch;
    const auto fifo = scratch.path() / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    InputRules rules = page_rules(1000);
    rules.allow_pipe = true;
    std::thread writer([&fifo] { test::write_file(fifo, std::string(5000, 'z')); });
    CHECK_THROWS_WITH_AS(read_whole_input(fifo, rules), (fifo.string() + ": page is over the 1000 bytes limit (--max-page-size)").c_str(),
                         InputError);
    writer.join();
}

TEST_CASE("lines: an over-long line is skipped and said so, the next lines still come") {
    ScratchDirectory scratch;
    const auto file = scratch.path() / "lines";
    test::write_file(file, "short\n" + std::string(100000, 'y') + "\nafter\n\nlast without newline");
    CHECK(all_lines(file, 25) ==
          std::vector<std::string>{"short", "<too long>", "after", "", "last without newline"});
    CHECK(all_lines(file, 100000) ==
          std::vector<std::string>{"short", std::string(100000, 'y'), "after", "", "last without newline"});
    test::write_file(file, "a\n" + std::string(200000, 'y'));  // the over-long line is the last
    CHECK(all_lines(file, 10) == std::vector<std::string>{"a", "<too long>"});
    test::write_file(file, "");
    CHECK(all_lines(file, 10).empty());
}

TEST_CASE("the escaping of error texts keeps them on one line") {
    CHECK(escape_control_characters("a\nb\tc\rd\x1b[1m\x7f") == "a\\nb\\tc\\rd\\x1B[1m\\x7F");
    CHECK(escape_control_characters("한국어 ok") == "한국어 ok");
    CHECK(std::string(InputError("bad\nartalign: error: forged", "no such file").what()) ==
          "bad\\nartalign: error: forged: no such file");
}

// Last: the stop request cannot be taken back in this process.
TEST_CASE("a stop request ends a wait on a pipe at once") {
    ScratchDirectory scratch;
    const auto fifo = scratch.path() / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    InputRules rules;
    rules.allow_pipe = true;
    InputFile in(fifo, rules);
    std::thread stopper([] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        request_stop(15);
    });
    char byte = 0;
    CHECK_THROWS_WITH_AS(in.read(&byte, 1), "interrupted by SIGTERM", Interrupted);
    stopper.join();
}
