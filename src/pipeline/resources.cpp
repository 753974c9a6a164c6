// Loading the data directory once, for every pipeline and thread of a process.
#include "artalign/resources.hpp"

#include <stdexcept>

#include "align/lexicon_learning.hpp"
#include "pipeline/resources_impl.hpp"

namespace artalign {
namespace {

// Every language data/segmentation has files for, with what SentenceSplitter::for_language
// would read for it.
std::map<std::string, SegmentationData, std::less<>> load_segmentation(const std::filesystem::path& data_dir) {
    std::map<std::string, SegmentationData, std::less<>> languages;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(data_dir / "segmentation", error)) {
        const std::filesystem::path& file = entry.path();
        if (file.extension() == ".abbreviations") {
            languages[file.stem().string()].abbreviations = load_abbreviations(file);
        } else if (file.extension() == ".rules") {
            languages[file.stem().string()].rules = SegmentationRules::load(file);
        }
    }
    return languages;
}

}  // namespace

Resources::Resources(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Resources::~Resources() = default;

const std::filesystem::path& Resources::data_dir() const { return impl_->data_dir; }

std::shared_ptr<const Resources> Resources::load(const ResourceOptions& options) {
    auto impl = std::make_unique<Impl>();
    impl->data_dir = options.data_dir ? *options.data_dir : data_directory();
    // In the order a Pipeline loaded them, so that of two bad files the same one is reported.
    impl->pages = options.pages;
    if (options.pages) impl->generic_rules = GenericRules::load(impl->data_dir / "generic.rules");
    impl->anchors = AnchorExtractor::load(impl->data_dir);
    for (const auto& file : options.lexicon_files) load_lexicon_file(file, impl->anchors);
    for (const LexiconEntry& entry : options.lexicon_entries) impl->anchors.add_lexicon_entry(entry.korean, entry.english);
    std::vector<std::filesystem::path> profile_dirs = options.profile_dirs;
    profile_dirs.push_back(impl->data_dir / "profiles");
    if (options.pages) impl->profiles = ProfileRegistry::load_directories(profile_dirs);
    impl->segmentation_loaded = options.segmentation;
    if (options.segmentation) impl->segmentation = load_segmentation(impl->data_dir);
    return std::shared_ptr<const Resources>(new Resources(std::move(impl)));
}

SentenceSplitter Resources::Impl::splitter(const std::string& language) const {
    if (!segmentation_loaded) throw std::logic_error("sentence splitter asked of resources loaded without segmentation");
    const auto found = segmentation.find(language);
    if (found == segmentation.end()) return SentenceSplitter(language, {});
    if (!found->second.rules) return SentenceSplitter(language, found->second.abbreviations);
    return SentenceSplitter(language, found->second.abbreviations, *found->second.rules);
}

std::shared_ptr<AnchorExtractor> Resources::Impl::anchor_extractor() const {
    return std::make_shared<AnchorExtractor>(anchors.share());
}

SentenceSplitter Resources::splitter(const std::string& language) const { return impl_->splitter(language); }

Aligner Resources::aligner(const AlignOptions& options) const { return Aligner(options, impl_->anchor_extractor()); }

}  // namespace artalign
