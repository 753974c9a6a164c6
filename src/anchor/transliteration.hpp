// Name and loanword anchors: Hangul romanised as ICU's Hangul-Latin transliterator does, and both
// sides reduced to a consonant skeleton, so that 트럼프 meets Trump and 스톡홀름 Stockholm.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace artalign {

/// Consonant skeletons of names. Both sides map consonants to sound classes (k/g/c/q -> K,
/// t/d -> T, p/b/f/v -> P, s/z/j/ch/sh -> S, l/r -> L, m -> M, n/ng -> N, H only word-initially),
/// drop vowels, English silent letters (r before a consonant or at the end, gh) and repeats:
/// "teuleompeu" and "Trump" both give "TLMP". Not thread-safe (ICU transliterators keep state).
class NameSkeletons {
public:
    /// Costs nothing: ICU's transliterator is made on the first romanize() of text that is not
    /// all Hangul syllables (which throws DataError when ICU has no Hangul-Latin transliterator).
    NameSkeletons();
    ~NameSkeletons();
    NameSkeletons(NameSkeletons&&) noexcept;
    NameSkeletons& operator=(NameSkeletons&&) noexcept;

    /// ICU's Hangul-Latin romanisation of Hangul text ("트럼프" -> "teuleompeu"); plain
    /// syllables are romanised without ICU (romanize_hangul_syllables), to the same letters.
    std::string romanize(std::u32string_view hangul) const;
    /// The same into `out`, reusing its storage.
    void romanize(std::u32string_view hangul, std::string& out) const;
    /// Skeleton of a Hangul word; empty when it has fewer than two consonant classes.
    std::string korean_skeleton(std::u32string_view hangul) const;
    /// The same into `skeleton`, reusing its storage and this object's (anchor extraction asks
    /// for the skeletons of every new word's stems).
    void korean_skeleton(std::u32string_view hangul, std::string& skeleton) const;
    /// The skeleton of romanised Korean (romanize()'s letters), as korean_skeleton() reads them.
    static void romanized_skeleton(std::string_view roman, std::string& skeleton);
    /// Skeleton of English (Latin) text, possibly several words run together; empty when it
    /// has fewer than two consonant classes.
    static std::string english_skeleton(std::u32string_view latin);
    /// The same into `skeleton`, reusing its storage.
    static void english_skeleton(std::u32string_view latin, std::string& skeleton);

private:
    mutable std::unique_ptr<icu::Transliterator> transliterator_;  // made when first needed, if ever
    mutable std::string roman_;  // korean_skeleton()'s romanisation, reused
};

}  // namespace artalign
