// Finding the article pairs of a batch: in a site mirror, in a list of pages, in JSONL records.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "batch/pair_request.hpp"
#include "batch/pair_source.hpp"
#include "parse/site_profile.hpp"

namespace artalign {

/// Every candidate translation page of a mirror (a `wget --mirror` tree: root/host/path), in
/// path order, each a request to align it with its original from the same mirror. Candidates
/// are the *.html/*.htm files (and *.html?QUERY, wget's name for a page whose URL has a query)
/// under host directories that some profile of a language other than `original_language`
/// lists, or that no profile lists; host directories whose profiles are all of
/// `original_language` hold originals and are not searched (a directory "host:8080" counts as
/// its host). Whether a candidate is an article that links to an original is found when it is
/// aligned (others are skipped).
/// Throws InputError naming `root` when it is not a readable directory.
PageList discover_mirror_pairs(const std::filesystem::path& root, const ProfileRegistry& profiles,
                                               const std::string& original_language = "ko");

/// Every candidate translation page of WARC files (a crawl of the sites), in archive order (the
/// files as given, then by offset), each a request for its record (WarcPlace) with its
/// original looked up in the same files: the HTML pages that answered 200 and the revisits of
/// pages (web_archive.hpp), one per URL, on hosts chosen as for discover_mirror_pairs. A revisit
/// whose capture the files lack is skipped, with the reason, when aligned. The archive's index
/// is made here, once, and shared by every request. Throws InputError naming a WARC file that
/// cannot be read (and where).
std::unique_ptr<PairSource> discover_archive_pairs(const std::vector<std::filesystem::path>& warcs,
                                                   const ProfileRegistry& profiles,
                                                   const std::string& original_language = "ko",
                                                   std::size_t max_page_bytes = kDefaultMaxPageBytes);

/// Requests from a list file: one translation page path (or URL, with `mirror_root`) a line; blank lines and lines
/// starting with '#' are ignored; a page listed twice is aligned once. Relative paths are
/// taken relative to the current directory. `mirror_root`, when given, is where originals
/// are looked for. Throws InputError naming the file.
PageList read_page_list(const std::filesystem::path& list,
                                        const std::optional<std::filesystem::path>& mirror_root);

/// Requests from a JSONL file of pair records (parse_pair_request), in file order; blank lines
/// are ignored. The records are held in memory (inline HTML included): for very large runs
/// name pages by path. Throws InputError naming the file and line of a bad record or a key that
/// appears twice.
std::vector<PairRequest> read_pair_records(const std::filesystem::path& jsonl);

}  // namespace artalign
