// Everything artalign loads from its data directory, loaded once and shared: site profiles, the
// generic extractor's rules, sentence segmentation data, and the anchor data (lexicon, number
// words). Every Pipeline of a process, and every worker thread, uses one Resources.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "artalign/aligner.hpp"
#include "artalign/segmenter.hpp"
#include "artalign/types.hpp"

namespace artalign {

/// The data directory: $ARTALIGN_DATA_DIR when set; else share/artalign beside the running
/// program's bin/ directory (so that an installed prefix can be moved); else the installed
/// share/artalign of the build's install prefix; else the source tree's data/ (for builds run
/// in place). Throws DataError when none exists.
std::filesystem::path data_directory();

/// What Resources::load reads besides the data directory.
struct ResourceOptions {
    /// The data directory; data_directory() when not given.
    std::optional<std::filesystem::path> data_dir;
    /// Directories of users' own *.profile files, tried in this order before the built-in
    /// profiles (the command line gives --profiles, then ~/.config/artalign/profiles).
    std::vector<std::filesystem::path> profile_dirs;
    /// Extra lexicon TSV files (e.g. learned by `artalign learn-lexicon`) added to the shipped
    /// lexicon, in order.
    std::vector<std::filesystem::path> lexicon_files;
    /// Lexicon entries added after `lexicon_files`, in order: a lexicon held in memory, e.g.
    /// learned by batch's first pass (learn_lexicon_pass) and not saved.
    std::vector<LexiconEntry> lexicon_entries;
    /// Whether to load what reading web pages takes (the site profiles and the generic
    /// extraction rules). A run on plain text alone (align-text) leaves them out: a faster
    /// start. A Pipeline needs them.
    bool pages = true;
    /// Whether to load the sentence segmentation data (data/segmentation). A run on text split
    /// already (align-text --presplit) leaves it out; splitter() then throws std::logic_error.
    bool segmentation = true;
};

/// The loaded data. Immutable once loaded, so one can be shared by any number of pipelines
/// and threads (each takes its own mutable objects, such as sentence splitters, from it).
///
///     const auto resources = Resources::load();
///     const Pipeline pipeline(resources);              // one a thread, all sharing `resources`
class Resources {
public:
    /// Loads everything. Throws DataError naming a file that is missing or malformed (a
    /// profile, the rules, a lexicon file...).
    static std::shared_ptr<const Resources> load(const ResourceOptions& options = {});

    ~Resources();
    Resources(const Resources&) = delete;
    Resources& operator=(const Resources&) = delete;

    /// The data directory everything was loaded from.
    const std::filesystem::path& data_dir() const;

    /// A sentence splitter for `language` (BCP 47) with the loaded abbreviations and rules
    /// (plain ICU rules for a language the data has none for), for one thread: a splitter is
    /// not thread-safe, the Resources are. Throws DataError when ICU cannot build it.
    SentenceSplitter splitter(const std::string& language) const;

    /// An aligner weighing the loaded anchor data (lexicon, number words), for one thread.
    Aligner aligner(const AlignOptions& options = {}) const;

    /// The loaded data, for artalign's own stages (defined in an internal header).
    struct Impl;
    const Impl& impl() const { return *impl_; }

private:
    explicit Resources(std::unique_ptr<const Impl> impl);
    std::unique_ptr<const Impl> impl_;
};

}  // namespace artalign
