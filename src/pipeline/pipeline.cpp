// The pipeline for one pair: read both pages, extract, segment, align, count coverage.
#include "artalign/pipeline.hpp"

#include <fmt/format.h>

#include <memory>
#include <utility>

#include "align/aligner.hpp"
#include "align/coverage.hpp"
#include "artalign/error.hpp"
#include "parse/article_extractor.hpp"
#include "parse/generic_extractor.hpp"
#include "parse/html_document.hpp"
#include "parse/original_link.hpp"
#include "parse/script_share.hpp"
#include "pipeline/page_locator.hpp"
#include "pipeline/resources_impl.hpp"
#include "read/charset.hpp"
#include "read/page_source.hpp"
#include "read/url.hpp"
#include "read/web_archive.hpp"
#include "segment/segmenter.hpp"
#include "util/limits.hpp"

namespace artalign {
namespace {

// The share of a page's letters in the other side's scripts above which it is taken for a page
// in the other language (when its own scripts have less). The sample Korean articles run at
// 92-100% Hangul and Han (Latin for names and acronyms), the English ones at 0%.
constexpr double kForeignScriptShare = 0.5;

enum class PageRole { translation, original };

// Refuses an article written mostly in the other side's scripts: a Korean page given as the
// translation, or an English one as the original. Throws InputError, or NotTranslatedArticleError
// when `not_a_translation` (a page batch runs should skip). Language names are looked up in ICU
// only for the message: every pair passes here, and the look-up is dear.
void check_language(const Article& article, const ScriptShare& expected, const ScriptShare& other,
                    const std::string& subject, bool not_a_translation, PageRole role) {
    std::string text;
    for (const std::string& block : article.text_blocks()) text += block + '\n';
    const double foreign = other.of(text);
    if (foreign <= kForeignScriptShare || foreign <= expected.of(text)) return;
    const std::string expected_name = expected.language_name();
    const std::string hint = role == PageRole::translation
                                 ? "the " + expected_name + " page comes first, then its original"
                                 : "the original must be the " + expected_name + " page";
    const std::string problem = fmt::format("this page is in {}, not {} ({:.0f}% of its letters are {}); {}",
                                            other.language_name(), expected_name, 100.0 * foreign,
                                            other.script_names(), hint);
    if (not_a_translation) throw NotTranslatedArticleError(subject, problem);
    throw InputError(subject, problem);
}

PageRules page_rules(const PipelineOptions& options) {
    PageRules rules;
    rules.max_page_bytes = options.max_page_bytes;
    rules.allow_page_pipes = options.allow_page_pipes;
    rules.follow_symlinks = options.follow_symlinks;
    rules.allow_network = options.allow_network;
    rules.fetch = options.fetch;
    return rules;
}

}  // namespace

struct Pipeline::Impl {
    Impl(std::shared_ptr<const Resources> shared, PipelineOptions pipeline_options)
        : resources(std::move(shared)),
          data(resources->impl()),
          options(std::move(pipeline_options)),
          locator(page_rules(options)),
          original_script(options.original_language),
          translation_script(options.translation_language),
          aligner(AlignOptions{}, data.anchor_extractor()) {}

    // extract_bytes, and align_pages's pages once read. Looks for the link to an original
    // only when `find_link` (the search walks every anchor of the page: a fifth of a batch
    // run's time when done for every page).
    ExtractedPage extract(const Page& page, const std::optional<std::filesystem::path>& mirror_root, bool find_link) const;
    const SentenceSplitter& splitter_for(const std::string& language) const;
    // The index of input.archive_files (input.archive, or one made here and kept for the
    // next request naming the same files); nullptr when the input names no WARC files.
    const WebArchive* archive_for(const PairInput& input) const;

    std::shared_ptr<const Resources> resources;
    const Resources::Impl& data;
    PipelineOptions options;
    PageLocator locator;
    mutable std::shared_ptr<const WebArchive> archive;  // the last WARC files indexed here
    mutable std::vector<std::pair<std::string, SentenceSplitter>> splitters;
    ScriptShare original_script;
    ScriptShare translation_script;
    Aligner aligner;
};

Pipeline::Pipeline(std::shared_ptr<const Resources> resources, PipelineOptions options) {
    if (!resources) throw DataError("", "a Pipeline needs loaded resources (Resources::load)");
    if (!resources->impl().pages)
        throw DataError("", "a Pipeline reads pages: its resources must be loaded with ResourceOptions::pages");
    impl_ = std::make_unique<Impl>(std::move(resources), std::move(options));
}

Pipeline::Pipeline(const std::filesystem::path& data_dir, PipelineOptions options)
    : Pipeline(Resources::load(ResourceOptions{data_dir, {}, {}, {}}), std::move(options)) {}

Pipeline::~Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;

const Resources& Pipeline::resources() const { return *impl_->resources; }
const PipelineOptions& Pipeline::options() const { return impl_->options; }

const SentenceSplitter& Pipeline::Impl::splitter_for(const std::string& language) const {
    for (const auto& [code, splitter] : splitters) {
        if (code == language) return splitter;
    }
    splitters.emplace_back(language, data.splitter(language));
    return splitters.back().second;
}

ExtractedPage Pipeline::extract_page(const std::string& location,
                                     const std::optional<std::filesystem::path>& mirror_root) const {
    PageAddress address;
    address.location = location;
    address.mirror_root = mirror_root;
    return impl_->extract(impl_->locator.read(address), mirror_root, true);
}

ExtractedPage Pipeline::extract_bytes(std::string_view html, const std::string& url) const {
    PageAddress address;
    address.location = url;
    address.bytes = html;
    Page page = impl_->locator.read(address);
    page.url = url;
    return impl_->extract(page, std::nullopt, true);
}

ExtractedPage Pipeline::Impl::extract(const Page& page, const std::optional<std::filesystem::path>& mirror_root,
                                bool find_link) const {
    const DecodedPage decoded = decode_page(page.content, page.content_type, page.location);
    const HtmlDocument document(decoded.text, page.location, "UTF-8");
    std::string fallback_url = page.url.empty() ? page.location : page.url;
    if (page.url.empty() && mirror_root) {
        if (auto mirrored = mirror_url(*mirror_root, page.location)) fallback_url = std::move(*mirrored);
    }
    const std::string url = page_url(document, fallback_url);
    const auto parts = parse_url(url);
    const SiteProfile* profile = data.profiles.find(document, parts ? parts->host : std::string());

    ExtractedPage extracted;
    try {
        extracted.article = profile != nullptr ? extract_article(document, *profile, url)
                                               : extract_generic(document, data.generic_rules, url);
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

const WebArchive* Pipeline::Impl::archive_for(const PairInput& input) const {
    if (input.archive) return input.archive.get();
    if (input.archive_files.empty()) return nullptr;
    if (!archive || archive->files() != input.archive_files)
        archive = std::make_shared<const WebArchive>(input.archive_files, options.max_page_bytes);
    return archive.get();
}

AlignedPair Pipeline::align_pages(const PairInput& input) const {
    const Impl& run = *impl_;
    AlignedPair pair;
    const std::string translation_location = input.translation_page.string();
    const WebArchive* archive = run.archive_for(input);
    PageAddress translation_address;
    translation_address.location = translation_location;
    translation_address.mirror_root = input.mirror_root;
    translation_address.archive = archive;
    translation_address.record = input.translation_record;
    if (input.translation_html) translation_address.bytes = *input.translation_html;
    ExtractedPage translation;
    try {
        translation = run.extract(run.locator.read(translation_address), input.mirror_root, !input.original_page);
    } catch (const UnresolvedRevisitError& error) {
        // Nothing to read: the page is skipped, with the reason.
        throw NotTranslatedArticleError("", error.what());
    } catch (const ParseError& error) {
        // No article in the page: not a translated article (batch runs skip such pages).
        throw NotTranslatedArticleError("", error.what());
    }
    pair.translation = translation.article;
    check_language(pair.translation, run.translation_script, run.original_script, translation_location,
                   !input.original_page, PageRole::translation);

    PageAddress original;
    original.mirror_root = input.mirror_root;
    original.archive = archive;
    if (input.original_html) original.bytes = *input.original_html;
    PageLocation original_place;
    if (input.original_page) {
        original.location = input.original_page->string();
        original_place = run.locator.locate(original);
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
        if (!original.mirror_root && !is_web_url(translation_location) && !input.translation_html)
            original.mirror_root = infer_mirror_root(input.translation_page, pair.translation.url);
        original.location = original_url;
        original_place = run.locator.locate(original);
        // Found by its link, an original that cannot be read is the translation page's problem.
        if (original_place.origin == PageOrigin::nowhere)
            throw ParseError(translation_location,
                             "the original " + original_url +
                                 (archive               ? " is not in the WARC files (" + archive->describe() + ")"
                                  : original.mirror_root ? " is not in the mirror at " + original.mirror_root->string()
                                                         : std::string(" is not local; give --mirror DIR or the original page")));
    }
    const std::string& original_location = original.location;
    try {
        pair.original = run.extract(run.locator.read(original, original_place), original.mirror_root, false).article;
    } catch (const FetchError& error) {
        // Fetching was the fallback; its failure (often robots.txt, the first thing asked)
        // comes after what the user needs to hear first: the mirror lacks the page.
        if (!original.mirror_root || input.original_page) throw;
        throw FetchError(translation_location, "the original " + original_location + " is not in the mirror at " +
                                                   original.mirror_root->string() + "; fetching it failed: " + error.what() +
                                                   ". Put it in the mirror, or give the original page as a second "
                                                   "argument");
    }
    check_language(pair.original, run.original_script, run.translation_script, original_location, false,
                   PageRole::original);

    pair.original_segments = run.splitter_for(pair.original.language).split(pair.original.text_blocks());
    check_sentence_limit(pair.original_segments.size(), run.options.max_sentences, original_location);
    pair.translation_segments = run.splitter_for(pair.translation.language).split(pair.translation.text_blocks());
    check_sentence_limit(pair.translation_segments.size(), run.options.max_sentences, translation_location);
    Alignment alignment = run.aligner.align(pair.original_segments, pair.translation_segments);
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
