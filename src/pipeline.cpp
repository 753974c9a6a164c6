// The pipeline for one pair: read both pages, extract, segment, align, count coverage.
#include "artalign/pipeline.hpp"

#include <memory>

#include "artalign/article_extractor.hpp"
#include "artalign/error.hpp"
#include "artalign/html_document.hpp"
#include "artalign/original_link.hpp"
#include "artalign/page_source.hpp"
#include "artalign/url.hpp"

namespace artalign {
namespace {

std::string joined_text(const SegmentList& segments, const std::vector<std::size_t>& indices) {
    std::string text;
    for (const std::size_t k : indices) {
        if (!text.empty()) text.push_back(' ');
        text += segments[k].text;
    }
    return text;
}

}  // namespace

Pipeline::Pipeline(const std::filesystem::path& data_dir)
    : data_dir_(data_dir),
      profiles_(ProfileRegistry::load_directory(data_dir / "profiles")),
      aligner_(AlignOptions{}, std::make_shared<AnchorExtractor>(AnchorExtractor::load(data_dir))) {}

Pipeline::~Pipeline() = default;

const SentenceSplitter& Pipeline::splitter_for(const std::string& language) const {
    for (const auto& [code, splitter] : splitters_) {
        if (code == language) return splitter;
    }
    splitters_.emplace_back(language, SentenceSplitter::for_language(language, data_dir_));
    return splitters_.back().second;
}

Article Pipeline::read_article(const std::filesystem::path& file, std::string* original_url) const {
    const Page page = read_page_file(file);
    const HtmlDocument document(page.content, page.location);
    const std::string url = page_url(document, page.location);
    const auto parts = parse_url(url);
    const SiteProfile* profile = profiles_.find(document, parts ? parts->host : std::string());
    if (profile == nullptr)
        throw ParseError(page.location, "no site profile matches this page's layout (is it a news article page?)");
    Article article = extract_article(document, *profile, url);
    if (original_url != nullptr) {
        const auto link = find_original_link(document, profile, url);
        if (link) *original_url = *link;
    }
    return article;
}

AlignedPair Pipeline::align_pages(const PairInput& input) const {
    AlignedPair pair;
    std::string original_url;
    pair.translation = read_article(input.translation_page, &original_url);

    std::filesystem::path original_file;
    if (input.original_page) {
        original_file = *input.original_page;
    } else {
        if (original_url.empty())
            throw ParseError(input.translation_page.string(),
                             std::string("no link to the original found; looked for ") + kOriginalLinkSignals +
                                 ". Give the original page as a second argument");
        auto mirror = input.mirror_root;
        if (!mirror) mirror = infer_mirror_root(input.translation_page, pair.translation.url);
        const auto file = mirror ? mirror_file(*mirror, original_url) : std::nullopt;
        if (!file)
            throw ParseError(input.translation_page.string(),
                             "the original " + original_url +
                                 (mirror ? " is not in the mirror at " + mirror->string()
                                         : std::string(" is not local; give --mirror DIR or the original page")));
        original_file = *file;
    }
    pair.original = read_article(original_file, nullptr);

    pair.original_segments = splitter_for(pair.original.language).split(pair.original.text_blocks());
    pair.translation_segments = splitter_for(pair.translation.language).split(pair.translation.text_blocks());
    Alignment alignment = aligner_.align(pair.original_segments, pair.translation_segments);
    pair.beads = std::move(alignment.beads);
    pair.alignment_score = alignment.score;
    pair.mismatched = alignment.mismatched;
    pair.coverage = compute_coverage(pair.original_segments, pair.beads);
    return pair;
}

std::vector<TranslationUnit> AlignedPair::translation_units() const {
    std::vector<TranslationUnit> units;
    for (const Bead& bead : beads) {
        if (bead.is_null()) continue;
        TranslationUnit unit;
        unit.source = joined_text(original_segments, bead.source);
        unit.target = joined_text(translation_segments, bead.target);
        unit.bead_type = bead.type();
        unit.score = bead.score;
        unit.source_url = original.url;
        unit.target_url = translation.url;
        unit.article_date = translation.published;
        unit.article_title = translation.title;
        units.push_back(std::move(unit));
    }
    return units;
}

}  // namespace artalign
