// The Korean-English lexicon behind word anchors: loading, stemming and look-up.
#include "anchor/lexicon.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "artalign/error.hpp"
#include "read/input_file.hpp"
#include "util/data_directory.hpp"
#include "util/hash.hpp"
#include "util/text.hpp"
#include "anchor/words.hpp"

namespace artalign {
namespace {

bool ends_with(std::u32string_view word, std::u32string_view suffix) {
    return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

// A file's lines that hold data: '#' comment lines and empty lines skipped (split_lines has
// dropped a '\r' before the '\n', as std::getline line by line did before).
std::vector<std::string_view> data_lines(std::string_view content) {
    std::vector<std::string_view> lines = split_lines(content);
    std::erase_if(lines, [](std::string_view line) { return line.empty() || line.front() == '#'; });
    return lines;
}

// One file the lexicon reads: what stat() said of it, and its contents once read (nullopt
// content: not read yet, or could not be).
struct Source {
    std::filesystem::path file;
    std::uint64_t size = 0;
    std::int64_t modified_ns = 0;
    bool stated = false;
    std::optional<std::string> content;
};

// Sources whose modification time is not this much older than the moment they were listed are
// never trusted by their stamp: an edit within the same tick of the file system's clock may
// keep the time it stamps (git's "racy" files).
constexpr std::int64_t kSettledNs = std::int64_t{2'000'000'000};

// Every file load_directory reads but ko.suffixes (which KoreanSuffixes reads: it does not
// change what the index holds). An index is picked by the files' stamp (names, sizes and
// modification times, from stat(): no file read), or, when that does not match, by their
// fingerprint (names and contents); the contents are read only then, or to be parsed when no
// index fits. Nothing throws here: a failure is kept and thrown by parsing, at the point and
// with the message the loader always gave, so that of two bad files the same one is reported.
struct Sources {
    std::optional<Source> english_stopwords, korean_stopwords;  // nullopt: no such file
    std::vector<Source> tables;                                 // *.tsv, sorted by name
    std::error_code listing_error;
    // Of the names and stat() of every file, in the order parsed; 0 when one could not be
    // stated or changed too recently to be trusted by it (kSettledNs).
    std::uint64_t stamp = 0;
    bool read = false;     // read_contents() has run
    bool complete = true;  // every file read: the fingerprint stands for them all
    std::uint64_t fingerprint = 0;

    // Each file in the order parsed (nullptr for a missing stop word list), as fingerprinted.
    template <class Visit>
    void each(Visit visit) {
        for (std::optional<Source>* list : {&english_stopwords, &korean_stopwords}) visit(*list ? &**list : nullptr);
        for (Source& table : tables) visit(&table);
    }
};

Source stat_source(const std::filesystem::path& file) {
    Source source;
    source.file = file;
    struct stat status {};
    if (::stat(file.c_str(), &status) == 0 && S_ISREG(status.st_mode)) {
        source.stated = true;
        source.size = static_cast<std::uint64_t>(status.st_size);
        source.modified_ns = std::int64_t{status.st_mtim.tv_sec} * 1'000'000'000 + status.st_mtim.tv_nsec;
    }
    return source;
}

Sources list_sources(const std::filesystem::path& directory) {
    Sources sources;
    for (auto [list, name] : {std::pair{&sources.english_stopwords, "en.stopwords"}, std::pair{&sources.korean_stopwords, "ko.stopwords"}}) {
        const auto file = directory / name;
        if (std::filesystem::exists(file)) *list = stat_source(file);
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory, sources.listing_error)) {
        if (entry.path().extension() == ".tsv") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) sources.tables.push_back(stat_source(file));
    // The names and stat() in the order parsed: another file, a rename, an edit (which moves the
    // modification time) or a missing stop word list each changes the stamp.
    const std::int64_t settled_before =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count() - kSettledNs;
    bool trusted = !sources.listing_error;
    std::uint64_t stamp = 0;
    sources.each([&](const Source* source) {
        if (source == nullptr) {
            stamp = checksum_bytes("-", stamp);
            return;
        }
        trusted = trusted && source->stated && source->modified_ns < settled_before;
        const std::uint64_t status[2] = {source->size, static_cast<std::uint64_t>(source->modified_ns)};
        stamp = checksum_bytes(source->file.filename().string(), stamp);
        stamp = checksum_bytes(std::string_view(reinterpret_cast<const char*>(status), sizeof status), stamp);
    });
    sources.stamp = trusted ? stamp : 0;
    return sources;
}

// Reads every file (once) and fingerprints the names and contents in the order parsed: another
// file, a rename, an edit or a missing stop word list each changes the fingerprint.
void read_contents(Sources& sources) {
    if (sources.read) return;
    sources.read = true;
    std::uint64_t fingerprint = 0;
    sources.complete = !sources.listing_error;
    sources.each([&](Source* source) {
        if (source == nullptr) {
            fingerprint = checksum_bytes("-", fingerprint);
            return;
        }
        if (!source->content) source->content = read_data_file(source->file);
        fingerprint = checksum_bytes(source->file.filename().string(), fingerprint);
        if (source->content) fingerprint = checksum_bytes(*source->content, fingerprint);
        else sources.complete = false;
    });
    sources.fingerprint = fingerprint;
}

std::string_view content_of(const Source& source, const char* what) {
    if (!source.content) throw DataError(source.file.string(), std::string("cannot read ") + what);
    return *source.content;
}

// The syllables that begin a form of 하다: 하, 한, 할, 함, 합, 해, 했.
bool is_ha_syllable(char32_t c) {
    return c == U'하' || c == U'한' || c == U'할' || c == U'함' || c == U'합' || c == U'해' || c == U'했';
}

}  // namespace

Lexicon Lexicon::load_directory(const std::filesystem::path& directory) {
    return load_directory(directory, index_locations(directory));
}

std::vector<std::filesystem::path> Lexicon::index_locations(const std::filesystem::path& directory) {
    std::vector<std::filesystem::path> files{directory / kIndexFileName};
    if (const auto built = built_from_source_data(directory)) files.push_back(*built / kIndexFileName);
    return files;
}

Lexicon Lexicon::load_directory(const std::filesystem::path& directory, const std::vector<std::filesystem::path>& index_files) {
    Lexicon lexicon;
    const auto suffixes = directory / "ko.suffixes";
    if (std::filesystem::exists(suffixes)) lexicon.suffixes_ = KoreanSuffixes::load(suffixes);
    Sources sources = list_sources(directory);
    // The stop word lists are parsed at every start, so read now whatever an index is picked by.
    for (std::optional<Source>* list : {&sources.english_stopwords, &sources.korean_stopwords}) {
        if (*list) (*list)->content = read_data_file((*list)->file);
    }
    auto built_from = [&sources](std::uint64_t stamp, std::uint64_t fingerprint) {
        if (stamp != 0 && stamp == sources.stamp) return true;
        read_contents(sources);
        return sources.complete && fingerprint == sources.fingerprint;
    };
    if (!sources.listing_error) {
        for (const auto& file : index_files) {
            if ((lexicon.index_ = LexiconIndex::open(file, built_from))) {
                lexicon.longest_headword_ = lexicon.index_->longest_headword();
                break;
            }
        }
    }
    if (sources.english_stopwords) {
        for (const std::string_view line : data_lines(content_of(*sources.english_stopwords, "the English stop word list"))) {
            const std::string word = collapse_whitespace(line);
            if (!word.empty()) lexicon.stopword_filter_.add(*lexicon.stopwords_.insert(to_code_points(word)).first);
        }
    }
    if (sources.korean_stopwords) {
        for (const std::string_view line : data_lines(content_of(*sources.korean_stopwords, "the Korean stop word list"))) {
            const std::string word = collapse_whitespace(line);
            if (!word.empty()) lexicon.korean_stopword_filter_.add(*lexicon.korean_stopwords_.insert(to_code_points(word)).first);
        }
    }
    if (sources.listing_error)
        throw DataError(directory.string(), "cannot list the lexicon directory: " + sources.listing_error.message());
    if (lexicon.index_) return lexicon;
    read_contents(sources);
    // English words recur across entries ("government", "announce"): each is stemmed once.
    std::unordered_map<std::u32string, std::u32string> keys;
    std::vector<std::u32string> english;
    for (const Source& table : sources.tables) {
        std::size_t line_number = 0;
        for (const std::string_view line : data_lines(content_of(table, "lexicon"))) {
            ++line_number;
            const auto tab = line.find('\t');
            if (tab == std::string::npos)
                throw DataError(table.file.string(), "entry " + std::to_string(line_number) +
                                                         " has no tab between the Korean word and its English words");
            english.clear();
            for (const Word& word : split_words(line.substr(tab + 1))) {
                if (word.script != WordScript::latin) continue;
                auto [known, inserted] = keys.try_emplace(word.text);
                if (inserted) known->second = lexicon.english_key(word.text);
                english.push_back(known->second);
            }
            lexicon.add_keys(to_code_points(collapse_whitespace(line.substr(0, tab))), english);
        }
    }
    if (sources.complete) lexicon.source_check_ = SourceCheck{sources.stamp, sources.fingerprint};
    return lexicon;
}

void Lexicon::write_index(const std::filesystem::path& file) const {
    if (index_ || !source_check_) throw std::logic_error("only a lexicon parsed from its files can be indexed");
    LexiconIndex::write(file, source_check_->stamp, source_check_->fingerprint, {entries_.begin(), entries_.end()},
                        {english_stems_.begin(), english_stems_.end()});
}

std::vector<std::u32string> Lexicon::headwords() const {
    std::vector<std::u32string> out;
    if (index_) {
        for (auto& [headword, stems] : index_->entries()) {
            if (entries_.count(headword) == 0) out.push_back(std::move(headword));
        }
    }
    for (const auto& [headword, stems] : entries_) out.push_back(headword);
    return out;
}

std::size_t Lexicon::size() const { return entries_.size() + (index_ ? index_->headword_count() - shadowed_ : 0); }

std::optional<std::uint32_t> Lexicon::translation_number(std::u32string_view key) const {
    if (index_) {
        if (const auto number = index_->stem_number(key)) return *number;
    }
    // Only added or parsed entries fill english_stems_: with an index it is mostly empty.
    if (!english_stems_.empty() && english_stems_.find(key) != english_stems_.end()) return kUnnumbered;
    return std::nullopt;
}

void Lexicon::add(const std::u32string& korean, const std::vector<std::u32string>& english) {
    std::vector<std::u32string> keys;
    keys.reserve(english.size());
    for (const std::u32string& word : english) keys.push_back(english_key(word));
    add_keys(korean, keys);
}

void Lexicon::add_keys(const std::u32string& korean, const std::vector<std::u32string>& keys) {
    if (korean.empty()) return;
    std::vector<std::u32string> stems;
    for (const std::u32string& key : keys) {
        if (!key.empty() && std::find(stems.begin(), stems.end(), key) == stems.end()) stems.push_back(key);
    }
    if (stems.empty()) return;
    english_stems_.insert(stems.begin(), stems.end());
    auto merge = [this, &stems](const std::u32string& headword) {
        longest_headword_ = std::max(longest_headword_, headword.size());
        auto [entry, inserted] = entries_.try_emplace(headword);
        auto& list = entry->second;
        if (inserted && index_) {
            if (const auto indexed = index_->find(headword)) {
                ++shadowed_;
                for (std::size_t i = 0; i < indexed->size(); ++i) list.emplace_back((*indexed)[i]);
            }
        }
        for (const auto& stem : stems) {
            if (std::find(list.begin(), list.end(), stem) == list.end()) list.push_back(stem);
        }
    };
    merge(korean);
    // "발표하다" is also found as "발표"; "크다" as "크" only when two syllables remain.
    if (ends_with(korean, U"하다") && korean.size() >= 4) merge(korean.substr(0, korean.size() - 2));
    else if (ends_with(korean, U"되다") && korean.size() >= 4) merge(korean.substr(0, korean.size() - 2));
    else if (ends_with(korean, U"다") && korean.size() >= 3) merge(korean.substr(0, korean.size() - 1));
}

template <class Visit>
bool Lexicon::visit_stems(std::u32string_view headword, std::uint64_t hash, Visit visit) const {
    // An added or parsed list shadows the index's (it starts as a copy of it).
    if (!entries_.empty()) {
        if (const auto it = entries_.find(headword); it != entries_.end()) {
            for (const std::u32string& stem : it->second) visit(Translation{stem, kUnnumbered});
            return true;
        }
    }
    if (!index_) return false;
    const auto indexed = index_->find(headword, hash);
    if (!indexed) return false;
    for (std::size_t i = 0; i < indexed->size(); ++i) visit(Translation{{}, indexed->number(i)});
    return true;
}

bool Lexicon::append_stems(std::u32string_view headword, std::uint64_t hash, std::vector<Translation>& out) const {
    return visit_stems(headword, hash, [&out](const Translation& stem) { out.push_back(stem); });
}

bool Lexicon::is_korean_stopword(std::u32string_view korean_word) const {
    return korean_stopword_filter_.may_hold(korean_word) && korean_stopwords_.find(korean_word) != korean_stopwords_.end();
}

std::vector<std::u32string> Lexicon::translations(const std::u32string& korean_word) const {
    std::vector<Translation> found;
    translations(korean_word, found);
    std::vector<std::u32string> out;
    for (const Translation& translation : found) out.emplace_back(stem_text(translation));
    return out;
}

void Lexicon::translations(std::u32string_view korean_word, std::vector<Translation>& out) const {
    out.clear();
    if (is_korean_stopword(korean_word)) return;
    // Reused by this thread's calls (the lexicon itself is shared read-only between threads).
    thread_local std::vector<std::u32string_view> stems;
    thread_local std::vector<std::uint64_t> hashes;
    suffixes_.stems(korean_word, stems);
    // Every stem is a beginning of the word: one pass hashes them all (hashes[k - 1] for the
    // first k code points). None longer than the longest headword can be listed.
    beginning_hashes(korean_word, hashes);
    // The index is read at random: its look-ups below wait for memory one after the other
    // unless their loads were started together.
    if (index_) {
        for (const std::u32string_view stem : stems) {
            if (!stem.empty() && stem.size() <= hashes.size()) index_->prefetch_hash(hashes[stem.size() - 1]);
        }
    }
    for (const std::u32string_view stem : stems) {
        if (is_korean_stopword(stem)) return;
        // One syllable before a form of 하다 is a verb, not the noun it spells: 원했다 is
        // 원하다 "want", not 원 "won"; 달했다 is 달하다 "reach", not 달 "moon".
        if (stem.size() == 1 && korean_word.size() > 1 && is_ha_syllable(korean_word[1])) {
            const std::u32string verb = std::u32string(stem) + U"하다";
            append_stems(verb, LexiconIndex::hash_of(verb), out);
        } else if (!stem.empty() && stem.size() <= hashes.size()) {
            append_stems(stem, hashes[stem.size() - 1], out);
        }
        if (!out.empty()) return;
    }
    // Compounds written solid: greedy longest known parts of two or more syllables. The parts
    // tried at a place are the beginnings of the rest of the stem there, hashed in one pass.
    const std::u32string_view stem = stems.back();
    std::size_t i = 0;
    while (i + 1 < stem.size()) {
        const std::u32string_view rest = stem.substr(i);
        beginning_hashes(rest, hashes);
        if (index_) {
            for (std::size_t length = 2; length <= hashes.size(); ++length) index_->prefetch_hash(hashes[length - 1]);
        }
        bool matched = false;
        for (std::size_t length = hashes.size(); length >= 2; --length) {
            const bool found = visit_stems(rest.substr(0, length), hashes[length - 1], [this, &out](const Translation& english) {
                const auto same = [this, &english](const Translation& known) {
                    if (known.number != kUnnumbered && english.number != kUnnumbered) return known.number == english.number;
                    return stem_text(known) == stem_text(english);
                };
                if (std::none_of(out.begin(), out.end(), same)) out.push_back(english);
            });
            if (found) {
                i += length;
                matched = true;
                break;
            }
        }
        if (!matched) ++i;
    }
}

void Lexicon::beginning_hashes(std::u32string_view text, std::vector<std::uint64_t>& hashes) const {
    hashes.resize(std::min(text.size(), longest_headword_));
    std::uint64_t hash = LexiconIndex::kEmptyHash;
    for (std::size_t k = 0; k < hashes.size(); ++k) {
        hash = LexiconIndex::extend_hash(hash, text[k]);
        hashes[k] = hash;
    }
}

bool Lexicon::knows(const std::u32string& korean_word) const {
    for (const std::u32string& stem : suffixes_.stems(korean_word)) {
        if (visit_stems(stem, [](const Translation&) {})) return true;
    }
    return false;
}

std::u32string Lexicon::english_key(std::u32string_view word) const {
    std::u32string key;
    english_key(word, key);
    return key;
}

void Lexicon::english_key(std::u32string_view word, std::u32string& key) const {
    key.assign(word);
    for (char32_t& c : key) {
        if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
    }
    if (key.size() < 2 || (stopword_filter_.may_hold(key) && stopwords_.find(key) != stopwords_.end())) key.clear();
    else reduce_to_english_stem(key);
}

}  // namespace artalign
