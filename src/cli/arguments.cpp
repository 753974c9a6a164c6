// Command-line parsing for artalign's verbs.
#include "arguments.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "util/parse_number.hpp"

namespace artalign::cli {
namespace {

// A usage of several lines (one a form of the verb) as one line for an error message: the
// forms joined by " or ".
std::string usage_line(std::string_view usage) {
    std::string line;
    for (std::size_t start = 0; start <= usage.size();) {
        const std::size_t end = std::min(usage.find('\n', start), usage.size());
        std::string_view form = usage.substr(start, end - start);
        form.remove_prefix(std::min(form.find_first_not_of(' '), form.size()));
        if (!form.empty()) line += (line.empty() ? "" : " or ") + std::string(form);
        start = end + 1;
    }
    return line;
}

// Optimal string alignment distance: insertions, deletions, substitutions and transpositions
// of neighbours, each costing one.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

}  // namespace

std::string nearest_name(const std::string& word, const std::vector<std::string>& candidates) {
    const std::size_t allowed = word.size() <= 4 ? 1 : 2;
    std::string best;
    std::size_t best_distance = allowed + 1;
    for (const std::string& candidate : candidates) {
        const std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    const std::string nearest = nearest_name(word, candidates);
    return nearest.empty() ? std::string() : "; did you mean '" + nearest + "'?";
}

std::uint64_t parse_whole_number_option(std::string_view option, std::string_view text, std::string_view what,
                                        std::uint64_t min, std::uint64_t max) {
    const std::optional<std::uint64_t> value = read_whole_number(text);
    if (!value || *value < min || *value > max)
        throw UsageError(fmt::format("--{} takes {} from {} to {}, not '{}'", option, what, min, max, text));
    return *value;
}

double parse_decimal_option(std::string_view option, std::string_view text, std::string_view what, double min,
                            double max) {
    const std::optional<double> value = read_decimal(text);
    if (!value || *value < min || *value > max) {
        if (std::isinf(max)) throw UsageError(fmt::format("--{} takes {} of at least {}, not '{}'", option, what, min, text));
        throw UsageError(fmt::format("--{} takes {} from {} to {}, not '{}'", option, what, min, max, text));
    }
    return *value;
}

unsigned parse_jobs(const std::string& text) {
    return static_cast<unsigned>(parse_whole_number_option("jobs", text, "a whole number", 1, 1024));
}

ArgumentParser::ArgumentParser(std::string usage, std::string description)
    : usage_(std::move(usage)), description_(std::move(description)) {
    add_flag("help", 'h', "show this help and exit");
}

void ArgumentParser::add_flag(const std::string& long_name, char short_name, const std::string& help) {
    specs_.push_back({long_name, short_name, "", help});
}

void ArgumentParser::add_option(const std::string& long_name, char short_name, const std::string& value_name,
                                const std::string& help) {
    specs_.push_back({long_name, short_name, value_name, help});
}

const ArgumentParser::Spec* ArgumentParser::find_long(const std::string& name) const {
    for (const Spec& spec : specs_) {
        if (spec.long_name == name) return &spec;
    }
    return nullptr;
}

const ArgumentParser::Spec* ArgumentParser::find_short(char name) const {
    for (const Spec& spec : specs_) {
        if (spec.short_name != 0 && spec.short_name == name) return &spec;
    }
    return nullptr;
}

void ArgumentParser::parse(const std::vector<std::string>& arguments, std::size_t min_positional,
                           std::size_t max_positional) {
    bool options_done = false;
    for (std::size_t k = 0; k < arguments.size(); ++k) {
        const std::string& argument = arguments[k];
        if (options_done || argument == "-" || argument.empty() || argument[0] != '-') {
            positional_.push_back(argument);
            continue;
        }
        if (argument == "--") {
            options_done = true;
            continue;
        }
        const Spec* spec = nullptr;
        std::optional<std::string> inline_value;
        if (argument.rfind("--", 0) == 0) {
            const std::string body = argument.substr(2);
            const auto equals = body.find('=');
            spec = find_long(body.substr(0, equals));
            if (equals != std::string::npos) inline_value = body.substr(equals + 1);
        } else if (argument.size() == 2) {
            spec = find_short(argument[1]);
        }
        if (spec == nullptr) {
            std::string guess;
            if (argument.rfind("--", 0) == 0) {
                std::vector<std::string> names;
                for (const Spec& known : specs_) names.push_back("--" + known.long_name);
                guess = did_you_mean(argument.substr(0, argument.find('=')), names);
            }
            throw UsageError("unknown option '" + argument + "'" + guess);
        }
        if (spec->value_name.empty()) {
            if (inline_value) throw UsageError("option '--" + spec->long_name + "' takes no value");
            values_[spec->long_name] = "";
            if (spec->long_name == "help") return;  // --help wins over everything else
            continue;
        }
        if (!inline_value) {
            if (k + 1 >= arguments.size()) throw UsageError("option '" + argument + "' needs a value (" + spec->value_name + ")");
            inline_value = arguments[++k];
        }
        values_[spec->long_name] = *inline_value;
    }
    if (positional_.size() < min_positional) throw UsageError("missing arguments; usage: " + usage_line(usage_));
    if (positional_.size() > max_positional) throw UsageError("too many arguments; usage: " + usage_line(usage_));
}

bool ArgumentParser::flag(const std::string& long_name) const { return values_.count(long_name) != 0; }

std::optional<std::string> ArgumentParser::option(const std::string& long_name) const {
    const auto found = values_.find(long_name);
    if (found == values_.end()) return std::nullopt;
    return found->second;
}

bool ArgumentParser::print_help_if_asked() const {
    if (!flag("help")) return false;
    std::fputs(help().c_str(), stdout);
    return true;
}

std::string ArgumentParser::help() const {
    std::string text = fmt::format("usage: {}\n\n{}\n\noptions:\n", usage_, description_);
    for (const Spec& spec : specs_) {
        std::string names = spec.short_name != 0 ? fmt::format("-{}, --{}", spec.short_name, spec.long_name)
                                                 : fmt::format("    --{}", spec.long_name);
        if (!spec.value_name.empty()) names += " " + spec.value_name;
        text += fmt::format("  {:<28} {}\n", names, spec.help);
    }
    return text;
}

}  // namespace artalign::cli
