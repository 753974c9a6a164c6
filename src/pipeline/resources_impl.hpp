// What Resources holds, for the stages that use it (Pipeline, batch discovery, the commands).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "anchor/anchors.hpp"
#include "artalign/resources.hpp"
#include "parse/generic_extractor.hpp"
#include "parse/site_profile.hpp"
#include "segment/segmenter.hpp"

namespace artalign {

/// One language's segmentation data (data/segmentation/LANGUAGE.abbreviations and .rules).
struct SegmentationData {
    std::vector<std::string> abbreviations;
    std::optional<SegmentationRules> rules;
};

struct Resources::Impl {
    std::filesystem::path data_dir;
    /// The user's profile directories first, then the built-in ones (data_dir/profiles).
    ProfileRegistry profiles;
    GenericRules generic_rules;
    bool pages = true;  // profiles and generic_rules loaded (ResourceOptions::pages)
    /// By language, for every language the data directory has files for.
    std::map<std::string, SegmentationData, std::less<>> segmentation;
    bool segmentation_loaded = true;  // ResourceOptions::segmentation
    /// The lexicon (with ResourceOptions::lexicon_files) and number words; never used itself
    /// (its caches are not thread-safe): each user takes anchor_extractor().
    AnchorExtractor anchors;

    /// A splitter for `language` (as SentenceSplitter::for_language makes one from the data
    /// directory), for one thread. Throws DataError when ICU cannot build it, std::logic_error
    /// when the segmentation data was not loaded.
    SentenceSplitter splitter(const std::string& language) const;
    /// An anchor extractor for one thread, sharing the loaded data (AnchorExtractor::share()).
    std::shared_ptr<AnchorExtractor> anchor_extractor() const;
};

}  // namespace artalign
