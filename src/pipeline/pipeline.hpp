// The whole pipeline for one article pair: parse -> segment -> align -> units and coverage.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "align/aligner.hpp"
#include "artalign/types.hpp"
#include "align/coverage.hpp"
#include "read/fetcher.hpp"
#include "parse/generic_extractor.hpp"
#include "util/limits.hpp"
#include "parse/script_share.hpp"
#include "segment/segmenter.hpp"
#include "parse/site_profile.hpp"
#include "write/tmx_writer.hpp"
#include "read/web_archive.hpp"

namespace artalign {

/// Where the two pages of a pair are: each a local file or an http(s) URL (kept as a path,
/// e.g. std::filesystem::path("https://english.hani.co.kr/arti/...html")). The original is
/// found from the translation's link when `original_page` is not given, inside `mirror_root`
/// (or the mirror the translation page is found to sit in), else fetched when the pipeline
/// may use the network.
struct PairInput {
    std::filesystem::path translation_page;
    std::optional<std::filesystem::path> original_page;
    std::optional<std::filesystem::path> mirror_root;
    /// WARC files in which URLs (the translation, its original, redirect targets) are looked
    /// up, as a mirror would be (web_archive.hpp); `archive`, when set, is their index already
    /// made (batch's workers share one), else the pipeline indexes them on first use.
    std::vector<std::filesystem::path> archive_files;
    std::shared_ptr<const WebArchive> archive;
    /// The translation page's record, when the request names it by place rather than by URL.
    std::optional<WarcPlace> translation_record;
};

/// Everything the pipeline learnt about one pair.
struct AlignedPair {
    Article original;
    Article translation;
    SegmentList original_segments;
    SegmentList translation_segments;
    std::vector<Bead> beads;  ///< source = original, target = translation
    double alignment_score = 0.0;  ///< Alignment::score
    bool mismatched = false;       ///< Alignment::mismatched: the pages may not be a pair
    CoverageSummary coverage;
    /// Parallel to `beads` once a reviewer's corrections were applied (corrections.hpp): the
    /// action that made each bead ("pair", "reject", ...), empty for beads nobody reviewed.
    /// Empty when no corrections were applied.
    std::vector<std::string> reviews;

    /// Whether bead `b` was made by a reviewer's correction.
    bool reviewed(std::size_t b) const { return b < reviews.size() && !reviews[b].empty(); }

    /// One unit per bilingual bead, in order, with the pair's metadata.
    std::vector<TranslationUnit> translation_units() const;
};

/// How the pipeline reads pages.
struct PipelineOptions {
    /// Directories of users' own *.profile files, tried before the built-in profiles.
    std::vector<std::filesystem::path> profile_dirs;
    /// Whether URLs that are not in a mirror may be fetched. Off by default: a library call
    /// touches the network only when asked to.
    bool allow_network = false;
    /// How pages are fetched; fetch.max_bytes is replaced by max_page_bytes.
    FetchOptions fetch;
    /// Pages larger than this, read from files or fetched, are refused (InputError, FetchError).
    std::size_t max_page_bytes = kDefaultMaxPageBytes;
    /// An article that splits into more sentences than this is refused (InputError) before it
    /// is aligned.
    std::size_t max_sentences = kDefaultMaxSentences;
    /// The languages of the original and of the translation. align_pages refuses a page whose
    /// article is mostly written in the other side's scripts (a Korean page given as the
    /// translation, an English one as the original).
    std::string original_language = "ko";
    std::string translation_language = "en";
    /// Whether a page given as a path may be a named pipe (the command line's own pages:
    /// align, coverage, extract). Off: pages named by records and lists must be regular files.
    bool allow_page_pipes = false;
    /// Whether a page found through a mirror may be a symbolic link (or lie under one) that
    /// leads outside the mirror. Off: such a page is refused (check_inside_mirror).
    bool follow_symlinks = false;
    /// Extra lexicon TSV files (e.g. learned by lexicon_learning.hpp) added to the shipped
    /// lexicon, in order. A missing or malformed file throws DataError from the constructor.
    std::vector<std::filesystem::path> lexicon_files;
    /// Lexicon entries added after `lexicon_files`, in order: one held in memory, e.g. learned
    /// (learned_lexicon_entries) and not saved.
    std::vector<LexiconEntry> lexicon_entries;
};

/// One page read and extracted, and what was learnt on the way.
struct ExtractedPage {
    Article article;
    std::string original_link;  ///< absolute URL of the original it links to; empty if none
    std::string refused_link;   ///< without original_link: a link to it artalign will not follow (javascript:, file:...)
    std::string charset;        ///< how the bytes were decoded, e.g. "windows-949 (<meta>)"
};

/// One unit per bilingual bead, in order: the joined texts of its two sides, its type and
/// score (no page metadata).
std::vector<TranslationUnit> translation_units(const SegmentList& source, const SegmentList& target,
                                               const std::vector<Bead>& beads);

/// Runs the pipeline. Holds the loaded profiles and per-language splitters; not thread-safe.
class Pipeline {
public:
    /// Loads profiles (also from options.profile_dirs), the generic extractor's rules,
    /// segmentation data and anchor data (lexicon, number words) from `data_dir`.
    /// Throws DataError. With `share_anchors_of` (a pipeline of the same options, e.g. another
    /// thread's), the anchor data is shared with it (AnchorExtractor::share()), not loaded again.
    explicit Pipeline(const std::filesystem::path& data_dir, PipelineOptions options = {},
                      const Pipeline* share_anchors_of = nullptr);
    ~Pipeline();

    /// Reads and extracts one page. `location` is a file path or an http(s) URL; a URL is read
    /// from `mirror_root` when the mirror holds it, else fetched if the network is allowed.
    /// The page's site profile extracts it; with none, the generic extractor does (and says so
    /// in Article::warnings). Throws InputError (unreadable or binary page, URL not available
    /// offline), FetchError, ParseError (no article).
    ExtractedPage extract_page(const std::string& location,
                               const std::optional<std::filesystem::path>& mirror_root = std::nullopt) const;

    /// Extracts a page already read (what extract_page does after reading). `mirror_root` only
    /// gives a page without a canonical link its URL. Throws InputError, ParseError.
    ExtractedPage extract_content(const Page& page,
                                  const std::optional<std::filesystem::path>& mirror_root = std::nullopt) const;

    /// Throws InputError (unreadable page, a page over a limit, a page in the other side's
    /// language), FetchError, ParseError (no article, no link to the original or one to a
    /// scheme other than http(s), original neither in the mirror nor fetchable).
    /// NotTranslatedArticleError (a ParseError) when the translation page holds no article, or
    /// no link to its original, or, without `original_page`, reads as the original's language:
    /// batch runs skip such pages.
    AlignedPair align_pages(const PairInput& input) const;

private:
    Page read_page(const std::string& location, const std::optional<std::filesystem::path>& mirror_root) const;
    // extract_content, looking for the link to an original only when `find_link` (the search
    // walks every anchor of the page: a fifth of a batch run's time when done for every page).
    ExtractedPage extract(const Page& page, const std::optional<std::filesystem::path>& mirror_root, bool find_link) const;
    const SentenceSplitter& splitter_for(const std::string& language) const;
    // The index of input.archive_files (input.archive, or one made here and kept for the
    // next request naming the same files); nullptr when the input names no WARC files.
    const WebArchive* archive_for(const PairInput& input) const;

    std::filesystem::path data_dir_;
    PipelineOptions options_;
    ProfileRegistry profiles_;
    GenericRules generic_rules_;
    mutable std::unique_ptr<Fetcher> fetcher_;  // created on the first fetch
    mutable std::shared_ptr<const WebArchive> archive_;  // the last WARC files indexed here
    mutable std::vector<std::pair<std::string, SentenceSplitter>> splitters_;
    ScriptShare original_script_;
    ScriptShare translation_script_;
    Aligner aligner_;
};

}  // namespace artalign
