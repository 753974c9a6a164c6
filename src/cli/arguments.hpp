// Command-line parsing for artalign's verbs: long and short options, flags, positionals.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace artalign::cli {

/// Bad command-line usage: exit code 2.
class UsageError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The candidate nearest to `word` by edit distance (Damerau-Levenshtein, a swap of two
/// neighbouring letters counting one), when near enough to be a typo of it: at most one edit
/// for words of up to 4 characters, two for longer ones. Empty when none is.
std::string nearest_name(const std::string& word, const std::vector<std::string>& candidates);

/// " did you mean 'NAME'?" for the candidate nearest to `word`, or empty: for error messages.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

/// The value of --OPTION as a whole number from `min` to `max` (read_whole_number: digits only).
/// Throws UsageError "--OPTION takes WHAT from MIN to MAX, not 'TEXT'", WHAT being e.g.
/// "a whole number of seconds".
std::uint64_t parse_whole_number_option(std::string_view option, std::string_view text, std::string_view what,
                                        std::uint64_t min, std::uint64_t max);

/// The value of --OPTION as a decimal from `min` to `max` (read_decimal: digits and one '.').
/// Throws UsageError "--OPTION takes WHAT from MIN to MAX, not 'TEXT'"; with an infinite `max`,
/// "--OPTION takes WHAT of at least MIN, not 'TEXT'".
double parse_decimal_option(std::string_view option, std::string_view text, std::string_view what, double min,
                            double max);

/// The value of --jobs: a whole number from 1 to 1024. Throws UsageError otherwise.
unsigned parse_jobs(const std::string& text);

/// Declares a verb's options, parses its arguments and prints its --help.
class ArgumentParser {
public:
    ArgumentParser(std::string usage, std::string description);

    /// A flag such as --quiet/-q. `short_name` may be 0.
    void add_flag(const std::string& long_name, char short_name, const std::string& help);
    /// An option taking a value, such as --output/-o FILE.
    void add_option(const std::string& long_name, char short_name, const std::string& value_name,
                    const std::string& help);

    /// Parses `arguments` (without the program and verb). Throws UsageError on an unknown
    /// option, a missing value, or a positional count outside [min, max].
    void parse(const std::vector<std::string>& arguments, std::size_t min_positional, std::size_t max_positional);

    /// Whether an option or flag of that name was declared (given or not).
    bool declares(const std::string& long_name) const { return find_long(long_name) != nullptr; }
    bool flag(const std::string& long_name) const;
    std::optional<std::string> option(const std::string& long_name) const;
    const std::vector<std::string>& positional() const { return positional_; }

    std::string help() const;

    /// After parse(): when --help/-h was given, prints help() on stdout and returns true (the
    /// verb then exits 0 without doing its work).
    bool print_help_if_asked() const;

private:
    struct Spec {
        std::string long_name;
        char short_name;
        std::string value_name;  // empty for flags
        std::string help;
    };
    const Spec* find_long(const std::string& name) const;
    const Spec* find_short(char name) const;

    std::string usage_;
    std::string description_;
    std::vector<Spec> specs_;
    std::map<std::string, std::string> values_;
    std::vector<std::string> positional_;
};

}  // namespace artalign::cli
