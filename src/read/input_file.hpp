// The one way artalign opens and reads an input file: pages, cache entries, TMX memories,
// lexicons, texts, page lists, records, merge inputs. It refuses what is not a regular file
// unless the caller allows a pipe, refuses a file over its size limit before buffering it, and
// never waits on a pipe forever (nor past a stop request: SIGINT, SIGTERM).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace artalign {

/// What an input may be and how much of it may be read.
///
/// Pipes: a name the user gives on purpose on the command line (a page, text, TMX, lexicon,
/// list, merge input) may be a named pipe or a shell's process substitution ("<(zcat x)"),
/// so the command line allows them; a name found in data (a page in a mirror or a page list,
/// a file a stream or batch record names, a cache entry) must be a regular file, so that a
/// FIFO planted there can never block a run. Devices, sockets and directories are refused,
/// except the null device where a pipe is allowed (`--list /dev/null`: an empty input).
struct InputRules {
    /// Whether a named pipe (or "/dev/fd/N" of a process substitution) is read.
    bool allow_pipe = false;
    /// Whether "-" means standard input (a verb that documents it: merge, stream).
    bool allow_stdin = false;
    /// read_whole_input refuses more bytes than this, before holding more than one byte over.
    std::uint64_t max_bytes = std::uint64_t{64} << 20;
    /// For messages: what the file is ("page", "text", "lexicon") and the option that raises
    /// the limit ("--max-page-size"; empty when none does).
    std::string what = "file";
    std::string limit_option;
};

/// How long a pipe may stay silent (no writer yet, or a writer that stopped writing) before
/// its read fails: ARTALIGN_INPUT_WAIT seconds when that environment variable holds a positive
/// number, else 60 s. Standard input ("-") is never timed: stream waits for records as long
/// as its producer needs.
std::chrono::milliseconds pipe_wait();

/// An input opened for reading by the rules above.
///
///     InputFile in(path, rules);
///     char chunk[65536];
///     while (const std::size_t got = in.read(chunk, sizeof chunk)) use(chunk, got);
class InputFile {
public:
    /// Opens `file` without blocking (a FIFO with no writer opens at once). Throws InputError
    /// naming the file when it is missing, unreadable, a directory, a device or socket, or a
    /// pipe where none is allowed. (The size limit is read_whole_input's: a TMX is streamed.)
    InputFile(const std::filesystem::path& file, const InputRules& rules);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    /// The path as given, or "standard input".
    const std::string& name() const { return name_; }
    /// True for a regular file (which can seek and has a size).
    bool is_regular() const { return regular_; }
    /// A regular file's size when opened.
    std::uint64_t size() const { return size_; }
    /// The descriptor, for pread on a regular file; the InputFile still owns it.
    int descriptor() const { return fd_; }

    /// Copies up to `length` next bytes into `buffer`; 0 at the end. On a pipe, waits for data
    /// at most pipe_wait() (not for standard input). Throws InputError naming the file on a read
    /// error or a silent pipe, Interrupted on a stop request.
    std::size_t read(char* buffer, std::size_t length);

private:
    std::string name_;
    int fd_ = -1;
    bool owned_ = true;     // false for standard input
    bool regular_ = false;
    bool timed_ = false;    // a pipe the user named: its silence is limited
    std::uint64_t size_ = 0;
};

/// The whole of `file` under `rules`. Throws what InputFile throws, and InputError
/// ("page is over the 64 MB limit (--max-page-size)") when it holds more than rules.max_bytes.
std::string read_whole_input(const std::filesystem::path& file, const InputRules& rules);

/// The rest of `input`, under the same limit (rules.max_bytes, rules.what for the message).
std::string read_whole_input(InputFile& input, const InputRules& rules);

/// One of artalign's data files (numbers, suffixes, lexicon tables) read whole in one read,
/// or nullopt when it cannot be read: its loader names the problem as it always has. (Read
/// through a std::ifstream, each data file cost a start the stream's buffers and locale.)
std::optional<std::string> read_data_file(const std::filesystem::path& file);

/// "WHAT is SIZE, over the LIMIT limit (OPTION)": the message for a file over a size limit;
/// without `size` (a pipe, still running), "WHAT is over the LIMIT limit (OPTION)".
std::string size_limit_problem(const InputRules& rules, std::optional<std::uint64_t> size);

/// An input read line by line in bounded memory: a line longer than the limit is skipped
/// (never held whole) and reported as such, and reading goes on after it.
///
///     LineReader lines(in, 1 << 20);
///     std::string line;
///     for (LineReader::Status s; (s = lines.next(line)) != LineReader::Status::end;) ...
class LineReader {
public:
    enum class Status {
        line,      ///< `line` holds the next line, without its '\n'
        too_long,  ///< the next line was over the limit and has been skipped; `line` is empty
        end,       ///< no more lines
    };
    /// Reads from `input`, which must outlive the reader. `max_line` counts bytes without the '\n'.
    LineReader(InputFile& input, std::size_t max_line);
    /// The next line; throws what InputFile::read throws.
    Status next(std::string& line);
    /// The 1-based number of the line next() returned last.
    std::size_t number() const { return number_; }
    std::size_t max_line() const { return max_line_; }

private:
    bool fill();  // more bytes into buffer_; false at the end of the input

    InputFile& input_;
    std::size_t max_line_;
    std::string buffer_;
    std::size_t start_ = 0;    // first unread byte of buffer_
    std::size_t scanned_ = 0;  // buffer_ holds no '\n' between start_ and this
    bool ended_ = false;
    std::size_t number_ = 0;
};

}  // namespace artalign
