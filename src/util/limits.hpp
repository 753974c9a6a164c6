// The limits that protect a run from hostile or broken input: page size, time for one fetch,
// sentences per article (their defaults are public, in artalign/options.hpp), text and line
// sizes, and the wording of the errors for hitting them.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "artalign/options.hpp"  // kDefaultMaxPageBytes, kDefaultMaxFetchTime, kDefaultMaxSentences

namespace artalign {

/// A text to segment or align, or a lexicon, is refused over this before it is held in memory:
/// four times the largest page, far past any article or lexicon (the shipped one is 2 MB).
inline constexpr std::uint64_t kMaxTextBytes = std::uint64_t{256} << 20;

/// A TMX memory read from a pipe is held in memory (it is read twice), so refused over this;
/// a memory in a regular file is streamed and has no limit.
inline constexpr std::uint64_t kMaxPipedTmxBytes = std::uint64_t{1} << 30;

/// A line of a page list (one path) is refused over this.
inline constexpr std::size_t kMaxPathLineBytes = std::size_t{64} << 10;

/// A JSON record line (stream and batch --records input, merge input) longer than this is
/// refused without being held whole: room for two pages of `max_page_bytes` each, JSON-escaped
/// (at most twice their size for ordinary HTML), and 1 MB more for the rest of the record.
/// 257 MB for the default page limit.
std::size_t record_line_limit(std::size_t max_page_bytes = kDefaultMaxPageBytes);

/// A size in binary units for messages: "900 bytes", "512 KB", "64 MB", "70.2 MB"
/// (1 KB = 1,024 bytes, 1 MB = 1,024 KB, as --max-page-size reads its suffixes).
std::string describe_size(std::uint64_t bytes);

/// The problem with a page of `size` bytes over `limit`:
/// "page is 70.2 MB, over the 64 MB limit (--max-page-size)".
std::string page_size_problem(std::uint64_t size, std::uint64_t limit);

/// Throws InputError naming `subject` when `sentences` is over `limit`:
/// "SUBJECT: the article has 2412 sentences, over the 2000 limit (--max-sentences)".
void check_sentence_limit(std::size_t sentences, std::size_t limit, const std::string& subject);

}  // namespace artalign
