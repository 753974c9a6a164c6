// The lexicon's entries as one binary file built at build time, used in place: a start costs
// one mapping and a check instead of parsing and indexing some 8,000 TSV lines.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/mapped_file.hpp"

namespace artalign {

/// Headwords with their ordered English stems, and the set of those stems, in one buffer:
/// a string pool of code points and open-addressing tables over it, mapped from the file
/// (MappedFile: the index is only ever replaced by a rename) and never copied into per-entry
/// containers. The file records a fingerprint of the sources it was built from (Lexicon's TSVs
/// and stop words) and a stamp of their names, sizes and modification times; open() refuses a
/// file built from other sources, so an edited lexicon is never shadowed by a stale index.
///
/// The file is native-endian 32-bit words: it is built and read on one machine, and a file
/// from a machine of the other byte order is refused like any corrupt one.
class LexiconIndex {
public:
    /// The stems of one headword, in the order the lexicon gives them.
    class Stems {
    public:
        std::size_t size() const { return count_; }
        std::u32string_view operator[](std::size_t i) const;
        /// The number of stem `i` among the index's stems (stem_number() of it).
        std::uint32_t number(std::size_t i) const;

    private:
        friend class LexiconIndex;
        Stems(const LexiconIndex* index, std::size_t first, std::size_t count) : index_(index), first_(first), count_(count) {}
        const LexiconIndex* index_;
        std::size_t first_;  // the file word of the first stem record number, in the headword's entry
        std::size_t count_;
    };

    /// Whether an index whose file records `stamp` and `fingerprint` was built from the sources
    /// at hand (the caller knows them; Lexicon compares the stamp, then if need be the contents).
    using BuiltFrom = std::function<bool(std::uint64_t stamp, std::uint64_t fingerprint)>;
    /// The index in `file` when it is of this format, `built_from` accepts it, and it is whole;
    /// nullptr otherwise (missing, stale, truncated, corrupt). Never throws for a bad file: the
    /// caller parses the sources instead, which are the truth.
    static std::shared_ptr<const LexiconIndex> open(const std::filesystem::path& file, const BuiltFrom& built_from);

    /// Writes an index of `entries` (headword, stems in order) and `stems` (every stem an entry
    /// gives) to `file` through a temporary and a rename, recording the sources' `source_stamp`
    /// (0: none to trust) and `source_fingerprint`. Throws OutputError naming `file`.
    static void write(const std::filesystem::path& file, std::uint64_t source_stamp, std::uint64_t source_fingerprint,
                      std::vector<std::pair<std::u32string, std::vector<std::u32string>>> entries,
                      std::vector<std::u32string> stems);

    /// The hash a key is looked up by, taken one code point at a time from kEmptyHash: a caller
    /// that looks up several beginnings of one text (a Korean word's stems, a compound's parts)
    /// hashes each code point once, and hashes each candidate once for its prefetch and its find.
    static constexpr std::uint64_t kEmptyHash = 0xCBF29CE484222325ull;
    static std::uint64_t extend_hash(std::uint64_t hash, char32_t c) { return (hash ^ c) * 0x100000001B3ull; }
    static std::uint64_t hash_of(std::u32string_view key);

    /// The stems of `headword`, or nullopt when it is not listed.
    std::optional<Stems> find(std::u32string_view headword) const { return find(headword, hash_of(headword)); }
    /// The same with hash_of(headword) already known.
    std::optional<Stems> find(std::u32string_view headword, std::uint64_t hash) const;
    /// False when `headword` is surely not listed: a filter of a few bits a headword, read
    /// before the table, rules out most words that are not (find() asks it first).
    bool may_have(std::u32string_view headword) const;
    /// Starts loading the slot find(headword) will read first, so that many look-ups in a row
    /// overlap their waits for memory (the index is read at random). Changes nothing.
    void prefetch(std::u32string_view headword) const { prefetch_hash(hash_of(headword)); }
    /// The same by hash_of(headword).
    void prefetch_hash(std::uint64_t hash) const;
    /// True when some headword gives `stem`.
    bool has_stem(std::u32string_view stem) const { return stem_number(stem).has_value(); }
    /// The number of `stem` among the stems some headword gives (0 to stem_count() - 1), or
    /// nullopt when none does: a caller can keep what it derives from a stem in an array.
    std::optional<std::uint32_t> stem_number(std::u32string_view stem) const;
    std::size_t stem_count() const { return stems_.count; }
    /// The stem numbered `number` (below stem_count()).
    std::u32string_view stem_text(std::uint32_t number) const { return string_of(stems_, number); }
    std::size_t headword_count() const;
    /// The length in code points of the longest headword (0 for none).
    std::size_t longest_headword() const;

    /// Every headword with its stems, in the file's order (for tests comparing with the sources).
    std::vector<std::pair<std::u32string, std::vector<std::u32string>>> entries() const;
    std::vector<std::u32string> stems() const;

private:
    // One table of strings: records of `record_words` words starting with (pool offset, length),
    // and open-addressing slots holding a record number + 1 (0: empty).
    struct Table {
        std::size_t records_at = 0, record_words = 0, count = 0, slots_at = 0, slot_count = 0;
        std::size_t filter_at = 0, filter_blocks = 0;  // the table's Bloom filter (64-bit blocks)
    };

    explicit LexiconIndex(MappedFile file);
    std::uint32_t word(std::size_t at) const { return static_cast<std::uint32_t>(words_[at]); }
    // Reads the header into the tables; false when a section or record points outside the file.
    bool lay_out();
    bool table_valid(const Table& table) const;
    std::u32string_view string_of(const Table& table, std::size_t record) const;
    // False when the table's filter rules out the key of hash_of() `full`.
    bool may_hold(const Table& table, std::uint64_t full) const;
    // The record (a headword's: its entry's offset) whose slot the probe for hash_of() `full`
    // meets and that `matches(record)` accepts, or nullopt; a probe stops at an empty slot.
    template <class Matches>
    std::optional<std::size_t> probe(const Table& table, std::uint64_t full, Matches matches) const;

    MappedFile file_;
    // The file's words. char32_t, not std::uint32_t: the pool's strings are viewed in place as
    // std::u32string_view.
    const char32_t* words_;
    std::size_t word_count_;
    Table headwords_, stems_;  // the headwords' records are their entries (records_at unused)
    std::size_t headword_entries_at_ = 0, headword_entry_words_ = 0, pool_at_ = 0, pool_count_ = 0;
    std::size_t longest_headword_ = 0;
};

}  // namespace artalign
