// The pipeline for one pair: read both pages, extract, segment, align, count coverage.
#include "pipeline/pipeline.hpp"

#include <fmt/format.h>
#include <libxml/parser.h>

#include <memory>

#include "parse/article_extractor.hpp"
#include "read/charset.hpp"
#include "artalign/error.hpp"
#include "parse/html_document.hpp"
#include "align/lexicon_learning.hpp"
#include "parse/original_link.hpp"
#include "read/page_source.hpp"
#include "read/url.hpp"

namespace artalign {
namespace {

// The share of a page's letters in the other side's scripts above which it is taken for a page
// in the other language (when its own scripts have less). The sample Korean articles run at
// 92-100% Hangul and Han (Latin for names and acronyms), the English ones at 0%.
constexpr double kForeignScriptShare = 0.5;

std::shared_ptr<AnchorExtractor> anchors_with_lexicons(const std::filesystem::path& data_dir,
                                                       const PipelineOptions& options) {
    auto anchors = std::make_shared<AnchorExtractor>(AnchorExtractor::load(data_dir));
    for (const auto& file : options.lexicon_files) load_lexicon_file(file, *anchors);
    for (const LexiconEntry& entry : options.lexicon_entries) anchors->add_lexicon_entry(entry.korean, entry.english);
    return anchors;
}

// Refuses an article written mostly in the other side's scripts: a Korean page given as the
// translation, or an English one as the original. Throws InputError, or NotTranslatedArticleError
// when `not_a_translation` (a page batch runs should skip).
void check_language(const Article& article, const ScriptShare& expected, const ScriptShare& other,
                    const std::string& subject, bool not_a_translation, const std::string& hint) {
    std::string text;
    for (const std::string& block : article.text_blocks()) text += block + '\n';
    const double foreign = other.of(text);
    if (foreign <= kForeignScriptShare || foreign <= expected.of(text)) return;
    const std::string problem = fmt::format("this page is in {}, not {} ({:.0f}% of its letters are {}); {}",
                                            other.language_name(), expected.language_name(), 100.0 * foreign,
                                            other.script_names(), hint);
    if (not_a_translation) throw NotTranslatedArticleError(subject, problem);
    throw InputError(subject, problem);
}

}  // namespace

Pipeline::Pipeline(const std::filesystem::path& data_dir, PipelineOptions options, const Pipeline* share_anchors_of)
    : data_dir_(data_dir),
      options_(std::move(options)),
      generic_rules_(GenericRules::load(data_dir / "generic.rules")),
      original_script_(options_.original_language),
      translation_script_(options_.translation_language),
      aligner_(AlignOptions{}, share_anchors_of != nullptr && share_anchors_of->aligner_.anchors() != nullptr
                                   ? std::make_shared<AnchorExtractor>(share_anchors_of->aligner_.anchors()->share())
                                   : anchors_with_lexicons(data_dir, options_)) {
    // libxml2 sets up its global state once, here, before pipelines on other threads parse
    // (stream --jobs; ThreadSanitizer saw the lazy set-up race).
    xmlInitParser();
    std::vector<std::filesystem::path> directories = options_.profile_dirs;
    directories.push_back(data_dir / "profiles");
    profiles_ = ProfileRegistry::load_directories(directories);
}

Pipeline::~Pipeline() = default;

const SentenceSplitter& Pipeline::splitter_for(const std::string& language) const {
    for (const auto& [code, splitter] : splitters_) {
        if (code == language) return splitter;
    }
    splitters_.emplace_back(language, SentenceSplitter::for_language(language, data_dir_));
    return splitters_.back().second;
}

Page Pipeline::read_page(const std::string& location, const std::optional<std::filesystem::path>& mirror_root) const {
    if (!is_web_url(location)) {
        if (const auto parts = parse_url(location); parts && location.find("://") != std::string::npos)
            throw InputError(location, "only http and https URLs and local files can be read, not " + parts->scheme);
        // A page of a mirror (batch finds them there) stays inside it, as one found by URL does.
        if (mirror_root && !options_.follow_symlinks && lies_in_mirror(*mirror_root, location))
            check_inside_mirror(*mirror_root, location);
        return read_page_file(location, options_.max_page_bytes, options_.allow_page_pipes);
    }
    if (mirror_root) {
        if (const auto file = mirror_file(*mirror_root, location)) {
            if (!options_.follow_symlinks) check_inside_mirror(*mirror_root, *file);
            Page page = read_page_file(*file, options_.max_page_bytes);
            page.url = location;
            return page;
        }
    }
    if (!options_.allow_network)
        throw InputError(location, mirror_root ? "not in the mirror at " + mirror_root->string() + " and fetching is off"
                                               : std::string("fetching is off; give a local file or --mirror DIR"));
    if (!fetcher_) {
        FetchOptions fetch = options_.fetch;
        fetch.max_bytes = options_.max_page_bytes;
        fetcher_ = std::make_unique<Fetcher>(fetch);
    }
    return fetcher_->fetch(location);
}

ExtractedPage Pipeline::extract_page(const std::string& location,
                                     const std::optional<std::filesystem::path>& mirror_root) const {
    return extract_content(read_page(location, mirror_root), mirror_root);
}

ExtractedPage Pipeline::extract_content(const Page& page, const std::optional<std::filesystem::path>& mirror_root) const {
    return extract(page, mirror_root, true);
}

ExtractedPage Pipeline::extract(const Page& page, const std::optional<std::filesystem::path>& mirror_root,
                                bool find_link) const {
    const DecodedPage decoded = decode_page(page.content, page.content_type, page.location);
    const HtmlDocument document(decoded.text, page.location, "UTF-8");
    std::string fallback_url = page.url.empty() ? page.location : page.url;
    if (page.url.empty() && mirror_root) {
        if (auto mirrored = mirror_url(*mirror_root, page.location)) fallback_url = std::move(*mirrored);
    }
    const std::string url = page_url(document, fallback_url);
    const auto parts = parse_url(url);
    const SiteProfile* profile = profiles_.find(document, parts ? parts->host : std::string());

    ExtractedPage extracted;
    try {
        extracted.article = profile != nullptr ? extract_article(document, *profile, url)
                                               : extract_generic(document, generic_rules_, url);
    } catch (const ParseError&) {
        if (document.warnings().empty()) throw;
        throw ParseError(page.location, "no article found, and " + document.warnings().front());
    }
    extracted.article.warnings.insert(extracted.article.warnings.begin(), document.warnings().begin(),
                                      document.warnings().end());
    if (!decoded.warning.empty()) extracted.article.warnings.insert(extracted.article.warnings.begin(), decoded.warning);
    extracted.charset = decoded.charset + " (" + decoded.origin + ")";
    if (find_link) {
        if (const auto link = find_original_link(document, profile, url)) {
            extracted.original_link = *link;
        } else if (auto refused = find_refused_original_link(document, profile)) {
            extracted.refused_link = std::move(*refused);
        }
    }
    return extracted;
}

const WebArchive* Pipeline::archive_for(const PairInput& input) const {
    if (input.archive) return input.archive.get();
    if (input.archive_files.empty()) return nullptr;
    if (!archive_ || archive_->files() != input.archive_files)
        archive_ = std::make_shared<const WebArchive>(input.archive_files, options_.max_page_bytes);
    return archive_.get();
}

AlignedPair Pipeline::align_pages(const PairInput& input) const {
    AlignedPair pair;
    const std::string translation_location = input.translation_page.string();
    const WebArchive* archive = archive_for(input);
    ExtractedPage translation;
    try {
        Page page;
        if (archive && input.translation_record) {
            page = archive->page_at(*input.translation_record);
        } else if (archive && is_web_url(translation_location) && archive->holds(translation_location)) {
            page = archive->page(translation_location);
        } else {
            page = read_page(translation_location, input.mirror_root);
        }
        translation = extract(page, input.mirror_root, !input.original_page);
    } catch (const UnresolvedRevisitError& error) {
        // Nothing to read: the page is skipped, with the reason.
        throw NotTranslatedArticleError("", error.what());
    } catch (const ParseError& error) {
        // No article in the page: not a translated article (batch runs skip such pages).
        throw NotTranslatedArticleError("", error.what());
    }
    pair.translation = translation.article;
    check_language(pair.translation, translation_script_, original_script_, translation_location, !input.original_page,
                   "the " + translation_script_.language_name() + " page comes first, then its original");

    std::string original_location;
    std::optional<std::filesystem::path> original_mirror = input.mirror_root;
    bool mirror_lacks_original = false;
    if (input.original_page) {
        original_location = input.original_page->string();
    } else {
        const std::string& original_url = translation.original_link;
        if (original_url.empty() && !translation.refused_link.empty())
            throw ParseError(translation_location, "the link to the original, '" + translation.refused_link +
                                                       "', is not an http(s) URL; refused. Give the original page as "
                                                       "a second argument");
        if (original_url.empty())
            throw NotTranslatedArticleError(translation_location,
                             std::string("no link to the original found; looked for ") + kOriginalLinkSignals +
                                 ". Give the original page as a second argument");
        if (!original_mirror && !is_web_url(translation_location))
            original_mirror = infer_mirror_root(input.translation_page, pair.translation.url);
        const bool in_mirror = original_mirror && mirror_file(*original_mirror, original_url);
        const bool in_archive = archive && archive->holds(original_url);
        if (!in_mirror && !in_archive && !options_.allow_network)
            throw ParseError(translation_location,
                             "the original " + original_url +
                                 (archive           ? " is not in the WARC files (" + archive->describe() + ")"
                                  : original_mirror ? " is not in the mirror at " + original_mirror->string()
                                                    : std::string(" is not local; give --mirror DIR or the original page")));
        original_location = original_url;
        mirror_lacks_original = original_mirror.has_value() && !in_mirror;
    }
    try {
        const bool original_archived = archive && is_web_url(original_location) && archive->holds(original_location);
        pair.original = extract(original_archived ? archive->page(original_location) : read_page(original_location, original_mirror),
                                original_mirror, false)
                            .article;
    } catch (const FetchError& error) {
        // Fetching was the fallback; its failure (often robots.txt, the first thing asked)
        // comes after what the user needs to hear first: the mirror lacks the page.
        if (!mirror_lacks_original) throw;
        throw FetchError(translation_location, "the original " + original_location + " is not in the mirror at " +
                                                   original_mirror->string() + "; fetching it failed: " + error.what() +
                                                   ". Put it in the mirror, or give the original page as a second "
                                                   "argument");
    }
    check_language(pair.original, original_script_, translation_script_, original_location, false,
                   "the original must be the " + original_script_.language_name() + " page");

    pair.original_segments = splitter_for(pair.original.language).split(pair.original.text_blocks());
    check_sentence_limit(pair.original_segments.size(), options_.max_sentences, original_location);
    pair.translation_segments = splitter_for(pair.translation.language).split(pair.translation.text_blocks());
    check_sentence_limit(pair.translation_segments.size(), options_.max_sentences, translation_location);
    Alignment alignment = aligner_.align(pair.original_segments, pair.translation_segments);
    pair.beads = std::move(alignment.beads);
    pair.alignment_score = alignment.score;
    pair.mismatched = alignment.mismatched;
    pair.coverage = compute_coverage(pair.original_segments, pair.beads);
    return pair;
}

std::vector<TranslationUnit> translation_units(const SegmentList& source, const SegmentList& target,
                                               const std::vector<Bead>& beads) {
    std::vector<TranslationUnit> units;
    for (const Bead& bead : beads) {
        if (bead.is_null()) continue;
        TranslationUnit unit;
        unit.source = joined_text(source, bead.source);
        unit.target = joined_text(target, bead.target);
        unit.bead_type = bead.type();
        unit.score = bead.score;
        units.push_back(std::move(unit));
    }
    return units;
}

std::vector<TranslationUnit> AlignedPair::translation_units() const {
    std::vector<TranslationUnit> units = artalign::translation_units(original_segments, translation_segments, beads);
    std::size_t next_unit = 0;
    for (std::size_t b = 0; b < beads.size(); ++b) {
        if (!beads[b].is_null()) units[next_unit++].reviewed = reviewed(b);
    }
    for (TranslationUnit& unit : units) {
        unit.source_url = original.url;
        unit.target_url = translation.url;
        unit.article_date = translation.published;
        unit.article_title = translation.title;
    }
    return units;
}

}  // namespace artalign
