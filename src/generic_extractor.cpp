// The generic extractor: Readability-style scoring of text containers, then the winner's
// paragraphs without link lists, captions and boilerplate.
#include "artalign/generic_extractor.hpp"

#include <libxml/tree.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <memory>

#include "artalign/article_extractor.hpp"
#include "artalign/error.hpp"
#include "artalign/html_document.hpp"
#include "artalign/key_value_file.hpp"
#include "artalign/text.hpp"
#include "detail/regex.hpp"

namespace artalign {
namespace {

// Readability's constants: a class/id word moves a container by 25 points; a paragraph is
// worth 1, plus one per comma, plus one per 100 characters up to 3; the grandparent gets half.
constexpr double kClassWeight = 25.0;
constexpr double kCharsPerPoint = 100.0;
constexpr double kMaxLengthPoints = 3.0;
// A paragraph with more than half its text in links is navigation, not article.
constexpr double kMaxParagraphLinkDensity = 0.5;
constexpr std::size_t kTopCandidates = 5;
// Blocks named like boilerplate are dropped only when shorter than this (code points).
constexpr std::size_t kMaxBoilerplateChars = 300;

bool name_is(const xmlNode* node, std::initializer_list<const char*> names) {
    if (node->type != XML_ELEMENT_NODE) return false;
    for (const char* name : names) {
        if (xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0) return true;
    }
    return false;
}

bool is_excluded(const xmlNode* node) {
    return name_is(node, {"script", "style", "noscript", "template", "form", "button", "nav", "iframe", "select",
                          "object", "embed", "svg", "video", "audio", "canvas", "header", "footer", "aside",
                          "figure", "figcaption", "head", "menu"});
}

bool is_block(const xmlNode* node) {
    return name_is(node, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "table",
                          "tr", "td", "th", "section", "article", "main", "dl", "dt", "dd", "pre", "hr", "center"});
}

bool is_paragraph_element(const xmlNode* node) { return name_is(node, {"p", "pre", "blockquote"}); }

std::string attribute(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (value == nullptr) return {};
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

// A rules pattern, matched case-insensitively through the compiled-pattern cache.
class Regex {
public:
    Regex(std::string pattern, std::string where) : pattern_(std::move(pattern)), where_(std::move(where)) {}
    bool find(const std::string& text) const {
        return detail::regex_find(pattern_, UREGEX_CASE_INSENSITIVE, text, where_);
    }

private:
    std::string pattern_;
    std::string where_;
};

struct CompiledRules {
    explicit CompiledRules(const GenericRules& rules)
        : positive(rules.positive_class.empty() ? "(?!)" : rules.positive_class, "generic.rules"),
          negative(rules.negative_class.empty() ? "(?!)" : rules.negative_class, "generic.rules"),
          min_chars(rules.min_paragraph_chars) {
        for (const auto& pattern : rules.byline_paragraph) byline.emplace_back(pattern, "generic.rules");
        for (const auto& pattern : rules.drop_paragraph) drop.emplace_back(pattern, "generic.rules");
    }
    Regex positive, negative;
    std::vector<Regex> byline, drop;
    std::size_t min_chars;

    double class_weight(const xmlNode* node) const {
        double weight = 0;
        for (const char* name : {"class", "id"}) {
            const std::string value = attribute(node, name);
            if (value.empty()) continue;
            if (negative.find(value)) weight -= kClassWeight;
            if (positive.find(value)) weight += kClassWeight;
        }
        return weight;
    }
};

// A paragraph of text and how much of it sits inside links.
struct Paragraph {
    std::string text;
    std::size_t chars = 0;
    std::size_t linked_chars = 0;
    double link_density() const { return chars == 0 ? 0.0 : static_cast<double>(linked_chars) / static_cast<double>(chars); }
};

// The code points of a block's paragraphs, and how many of them sit inside links.
struct TextAmount {
    std::size_t chars = 0;
    std::size_t linked_chars = 0;
    void add(std::size_t more_chars, std::size_t more_linked) {
        chars += more_chars;
        linked_chars += more_linked;
    }
};

// What one page's blocks hold and which of them are boilerplate, each block measured once.
// Measuring a block counts its own runs of text and adds the remembered amounts of the blocks
// inside it, so the page is read a bounded number of times whatever its nesting. (Walking each
// block's whole subtree on every question made a chain of nested boilerplate-looking blocks,
// which malformed pages with unclosed <div>s produce, cost time exponential in its depth.)
class BlockMeasures {
public:
    explicit BlockMeasures(const CompiledRules& rules) : rules_(rules) {}

    const CompiledRules& rules() const { return rules_; }

    // A block whose class or id says menu, share box or caption, and whose text agrees: short
    // or mostly links. A long text in such a block is taken for content (on malformed pages an
    // unclosed caption <div> swallows the article).
    bool is_boilerplate(const xmlNode* block);

    // The text of the paragraphs read from `block` (boilerplate blocks inside it skipped);
    // `in_link` when the block sits inside an <a>, which makes all its text linked.
    TextAmount amount(const xmlNode* block, bool in_link);

private:
    const CompiledRules& rules_;
    std::unordered_map<const xmlNode*, bool> boilerplate_;
    std::unordered_map<const xmlNode*, TextAmount> amounts_[2];  // [in_link]
};

// Splits a container's text into paragraphs at <br> and block elements, counting linked text.
// What happens at a block element inside the container depends on the mode.
class Collector {
public:
    enum class Blocks {
        read,     // read it as more paragraphs (unless boilerplate): the article's text
        stop,     // skip it: only the container's own runs of text, which scoring needs
        measure,  // add its remembered amount of text (unless boilerplate): BlockMeasures
    };

    Collector(BlockMeasures& measures, Blocks blocks) : measures_(measures), blocks_(blocks) {}

    std::vector<Paragraph> collect(const xmlNode* root, bool in_link = false) {
        walk(root, in_link);
        flush();
        return std::move(paragraphs_);
    }

    // Blocks::measure: the amount of text in the paragraphs `root` holds.
    TextAmount measure(const xmlNode* root, bool in_link) {
        for (const Paragraph& paragraph : collect(root, in_link)) amount_.add(paragraph.chars, paragraph.linked_chars);
        return amount_;
    }

private:
    void walk(const xmlNode* node, bool in_link) {
        for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
            if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                if (child->content == nullptr) continue;
                const std::string text(reinterpret_cast<const char*>(child->content));
                buffer_ += text;
                if (in_link) linked_ += count_code_points(collapse_whitespace(text));
                continue;
            }
            if (child->type != XML_ELEMENT_NODE || is_excluded(child)) continue;
            if (name_is(child, {"br"})) {
                flush();
                continue;
            }
            if (is_block(child)) {
                flush();
                if (blocks_ == Blocks::stop || measures_.is_boilerplate(child)) continue;  // e.g. a share box in the body
                if (blocks_ == Blocks::measure) {
                    const TextAmount inside = measures_.amount(child, in_link);
                    amount_.add(inside.chars, inside.linked_chars);
                    continue;
                }
                walk(child, in_link);
                flush();
                continue;
            }
            walk(child, in_link || name_is(child, {"a"}));
        }
    }

    void flush() {
        Paragraph paragraph;
        paragraph.text = normalize_nfc(collapse_whitespace(buffer_));
        paragraph.chars = count_code_points(paragraph.text);
        paragraph.linked_chars = std::min(linked_, paragraph.chars);
        buffer_.clear();
        linked_ = 0;
        if (!paragraph.text.empty()) paragraphs_.push_back(std::move(paragraph));
    }

    BlockMeasures& measures_;
    Blocks blocks_;
    std::string buffer_;
    std::size_t linked_ = 0;
    std::vector<Paragraph> paragraphs_;
    TextAmount amount_;  // of the blocks inside, in Blocks::measure
};

bool BlockMeasures::is_boilerplate(const xmlNode* block) {
    if (const auto known = boilerplate_.find(block); known != boilerplate_.end()) return known->second;
    bool boilerplate = false;
    if (rules_.class_weight(block) < 0) {
        const TextAmount text = amount(block, false);
        boilerplate = text.chars < kMaxBoilerplateChars || text.linked_chars * 2 > text.chars;
    }
    boilerplate_.emplace(block, boilerplate);
    return boilerplate;
}

TextAmount BlockMeasures::amount(const xmlNode* block, bool in_link) {
    auto& amounts = amounts_[in_link ? 1 : 0];
    if (const auto known = amounts.find(block); known != amounts.end()) return known->second;
    const TextAmount measured = Collector(*this, Collector::Blocks::measure).measure(block, in_link);
    amounts.emplace(block, measured);
    return measured;
}

std::size_t count_commas(const std::string& text) {
    std::size_t commas = 0;
    for (std::size_t at = 0; (at = text.find(',', at)) != std::string::npos; ++at) ++commas;
    for (const char* wide : {"，", "、"}) {
        for (std::size_t at = 0; (at = text.find(wide, at)) != std::string::npos; ++at) ++commas;
    }
    return commas;
}

double paragraph_score(const Paragraph& paragraph) {
    return 1.0 + static_cast<double>(count_commas(paragraph.text)) +
           std::min(static_cast<double>(paragraph.chars) / kCharsPerPoint, kMaxLengthPoints);
}

class Scorer {
public:
    explicit Scorer(BlockMeasures& measures) : measures_(measures), rules_(measures.rules()) {}

    void visit(xmlNode* node) {
        for (xmlNode* child = node->children; child != nullptr; child = child->next) {
            if (child->type != XML_ELEMENT_NODE || is_excluded(child)) continue;
            if (measures_.is_boilerplate(child)) continue;
            if (is_paragraph_element(child)) {
                for (const Paragraph& paragraph : Collector(measures_, Collector::Blocks::read).collect(child))
                    score(paragraph, node);
                continue;
            }
            // Runs of text directly inside a container (the <br>-separated legacy body).
            if (is_block(child)) {
                for (const Paragraph& paragraph : Collector(measures_, Collector::Blocks::stop).collect(child))
                    score(paragraph, child);
            }
            visit(child);
        }
    }

    // The container with the highest score once scaled by link density. Only the
    // kTopCandidates best unscaled scores are scaled (as Readability keeps its top five).
    xmlNode* best() const {
        std::vector<std::pair<double, xmlNode*>> ranked;
        for (const auto& [node, raw] : scores_) ranked.emplace_back(raw + rules_.class_weight(node), node);
        const std::size_t top = std::min<std::size_t>(kTopCandidates, ranked.size());
        std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top), ranked.end(),
                          [](const auto& a, const auto& b) { return a.first > b.first; });
        xmlNode* winner = nullptr;
        double best_score = 0;
        for (std::size_t k = 0; k < top; ++k) {
            const double total = ranked[k].first * (1.0 - link_density(ranked[k].second));
            if (total > best_score) {
                best_score = total;
                winner = ranked[k].second;
            }
        }
        return winner;
    }

private:
    void score(const Paragraph& paragraph, xmlNode* container) {
        if (paragraph.chars < rules_.min_chars || paragraph.link_density() > kMaxParagraphLinkDensity) return;
        const double points = paragraph_score(paragraph);
        scores_[container] += points;
        if (container->parent != nullptr && container->parent->type == XML_ELEMENT_NODE)
            scores_[container->parent] += points / 2;
    }

    double link_density(const xmlNode* node) const {
        const TextAmount text = measures_.amount(node, false);
        return text.chars == 0 ? 1.0 : static_cast<double>(text.linked_chars) / static_cast<double>(text.chars);
    }

    BlockMeasures& measures_;
    const CompiledRules& rules_;
    std::map<xmlNode*, double> scores_;
};

std::string first_text(const HtmlDocument& page, std::initializer_list<const char*> xpaths) {
    for (const char* xpath : xpaths) {
        if (std::string text = page.select_text(xpath); !text.empty()) return text;
    }
    return {};
}

// "2022-11-21T18:51:00+0900" -> "2022-11-21T18:51:00+09:00"; other strings unchanged.
// The colon goes in as a character, not as the string ":": inserting a string literal into a
// std::string draws a false -Wrestrict warning from GCC 12 in Release (C++20) builds.
std::string tidy_iso_date(std::string date) {
    if (date.size() == 24 && date[10] == 'T' && (date[19] == '+' || date[19] == '-')) date.insert(22, 1, ':');
    return date;
}

std::string language_of(const HtmlDocument& page, const std::vector<Paragraph>& paragraphs) {
    std::string lang = page.select_text("/html/@lang");
    if (lang.empty()) lang = page.select_text("//meta[@http-equiv='content-language' or @http-equiv='Content-Language']/@content");
    if (lang.size() >= 2) {
        std::string code = lang.substr(0, 2);
        for (char& c : code) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return code;
    }
    std::size_t hangul = 0, letters = 0;
    for (const Paragraph& paragraph : paragraphs) {
        std::size_t offset = 0;
        while (offset < paragraph.text.size()) {
            const int32_t c = next_code_point(paragraph.text, offset);
            if (c < 0 || !u_isalpha(c)) continue;
            ++letters;
            if (ublock_getCode(c) == UBLOCK_HANGUL_SYLLABLES) ++hangul;
        }
    }
    return letters > 0 && hangul * 10 > letters * 3 ? "ko" : "en";
}

}  // namespace

GenericRules GenericRules::load(const std::filesystem::path& file) {
    GenericRules rules;
    for (const auto& [key, value, where] : read_key_value_file(file, "the generic extractor's rules")) {
        if (key != "min_paragraph_chars") {  // every other key is a regular expression
            if (const std::string error = detail::regex_syntax_error(value, UREGEX_CASE_INSENSITIVE); !error.empty())
                throw DataError(where, "invalid regular expression for '" + key + "' (ICU: " + error + "): " + value);
        }
        if (key == "positive_class") {
            rules.positive_class = value;
        } else if (key == "negative_class") {
            rules.negative_class = value;
        } else if (key == "byline_paragraph") {
            rules.byline_paragraph.push_back(value);
        } else if (key == "drop_paragraph") {
            rules.drop_paragraph.push_back(value);
        } else if (key == "min_paragraph_chars") {
            if (value.find_first_not_of("0123456789") != std::string::npos || value.size() > 6)
                throw DataError(where, "min_paragraph_chars must be a number");
            rules.min_paragraph_chars = std::stoul(value);
        } else {
            throw DataError(where, "unknown key '" + key + "'");
        }
    }
    return rules;
}

Article extract_generic(const HtmlDocument& page, const GenericRules& rules, const std::string& url) {
    const CompiledRules compiled(rules);
    const auto bodies = page.select("//body");
    xmlNode* root = bodies.empty() ? xmlDocGetRootElement(page.get()) : bodies.front();
    BlockMeasures measures(compiled);
    Scorer scorer(measures);
    scorer.visit(root);
    xmlNode* container = scorer.best();
    if (container == nullptr)
        throw ParseError(page.source(), "no article found: no site profile matches and no block of text looks like "
                                        "an article body");

    Article article;
    article.url = url;
    article.profile = "generic";
    article.warnings.push_back("no site profile matches this page; the generic extractor chose the <" +
                               std::string(reinterpret_cast<const char*>(container->name)) + "> with " +
                               (attribute(container, "class").empty() ? "no class"
                                                                      : "class '" + attribute(container, "class") + "'"));
    article.title = first_text(page, {"//meta[@property='og:title']/@content", "//h1", "//title"});
    article.section = first_text(page, {"//meta[@property='article:section']/@content"});
    article.published = tidy_iso_date(first_text(
        page, {"//meta[@property='article:published_time']/@content", "//*[@itemprop='datePublished']/@content",
               "//*[@itemprop='datePublished']/@datetime", "//time[@datetime][1]/@datetime"}));
    article.modified = tidy_iso_date(first_text(
        page, {"//meta[@property='article:modified_time']/@content", "//*[@itemprop='dateModified']/@content",
               "//*[@itemprop='dateModified']/@datetime"}));
    article.byline = first_text(page, {"//meta[@name='author']/@content", "//*[@rel='author']"});

    const std::vector<Paragraph> paragraphs = Collector(measures, Collector::Blocks::read).collect(container);
    for (const Paragraph& paragraph : paragraphs) {
        if (paragraph.link_density() > kMaxParagraphLinkDensity) continue;
        if (paragraph.text == article.title) continue;
        if (std::any_of(compiled.drop.begin(), compiled.drop.end(),
                        [&](const Regex& regex) { return regex.find(paragraph.text); }))
            continue;
        if (std::any_of(compiled.byline.begin(), compiled.byline.end(),
                        [&](const Regex& regex) { return regex.find(paragraph.text); })) {
            if (article.byline.empty()) article.byline = paragraph.text;
            continue;
        }
        article.paragraphs.push_back(paragraph.text);
    }
    if (article.paragraphs.empty())
        throw ParseError(page.source(), "no article found: the best block of text holds only links or boilerplate");
    article.language = language_of(page, paragraphs);
    return article;
}

}  // namespace artalign
