// Which writing systems a text is in: how a Korean page given where the English one is
// expected (or the other way round) is caught before it is aligned.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace artalign {

/// Counts of letters (Unicode alphabetic code points) by whether their script belongs to a
/// language, as ICU's locale data says (uscript_getCode: "ko" -> Hangul, Han; "en" -> Latin).
class ScriptShare {
public:
    /// The scripts of `language` (a BCP 47 code). Throws DataError when ICU knows none.
    explicit ScriptShare(const std::string& language);

    /// The share of the letters of `text` written in the language's scripts, 0 to 1; 0 when
    /// `text` has no letters. Invalid UTF-8 is skipped.
    double of(std::string_view text) const;
    /// Letters counted by script: all of them, those of `first`'s scripts, those of `second`'s.
    struct LetterCounts {
        std::size_t letters = 0;
        std::size_t in_first = 0;
        std::size_t in_second = 0;
        /// The shares first.of() and second.of() give for the text counted.
        std::pair<double, double> shares() const;
    };
    /// Adds the letters of `text` to `counts`, reading it once for both languages.
    static void count(std::string_view text, const ScriptShare& first, const ScriptShare& second, LetterCounts& counts);

    /// The language's English name, e.g. "Korean" (looked up when asked: ICU's display names
    /// cost a start more than the rest of the check, and only error messages use them), and its
    /// scripts', e.g. "Hangul or Han".
    std::string language_name() const;
    const std::string& script_names() const { return script_names_; }

private:
    bool holds(int script) const;  // whether `script` (a UScriptCode) is one of the language's

    std::vector<int> scripts_;  // UScriptCode values
    std::string language_;      // the BCP 47 code
    std::string script_names_;
};

}  // namespace artalign
