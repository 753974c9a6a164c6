// Tests for the command line's batch progress: the bar never wraps, whatever the terminal's
// width (checked on a real pseudo-terminal), and a log outside a terminal gets rate lines.
#include "cli/progress.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <string>

using namespace artalign;
using artalign::cli::CountProgress;
using artalign::cli::ProgressDisplay;
using artalign::cli::progress_line;

namespace {

PairOutcome aligned(const std::string& key) {
    PairOutcome outcome;
    outcome.key = key;
    outcome.status = PairStatus::aligned;
    outcome.units.resize(3);
    return outcome;
}

// The lines a terminal would show: each redraw starts with "\r\033[K".
std::vector<std::string> redraws(const std::string& output) {
    std::vector<std::string> lines;
    for (std::size_t at = 0; (at = output.find("\r\033[K", at)) != std::string::npos;) {
        at += 4;
        const std::size_t end = output.find_first_of("\r\n", at);
        lines.push_back(output.substr(at, end == std::string::npos ? std::string::npos : end - at));
    }
    return lines;
}

}  // namespace

TEST_CASE("the bar line fits every width: the bar narrows, then goes, then the figures are cut") {
    CHECK(progress_line(120, 1000, 14.25, 80) == "[###                           ] 120/1000 pairs  14.2 pairs/s  ETA 1:02");
    for (std::size_t columns : {200u, 80u, 60u, 52u, 40u, 20u, 1u, 0u}) {
        const std::string line = progress_line(123456, 1000000, 1234.5, columns);
        CHECK_MESSAGE(line.size() + 1 <= std::max<std::size_t>(columns, 1), columns << " columns: " << line);
    }
    CHECK(progress_line(5, 10, 1.0, 60).front() == '[');
    CHECK(progress_line(5, 10, 1.0, 40).front() == '5');  // no room for a bar of ten
}

// A pseudo-terminal of `columns` columns: what `write` prints to it, as the terminal got it.
template <typename Write>
std::string on_terminal(unsigned short columns, Write write) {
    int controller = -1, device = -1;
    winsize size{};
    size.ws_col = columns;
    size.ws_row = 24;
    REQUIRE(::openpty(&controller, &device, nullptr, nullptr, &size) == 0);
    std::FILE* stream = ::fdopen(device, "w");
    REQUIRE(stream != nullptr);
    write(stream);
    std::fclose(stream);
    std::string output;
    ::fcntl(controller, F_SETFL, O_NONBLOCK);
    char buffer[4096];
    for (ssize_t got; (got = ::read(controller, buffer, sizeof buffer)) > 0;) output.append(buffer, static_cast<std::size_t>(got));
    ::close(controller);
    return output;
}

TEST_CASE("on a 40-column pseudo-terminal no redraw is wider than the terminal") {
    const std::string output = on_terminal(40, [](std::FILE* stream) {
        ProgressDisplay display(false, stream);
        const PairOutcome outcome = aligned("a.html");
        for (std::size_t done = 1; done <= 3; ++done)
            display.update(BatchProgress{done, 3, static_cast<double>(done), &outcome});
        display.finish();
    });
    const auto lines = redraws(output);
    REQUIRE(lines.size() >= 2);
    for (const std::string& line : lines) CHECK_MESSAGE(line.size() < 40, line);
    CHECK(lines.back().find("3/3 pairs") != std::string::npos);
}

TEST_CASE("outside a terminal a line with rate and time left comes every kRateInterval seconds") {
    std::FILE* stream = std::tmpfile();
    REQUIRE(stream != nullptr);
    ProgressDisplay display(false, stream);
    const PairOutcome outcome = aligned("a.html");
    const double step = ProgressDisplay::kRateInterval / 3;
    for (std::size_t done = 1; done <= 10; ++done)  // 10 pairs over 10 steps: 3.3 intervals
        display.update(BatchProgress{done, 10, step * static_cast<double>(done), &outcome});
    std::rewind(stream);
    std::string log;
    char buffer[4096];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, stream)) > 0;) log.append(buffer, got);
    std::fclose(stream);
    std::size_t rate_lines = 0;
    for (std::size_t at = 0; (at = log.find("pairs/s, about", at)) != std::string::npos; ++at) ++rate_lines;
    CHECK(rate_lines == 3);  // at 30, 60 and 90 s; none with the last pair
    CHECK(log.find("artalign: 3/10 pairs in 0:30, 0.1 pairs/s, about 1:10 left\n") != std::string::npos);
    CHECK(log.find("artalign: [10/10] aligned a.html (3 units)\n") != std::string::npos);
}

TEST_CASE("a count without a total is shown on a terminal only, ending with the final count") {
    const std::string output = on_terminal(30, [](std::FILE* stream) {
        CountProgress progress(false, stream, "records");
        for (int k = 0; k < 1000; ++k) progress.add();
        progress.finish();
    });
    const auto lines = redraws(output);
    REQUIRE(!lines.empty());
    CHECK(lines.back().rfind("1000 records  ", 0) == 0);
    for (const std::string& line : lines) CHECK_MESSAGE(line.size() < 30, line);

    std::FILE* file = std::tmpfile();
    REQUIRE(file != nullptr);
    {
        CountProgress progress(false, file, "records");
        progress.add(5);
        progress.finish();
    }
    CHECK(std::ftell(file) == 0);
    std::fclose(file);
}
