// The whole pipeline for one article pair: read -> parse -> segment -> align -> units and coverage.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "artalign/options.hpp"
#include "artalign/resources.hpp"
#include "artalign/types.hpp"

namespace artalign {

/// The index of a set of WARC files (made by the pipeline, or shared by batch discovery).
class WebArchive;

/// Where the two pages of a pair are: each a local file or an http(s) URL (kept as a path,
/// e.g. std::filesystem::path("https://english.hani.co.kr/arti/...html")). The original is
/// found from the translation's link when `original_page` is not given, inside `mirror_root`
/// (or the mirror the translation page is found to sit in), else fetched when the pipeline
/// may use the network.
struct PairInput {
    std::filesystem::path translation_page;               ///< a file or an http(s) URL
    std::optional<std::filesystem::path> original_page;   ///< when not found from the translation's link
    std::optional<std::filesystem::path> mirror_root;     ///< a local mirror (host/path tree)
    /// WARC files in which URLs (the translation, its original, redirect targets) are looked
    /// up, as a mirror would be (.warc or .warc.gz); `archive`, when set, is their index already
    /// made (batch's workers share one), else the pipeline indexes them on first use.
    std::vector<std::filesystem::path> archive_files;
    std::shared_ptr<const WebArchive> archive;  ///< the index of archive_files, when made already
    /// The translation page's record, when the request names it by place rather than by URL.
    std::optional<WarcPlace> translation_record;
    /// The pages themselves, given in memory (UTF-8, or in the charset they declare), instead
    /// of read from `translation_page` and `original_page`, which then only name them in
    /// messages (e.g. "record 7 (translation_html)").
    std::optional<std::string> translation_html;  ///< the translation page's bytes
    std::optional<std::string> original_html;     ///< the original page's bytes
};

/// Everything the pipeline learnt about one pair.
struct AlignedPair {
    Article original;                  ///< the original's article (source)
    Article translation;               ///< the translation's article (target)
    SegmentList original_segments;     ///< the original's sentences, which beads index
    SegmentList translation_segments;  ///< the translation's sentences
    std::vector<Bead> beads;  ///< source = original, target = translation
    double alignment_score = 0.0;  ///< Alignment::score
    bool mismatched = false;       ///< Alignment::mismatched: the pages may not be a pair
    CoverageSummary coverage;       ///< compute_coverage of the beads
    /// Parallel to `beads` once a reviewer's corrections were applied (corrections.hpp): the
    /// action that made each bead ("pair", "reject", ...), empty for beads nobody reviewed.
    /// Empty when no corrections were applied.
    std::vector<std::string> reviews;

    /// Whether bead `b` was made by a reviewer's correction.
    bool reviewed(std::size_t b) const { return b < reviews.size() && !reviews[b].empty(); }

    /// One unit per bilingual bead, in order, with the pair's metadata.
    std::vector<TranslationUnit> translation_units() const;
};

/// How the pipeline reads pages. (Site profiles and lexicons are in Resources.)
struct PipelineOptions {
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
};

/// One page read and extracted, and what was learnt on the way.
struct ExtractedPage {
    Article article;            ///< what extraction kept of the page
    std::string original_link;  ///< absolute URL of the original it links to; empty if none
    std::string refused_link;   ///< without original_link: a link to it artalign will not follow (javascript:, file:...)
    std::string charset;        ///< how the bytes were decoded, e.g. "windows-949 (<meta>)"
};

/// One unit per bilingual bead, in order: the joined texts of its two sides, its type and
/// score (no page metadata).
std::vector<TranslationUnit> translation_units(const SegmentList& source, const SegmentList& target,
                                               const std::vector<Bead>& beads);

/// Runs the pipeline: reads pages, extracts their articles, splits and aligns them. Uses the
/// data of a shared Resources; holds its own splitters, fetcher and caches, so it is not
/// thread-safe: one Pipeline a thread, all sharing one Resources.
///
///     const auto resources = Resources::load();
///     const Pipeline pipeline(resources);
///     const AlignedPair pair = pipeline.align_pages({"en.html", "ko.html"});
class Pipeline {
public:
    /// Throws DataError when `options` names a language the data knows no scripts of.
    explicit Pipeline(std::shared_ptr<const Resources> resources, PipelineOptions options = {});
    /// The same with resources loaded from `data_dir` alone (no profile directories or extra
    /// lexicons): for one pipeline, e.g. a test. Throws DataError.
    explicit Pipeline(const std::filesystem::path& data_dir, PipelineOptions options = {});
    ~Pipeline();
    Pipeline(Pipeline&&) noexcept;             ///< moves the loaded state
    Pipeline& operator=(Pipeline&&) noexcept;  ///< moves the loaded state

    /// Reads and extracts one page. `location` is a file path or an http(s) URL; a URL is read
    /// from `mirror_root` when the mirror holds it, else fetched if the network is allowed.
    /// The page's site profile extracts it; with none, the generic extractor does (and says so
    /// in Article::warnings). Throws InputError (unreadable or binary page, URL not available
    /// offline), FetchError, ParseError (no article).
    ExtractedPage extract_page(const std::string& location,
                               const std::optional<std::filesystem::path>& mirror_root = std::nullopt) const;

    /// Extracts a page given as bytes (UTF-8, or in the charset it declares, found as for a
    /// file). `url` is where the page was, for its links and site profile, and names it in
    /// messages. Throws InputError (an empty page, one over max_page_bytes), ParseError.
    ExtractedPage extract_bytes(std::string_view html, const std::string& url) const;

    /// Throws InputError (unreadable page, a page over a limit, a page in the other side's
    /// language), FetchError, ParseError (no article, no link to the original or one to a
    /// scheme other than http(s), original neither in the mirror nor fetchable).
    /// NotTranslatedArticleError (a ParseError) when the translation page holds no article, or
    /// no link to its original, or, without `original_page`, reads as the original's language:
    /// batch runs skip such pages.
    AlignedPair align_pages(const PairInput& input) const;

    const Resources& resources() const;       ///< what the pipeline was built with
    const PipelineOptions& options() const;   ///< how it reads pages

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace artalign
