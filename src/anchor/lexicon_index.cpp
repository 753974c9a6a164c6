// The lexicon index file: its layout, writing it, and checking it before it is used in place.
#include "anchor/lexicon_index.hpp"

#include <algorithm>
#include <cstring>

#include "artalign/error.hpp"
#include "util/atomic_file.hpp"
#include "util/hash.hpp"
#include "util/same_bytes.hpp"

namespace artalign {
namespace {

// Layout, in 32-bit words: the header fields below, then
//   headword entries  per headword, in order: its length L, its stem count C, its L code
//                     points, its C stem record numbers (a look-up that finds a headword reads
//                     its slot and then one place, where its text and stems are together)
//   headword slots    the entry's offset in the entries + 1, or 0 for an empty slot
//   headword filter   64-bit blocks as (low word, high word): see filter_bits
//   stem records      (pool offset, length) x stems
//   stem slots        stem record + 1, or 0
//   stem filter       the same, over the stems
//   pool              the stems' code points
// The checksum covers every word after the checksum field, so a file cut short or damaged is
// told apart from one of another lexicon.
enum Header : std::size_t {
    kMagic,
    kVersion,
    kFingerprintLow,
    kFingerprintHigh,
    kChecksumLow,
    kChecksumHigh,
    kWordCount,
    kHeadwordCount,
    kHeadwordSlotCount,
    kHeadwordFilterBlocks,
    kLongestHeadword,
    kStemCount,
    kStemSlotCount,
    kStemFilterBlocks,
    kHeadwordEntryWords,
    kPoolCount,
    kStampLow,  // of the sources' names, sizes and modification times; 0 when not to be trusted
    kStampHigh,
    kHeaderWords
};
constexpr std::uint32_t kMagicWord = 0x58494C41;  // "ALIX" in little-endian order
// Bumped whenever the layout, key_hash, checksum_bytes or what the loader builds from the TSVs
// changes.
constexpr std::uint32_t kFormatVersion = 6;
// A slot holds a record number (a headword's: its entry's offset) plus one in its low
// kRecordBits bits and the top bits of the key's hash above them: a probe compares strings
// only when the hash bits agree (a string compare reads another cache line).
constexpr unsigned kRecordBits = 20;
constexpr std::uint32_t kRecordMask = (std::uint32_t{1} << kRecordBits) - 1;
constexpr std::uint32_t tag_of(std::uint32_t hash) { return hash & ~kRecordMask; }
constexpr std::size_t kStemWords = 2;

// A key's hash is FNV-1a over its code points, 64 bits (LexiconIndex::hash_of): the same in
// writer and reader. Its low half folded with its high half picks the slot a key starts
// probing at (key_hash); the whole, mixed again, picks the key's filter bits.
std::uint32_t key_hash(std::uint64_t full) { return static_cast<std::uint32_t>(full ^ (full >> 32)); }

// A blocked Bloom filter over each table's keys: one 64-bit block a key, four bits set in it.
// Most look-ups are of words the lexicon does not have (a Korean word's stem candidates, the
// parts a compound might split into), and the filter, 16 bits a key, stays in the processor's
// nearest caches where the slots and strings it spares would not: it answers most of them
// without touching the table (at 16 bits a key, about 1 unknown word in 200 passes it; see
// the tests).
struct FilterBits {
    std::size_t block;
    std::uint64_t bits;
};
FilterBits filter_bits(std::uint64_t full, std::size_t block_count) {
    std::uint64_t mixed = (full ^ (full >> 31)) * 0xBF58476D1CE4E5B9ull;
    mixed ^= mixed >> 29;
    std::uint64_t bits = 0;
    for (int k = 0; k < 4; ++k) bits |= std::uint64_t{1} << ((mixed >> (40 + 6 * k)) & 63);
    return {static_cast<std::size_t>(mixed & (block_count - 1)), bits};
}
// A power of two of blocks giving at least 16 bits a key.
std::size_t filter_block_count_for(std::size_t count) {
    std::size_t blocks = 1;
    while (blocks * 64 < count * 16) blocks *= 2;
    return blocks;
}

// A power of two at least 1.5 times `count`: probes stay short and always meet an empty slot,
// and the slots stay a small part of the file read and checked at every start.
std::size_t slot_count_for(std::size_t count) {
    std::size_t slots = 16;
    while (slots < count + count / 2) slots *= 2;
    return slots;
}

// Equality as bytes: basic_string_view<char32_t>'s == compares code points one by one for
// their order.
bool same_text(std::u32string_view a, std::u32string_view b) {
    return a.size() == b.size() && same_bytes(a.data(), b.data(), a.size() * sizeof(char32_t));
}

bool power_of_two(std::size_t n) { return n != 0 && (n & (n - 1)) == 0; }

std::uint64_t checksum_of(const char32_t* words, std::size_t count) {
    return checksum_bytes(std::string_view(reinterpret_cast<const char*>(words + kChecksumHigh + 1),
                                           (count - kChecksumHigh - 1) * sizeof(char32_t)));
}

}  // namespace

LexiconIndex::LexiconIndex(MappedFile file)
    : file_(std::move(file)), words_(static_cast<const char32_t*>(file_.data())), word_count_(file_.size() / sizeof(char32_t)) {}

std::uint64_t LexiconIndex::hash_of(std::u32string_view key) {
    std::uint64_t hash = kEmptyHash;
    for (const char32_t c : key) hash = extend_hash(hash, c);
    return hash;
}

std::u32string_view LexiconIndex::Stems::operator[](std::size_t i) const { return index_->stem_text(number(i)); }

std::uint32_t LexiconIndex::Stems::number(std::size_t i) const { return index_->word(first_ + i); }

std::shared_ptr<const LexiconIndex> LexiconIndex::open(const std::filesystem::path& file, const BuiltFrom& built_from) {
    std::optional<MappedFile> mapped = MappedFile::open(file);
    if (!mapped || mapped->size() < kHeaderWords * sizeof(char32_t) || mapped->size() % sizeof(char32_t) != 0) return nullptr;
    const std::size_t word_count = mapped->size() / sizeof(char32_t);
    std::shared_ptr<LexiconIndex> index(new LexiconIndex(std::move(*mapped)));
    if (index->word(kMagic) != kMagicWord || index->word(kVersion) != kFormatVersion) return nullptr;
    const std::uint64_t fingerprint = index->word(kFingerprintLow) | std::uint64_t{index->word(kFingerprintHigh)} << 32;
    const std::uint64_t stamp = index->word(kStampLow) | std::uint64_t{index->word(kStampHigh)} << 32;
    if (!built_from(stamp, fingerprint)) return nullptr;  // built from other TSVs: stale
    const std::uint64_t checksum = index->word(kChecksumLow) | std::uint64_t{index->word(kChecksumHigh)} << 32;
    if (index->word(kWordCount) != word_count || checksum != checksum_of(index->words_, word_count)) return nullptr;
    if (!index->lay_out()) return nullptr;
    return index;
}

bool LexiconIndex::lay_out() {
    // 64-bit sums: a crafted count cannot wrap around to look in bounds.
    std::uint64_t at = kHeaderWords;
    auto section = [&at](std::uint64_t words) {
        const std::uint64_t start = at;
        at += words;
        return static_cast<std::size_t>(start);
    };
    headwords_.count = word(kHeadwordCount);
    headword_entry_words_ = word(kHeadwordEntryWords);
    headword_entries_at_ = section(headword_entry_words_);
    headwords_.slot_count = word(kHeadwordSlotCount);
    headwords_.slots_at = section(headwords_.slot_count);
    headwords_.filter_blocks = word(kHeadwordFilterBlocks);
    headwords_.filter_at = section(std::uint64_t{2} * headwords_.filter_blocks);
    longest_headword_ = word(kLongestHeadword);
    stems_.count = word(kStemCount);
    stems_.record_words = kStemWords;
    stems_.records_at = section(std::uint64_t{kStemWords} * stems_.count);
    stems_.slot_count = word(kStemSlotCount);
    stems_.slots_at = section(stems_.slot_count);
    stems_.filter_blocks = word(kStemFilterBlocks);
    stems_.filter_at = section(std::uint64_t{2} * stems_.filter_blocks);
    pool_count_ = word(kPoolCount);
    pool_at_ = section(pool_count_);
    if (at != word_count_) return false;
    if (!table_valid(stems_)) return false;
    // The entries, walked from the first: each whole inside the section, no longer than the
    // longest headword, its stems real stem records, the last ending where the section does.
    // One bit a word of the section, set where an entry starts (plain words and shifts: as a
    // std::vector<bool> this took a fifth of the walk).
    std::vector<std::uint64_t> entry_starts((headword_entry_words_ + 63) / 64, 0);
    std::size_t offset = 0;
    for (std::size_t entry = 0; entry < headwords_.count; ++entry) {
        if (offset + 2 > headword_entry_words_) return false;
        const std::size_t length = word(headword_entries_at_ + offset);
        const std::size_t stems = word(headword_entries_at_ + offset + 1);
        if (length > longest_headword_ || std::uint64_t{offset} + 2 + length + stems > headword_entry_words_) return false;
        entry_starts[offset / 64] |= std::uint64_t{1} << (offset % 64);
        const std::size_t first_stem = headword_entries_at_ + offset + 2 + length;
        for (std::size_t k = 0; k < stems; ++k) {
            if (word(first_stem + k) >= stems_.count) return false;
        }
        offset += 2 + length + stems;
    }
    if (offset != headword_entry_words_) return false;
    // More slots than headwords (a probe always meets an empty slot), each pointing at the start
    // of an entry: a crafted slot into the middle of one would read stems as a length.
    if (!power_of_two(headwords_.slot_count) || headwords_.slot_count <= headwords_.count) return false;
    if (!power_of_two(headwords_.filter_blocks)) return false;
    for (std::size_t slot = 0; slot < headwords_.slot_count; ++slot) {
        const std::size_t entry = word(headwords_.slots_at + slot) & kRecordMask;
        if (entry != 0 && (entry - 1 >= headword_entry_words_ || ((entry_starts[(entry - 1) / 64] >> ((entry - 1) % 64)) & 1U) == 0))
            return false;
    }
    return true;
}

bool LexiconIndex::table_valid(const Table& table) const {
    // More slots than records: a probe always meets an empty slot.
    if (!power_of_two(table.slot_count) || table.slot_count <= table.count) return false;
    if (!power_of_two(table.filter_blocks)) return false;
    for (std::size_t record = 0; record < table.count; ++record) {
        const std::size_t at = table.records_at + table.record_words * record;
        if (std::uint64_t{word(at)} + word(at + 1) > pool_count_) return false;
    }
    for (std::size_t slot = 0; slot < table.slot_count; ++slot) {
        if ((word(table.slots_at + slot) & kRecordMask) > table.count) return false;
    }
    return true;
}

std::u32string_view LexiconIndex::string_of(const Table& table, std::size_t record) const {
    const std::size_t at = table.records_at + table.record_words * record;
    return {words_ + pool_at_ + word(at), word(at + 1)};
}

bool LexiconIndex::may_hold(const Table& table, std::uint64_t full) const {
    const FilterBits filter = filter_bits(full, table.filter_blocks);
    const std::size_t at = table.filter_at + 2 * filter.block;
    const std::uint64_t block = word(at) | std::uint64_t{word(at + 1)} << 32;
    return (block & filter.bits) == filter.bits;
}

template <class Matches>
std::optional<std::size_t> LexiconIndex::probe(const Table& table, std::uint64_t full, Matches matches) const {
    if (!may_hold(table, full)) return std::nullopt;
    const std::size_t mask = table.slot_count - 1;
    // At most slot_count probes, even in a file whose slots are all taken.
    const std::uint32_t hash = key_hash(full);
    for (std::size_t slot = hash & mask, probes = 0; probes < table.slot_count; slot = (slot + 1) & mask, ++probes) {
        const std::uint32_t content = word(table.slots_at + slot);
        const std::uint32_t entry = content & kRecordMask;
        if (entry == 0) return std::nullopt;
        if (tag_of(content) == tag_of(hash) && matches(std::size_t{entry} - 1)) return entry - 1;
    }
    return std::nullopt;
}

std::optional<LexiconIndex::Stems> LexiconIndex::find(std::u32string_view headword, std::uint64_t full) const {
    // A headword's slot holds its entry's offset: length, stem count, code points, stems.
    auto entry_of = [this](std::size_t offset) { return headword_entries_at_ + offset; };
    const auto offset = probe(headwords_, full, [&](std::size_t candidate) {
        const std::size_t at = entry_of(candidate);
        return word(at) == headword.size() && same_text({words_ + at + 2, headword.size()}, headword);
    });
    if (!offset) return std::nullopt;
    const std::size_t at = entry_of(*offset);
    return Stems(this, at + 2 + headword.size(), word(at + 1));
}

bool LexiconIndex::may_have(std::u32string_view headword) const { return may_hold(headwords_, hash_of(headword)); }

void LexiconIndex::prefetch_hash(std::uint64_t hash) const {
    if (may_hold(headwords_, hash)) __builtin_prefetch(words_ + headwords_.slots_at + (key_hash(hash) & (headwords_.slot_count - 1)));
}

std::optional<std::uint32_t> LexiconIndex::stem_number(std::u32string_view stem) const {
    const auto record = probe(stems_, hash_of(stem), [&](std::size_t candidate) { return same_text(string_of(stems_, candidate), stem); });
    if (!record) return std::nullopt;
    return static_cast<std::uint32_t>(*record);
}

std::size_t LexiconIndex::headword_count() const { return headwords_.count; }

std::size_t LexiconIndex::longest_headword() const { return longest_headword_; }

std::vector<std::pair<std::u32string, std::vector<std::u32string>>> LexiconIndex::entries() const {
    std::vector<std::pair<std::u32string, std::vector<std::u32string>>> out;
    std::size_t at = headword_entries_at_;
    for (std::size_t entry = 0; entry < headwords_.count; ++entry) {
        const std::size_t length = word(at);
        const Stems list(this, at + 2 + length, word(at + 1));
        std::vector<std::u32string> stems;
        for (std::size_t i = 0; i < list.size(); ++i) stems.emplace_back(list[i]);
        out.emplace_back(std::u32string(words_ + at + 2, length), std::move(stems));
        at += 2 + length + list.size();
    }
    return out;
}

std::vector<std::u32string> LexiconIndex::stems() const {
    std::vector<std::u32string> out;
    for (std::size_t record = 0; record < stems_.count; ++record) out.emplace_back(string_of(stems_, record));
    return out;
}

void LexiconIndex::write(const std::filesystem::path& file, std::uint64_t source_stamp, std::uint64_t source_fingerprint,
                         std::vector<std::pair<std::u32string, std::vector<std::u32string>>> entries,
                         std::vector<std::u32string> stems) {
    if (entries.size() >= kRecordMask || stems.size() >= kRecordMask)
        throw DataError(file.string(), "too many lexicon entries for the index (at most " + std::to_string(kRecordMask - 1) + ")");
    // Sorted, so that the same sources always give the same bytes.
    std::sort(entries.begin(), entries.end());
    std::sort(stems.begin(), stems.end());
    std::vector<char32_t> pool;
    auto pooled = [&pool](std::u32string_view text) {
        const auto offset = static_cast<char32_t>(pool.size());
        pool.insert(pool.end(), text.begin(), text.end());
        return offset;
    };
    auto stem_number = [&stems](const std::u32string& stem) {
        return static_cast<char32_t>(std::lower_bound(stems.begin(), stems.end(), stem) - stems.begin());
    };
    std::vector<char32_t> headword_entries, stem_records;
    std::vector<std::size_t> entry_offsets;
    for (const auto& [headword, list] : entries) {
        entry_offsets.push_back(headword_entries.size());
        headword_entries.push_back(static_cast<char32_t>(headword.size()));
        headword_entries.push_back(static_cast<char32_t>(list.size()));
        headword_entries.insert(headword_entries.end(), headword.begin(), headword.end());
        for (const auto& stem : list) headword_entries.push_back(stem_number(stem));
    }
    if (headword_entries.size() >= kRecordMask)
        throw DataError(file.string(), "too many lexicon entries for the index (their entries take more than " +
                                           std::to_string(kRecordMask - 1) + " words)");
    for (const auto& stem : stems) stem_records.insert(stem_records.end(), {pooled(stem), static_cast<char32_t>(stem.size())});
    // Slot contents: a key's record number + 1, for a headword its entry's offset + 1.
    auto slots_of = [](const auto& keys, auto key_of, auto record_of) {
        std::vector<char32_t> slots(slot_count_for(keys.size()), 0);
        const std::size_t mask = slots.size() - 1;
        for (std::size_t record = 0; record < keys.size(); ++record) {
            const std::uint32_t hash = key_hash(LexiconIndex::hash_of(key_of(keys[record])));
            std::size_t slot = hash & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = static_cast<char32_t>(tag_of(hash) | static_cast<std::uint32_t>(record_of(record) + 1));
        }
        return slots;
    };
    auto filter_of = [](const auto& keys, auto key_of) {
        const std::size_t blocks = filter_block_count_for(keys.size());
        std::vector<char32_t> filter(2 * blocks, 0);
        for (const auto& key : keys) {
            const FilterBits bits = filter_bits(LexiconIndex::hash_of(key_of(key)), blocks);
            filter[2 * bits.block] |= static_cast<char32_t>(bits.bits & 0xFFFFFFFFu);
            filter[2 * bits.block + 1] |= static_cast<char32_t>(bits.bits >> 32);
        }
        return filter;
    };
    auto headword_of = [](const auto& entry) -> std::u32string_view { return entry.first; };
    auto stem_of = [](const auto& stem) -> std::u32string_view { return stem; };
    const auto headword_slots = slots_of(entries, headword_of, [&entry_offsets](std::size_t record) { return entry_offsets[record]; });
    const auto headword_filter = filter_of(entries, headword_of);
    const auto stem_slots = slots_of(stems, stem_of, [](std::size_t record) { return record; });
    const auto stem_filter = filter_of(stems, stem_of);

    std::vector<char32_t> words(kHeaderWords, 0);
    for (const std::vector<char32_t>* section : std::initializer_list<const std::vector<char32_t>*>{
             &headword_entries, &headword_slots, &headword_filter, &stem_records, &stem_slots, &stem_filter, &pool})
        words.insert(words.end(), section->begin(), section->end());
    words[kMagic] = kMagicWord;
    words[kVersion] = kFormatVersion;
    words[kFingerprintLow] = static_cast<char32_t>(source_fingerprint & 0xFFFFFFFFu);
    words[kFingerprintHigh] = static_cast<char32_t>(source_fingerprint >> 32);
    words[kStampLow] = static_cast<char32_t>(source_stamp & 0xFFFFFFFFu);
    words[kStampHigh] = static_cast<char32_t>(source_stamp >> 32);
    words[kWordCount] = static_cast<char32_t>(words.size());
    words[kHeadwordCount] = static_cast<char32_t>(entries.size());
    words[kHeadwordSlotCount] = static_cast<char32_t>(headword_slots.size());
    words[kHeadwordFilterBlocks] = static_cast<char32_t>(headword_filter.size() / 2);
    std::size_t longest = 0;
    for (const auto& entry : entries) longest = std::max(longest, entry.first.size());
    words[kLongestHeadword] = static_cast<char32_t>(longest);
    words[kStemCount] = static_cast<char32_t>(stems.size());
    words[kStemSlotCount] = static_cast<char32_t>(stem_slots.size());
    words[kStemFilterBlocks] = static_cast<char32_t>(stem_filter.size() / 2);
    words[kHeadwordEntryWords] = static_cast<char32_t>(headword_entries.size());
    words[kPoolCount] = static_cast<char32_t>(pool.size());
    const std::uint64_t checksum = checksum_of(words.data(), words.size());
    words[kChecksumLow] = static_cast<char32_t>(checksum & 0xFFFFFFFFu);
    words[kChecksumHigh] = static_cast<char32_t>(checksum >> 32);
    AtomicFile out(file);
    out.write(std::string_view(reinterpret_cast<const char*>(words.data()), words.size() * sizeof(char32_t)));
    out.commit();
}

}  // namespace artalign
