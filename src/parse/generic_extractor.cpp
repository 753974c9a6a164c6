// The generic extractor: Readability-style scoring of text containers, then the winner's
// paragraphs without link lists, captions and boilerplate.
#include "parse/generic_extractor.hpp"

#include <libxml/tree.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <memory>
#include <string_view>
#include <unordered_set>

#include "parse/article_extractor.hpp"
#include "artalign/error.hpp"
#include "parse/html_document.hpp"
#include "util/key_value_file.hpp"
#include "util/text.hpp"
#include "util/regex.hpp"
#include "parse/script_article.hpp"

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
// Readability's sibling rule: a sibling of the winner joins the article when it scores at least
// a fifth of the winner (and at least 10), or is a paragraph of prose: 80 code points or more
// with under a quarter of them in links, or a shorter sentence without links.
constexpr double kSiblingShare = 0.2;
constexpr double kMinSiblingScore = 10.0;
constexpr std::size_t kProseChars = 80;
constexpr double kProseLinkDensity = 0.25;
// Blocks named like boilerplate are dropped only when shorter than this (code points).
constexpr std::size_t kMaxBoilerplateChars = 300;
// Article text held in a script is read when it has at least this many code points and more
// than this many times the text of the best block of the HTML body (pages that render from
// script data often show a teaser, or nothing, in the HTML).
constexpr std::size_t kMinScriptChars = 200;
constexpr double kScriptOverBody = 2.0;
// Two texts are the same article when half the word 4-grams of one are in the other.
constexpr double kMinSharedShingles = 0.5;

bool name_is(const xmlNode* node, std::initializer_list<const char*> names) {
    if (node->type != XML_ELEMENT_NODE) return false;
    for (const char* name : names) {
        if (xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0) return true;
    }
    return false;
}

// Elements whose text is never the article's, whatever they hold (a <form> is judged by its
// text: BlockMeasures::is_excluded).
bool is_excluded_tag(const xmlNode* node) {
    return name_is(node, {"script", "style", "noscript", "template", "button", "nav", "iframe", "select",
                          "object", "embed", "svg", "video", "audio", "canvas", "header", "footer", "aside",
                          "figure", "figcaption", "head", "menu"});
}

bool is_block(const xmlNode* node) {
    return name_is(node, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "table",
                          "tr", "td", "th", "section", "article", "main", "dl", "dt", "dd", "pre", "hr", "center"});
}

bool is_paragraph_element(const xmlNode* node) { return name_is(node, {"p", "pre", "blockquote"}); }

bool has_block_child(const xmlNode* node) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (is_block(child)) return true;
    }
    return false;
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
          caption(rules.caption_class.empty() ? "(?!)" : rules.caption_class, "generic.rules"),
          comments(rules.comments_class.empty() ? "(?!)" : rules.comments_class, "generic.rules"),
          min_chars(rules.min_paragraph_chars) {
        for (const auto& pattern : rules.byline_paragraph) byline.emplace_back(pattern, "generic.rules");
        for (const auto& pattern : rules.drop_paragraph) drop.emplace_back(pattern, "generic.rules");
    }
    Regex positive, negative, caption, comments;
    std::vector<Regex> byline, drop;
    std::size_t min_chars;

    double class_weight(const xmlNode* node) const {
        double weight = 0;
        for (const char* name : {"class", "id"}) {
            const std::string value = node_attribute(node, name);
            if (value.empty()) continue;
            if (negative.find(value)) weight -= kClassWeight;
            if (positive.find(value)) weight += kClassWeight;
        }
        return weight;
    }

    bool names_comments(const xmlNode* node) const {
        for (const char* name : {"class", "id"}) {
            if (const std::string value = node_attribute(node, name); !value.empty() && comments.find(value)) return true;
        }
        return false;
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

    // An element (block or inline) whose class or id says caption or credit, with a caption's
    // length of text: dropped whatever else its names say (a CSS-module name such as
    // "ArticleDetailContent_imageCaption__vEOsS" says "content" too).
    bool is_caption(const xmlNode* node);

    // An element whose text is not the article's: menus, scripts, media, readers' comments
    // (a long thread can hold more prose than the article it follows)... ASP.NET pages wrap
    // the whole page in one <form>: only a small form is a search box or a sign-up box.
    bool is_excluded(const xmlNode* node) {
        if (name_is(node, {"form"})) return visible_chars(node) < kMaxBoilerplateChars;
        if (is_excluded_tag(node)) return true;
        const auto known = comments_.find(node);
        return known != comments_.end() ? known->second : comments_.emplace(node, rules_.names_comments(node)).first->second;
    }

    // The code points other than white space in the text under `node` (scripts and styles
    // aside), counted up to kMaxBoilerplateChars only: all that the questions above need.
    std::size_t visible_chars(const xmlNode* node);

private:
    const CompiledRules& rules_;
    std::unordered_map<const xmlNode*, bool> boilerplate_;
    std::unordered_map<const xmlNode*, bool> comments_;  // whether its names say readers' comments
    std::unordered_map<const xmlNode*, TextAmount> amounts_[2];  // [in_link]
    std::unordered_map<const xmlNode*, bool> captions_;
    std::unordered_map<const xmlNode*, std::size_t> visible_chars_;
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
            if (child->type != XML_ELEMENT_NODE || measures_.is_excluded(child)) continue;
            if (name_is(child, {"br"})) {
                flush();
                continue;
            }
            if (measures_.is_caption(child)) {
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

bool BlockMeasures::is_caption(const xmlNode* node) {
    if (const auto known = captions_.find(node); known != captions_.end()) return known->second;
    bool named = false;
    for (const char* name : {"class", "id"}) {
        if (const std::string value = node_attribute(node, name); !value.empty() && rules_.caption.find(value)) named = true;
    }
    const bool caption = named && visible_chars(node) < kMaxBoilerplateChars;
    captions_.emplace(node, caption);
    return caption;
}

std::size_t BlockMeasures::visible_chars(const xmlNode* node) {
    if (const auto known = visible_chars_.find(node); known != visible_chars_.end()) return known->second;
    std::size_t chars = 0;
    for (const xmlNode* child = node->children; child != nullptr && chars < kMaxBoilerplateChars; child = child->next) {
        if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content != nullptr) {
            for (const xmlChar* c = child->content; *c != 0; ++c) {
                if ((*c & 0xC0) != 0x80 && *c != ' ' && *c != '\n' && *c != '\t' && *c != '\r') ++chars;
            }
        } else if (child->type == XML_ELEMENT_NODE && !name_is(child, {"script", "style"})) {
            chars += visible_chars(child);  // remembered: each element is counted once
        }
    }
    chars = std::min(chars, kMaxBoilerplateChars);
    visible_chars_.emplace(node, chars);
    return chars;
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
            if (child->type != XML_ELEMENT_NODE || measures_.is_excluded(child)) continue;
            if (measures_.is_boilerplate(child) || measures_.is_caption(child)) continue;
            if (is_paragraph_element(child)) {
                for (const Paragraph& paragraph : Collector(measures_, Collector::Blocks::read).collect(child))
                    score(paragraph, node);
                continue;
            }
            if (is_block(child)) {
                // Runs of text directly inside a container: one run and no block inside makes a
                // <div> used as a paragraph (it scores for its parent, as a <p> does, so that
                // its siblings add up); several, split by <br>, make a legacy body.
                std::vector<Paragraph> runs = Collector(measures_, Collector::Blocks::stop).collect(child);
                if (runs.size() == 1 && !has_block_child(child)) {
                    score(runs.front(), node);
                    continue;
                }
                for (const Paragraph& paragraph : runs) score(paragraph, child);
            }
            visit(child);
        }
    }

    // The container with the highest score once scaled by link density, and that score. Only
    // the kTopCandidates best unscaled scores are scaled (as Readability keeps its top five).
    std::pair<xmlNode*, double> best() const {
        std::vector<std::pair<double, xmlNode*>> ranked;
        for (const auto& [node, raw] : scores_) ranked.emplace_back(with_class_weight(node, raw), node);
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
        return {winner, best_score};
    }

    // The winner and the siblings that continue its article, in document order: articles cut
    // into several containers (ads, images, newsletter boxes between them) score in pieces.
    // A sibling joins when its own score, scaled by link density, reaches a fifth of the
    // winner's (a bonus of that much when it shares the winner's class), or when it is a
    // paragraph-like block of prose (Readability's rule for appending siblings).
    std::vector<xmlNode*> article_blocks(xmlNode* winner, double winner_score) const {
        // A winner alone in its parent (a wrapper around the text) stands for that parent, whose
        // siblings are the ones that may continue the article.
        while (winner->parent != nullptr && winner->parent->type == XML_ELEMENT_NODE &&
               !name_is(winner->parent, {"body"}) && is_only_text_child(winner))
            winner = winner->parent;
        if (winner->parent == nullptr || winner->parent->type != XML_ELEMENT_NODE) return {winner};
        const double threshold = std::max(kMinSiblingScore, winner_score * kSiblingShare);
        const std::string winner_class = node_attribute(winner, "class");
        std::vector<xmlNode*> blocks;
        for (xmlNode* sibling = winner->parent->children; sibling != nullptr; sibling = sibling->next) {
            if (sibling == winner) {
                blocks.push_back(sibling);
                continue;
            }
            if (sibling->type != XML_ELEMENT_NODE || measures_.is_excluded(sibling) ||
                measures_.is_boilerplate(sibling) || measures_.is_caption(sibling))
                continue;
            double score = 0;
            if (const auto found = scores_.find(sibling); found != scores_.end())
                score = with_class_weight(sibling, found->second) * (1.0 - link_density(sibling));
            if (!winner_class.empty() && node_attribute(sibling, "class") == winner_class) score += winner_score * kSiblingShare;
            if (score >= threshold || is_prose(sibling)) blocks.push_back(sibling);
        }
        return blocks;
    }

private:
    // A container's score with its class and id weighed in. A name can at most double what the
    // text earned: a title block named "content-wrapper" with one short line in it is no body.
    double with_class_weight(const xmlNode* node, double raw) const {
        return raw + std::min(rules_.class_weight(node), raw);
    }

    void score(const Paragraph& paragraph, xmlNode* container) {
        if (paragraph.chars < rules_.min_chars || paragraph.link_density() > kMaxParagraphLinkDensity) return;
        const double points = paragraph_score(paragraph);
        scores_[container] += points;
        if (container->parent != nullptr && container->parent->type == XML_ELEMENT_NODE)
            scores_[container->parent] += points / 2;
    }

    // True when no other child of `node`'s parent shows any text.
    bool is_only_text_child(const xmlNode* node) const {
        for (const xmlNode* sibling = node->parent->children; sibling != nullptr; sibling = sibling->next) {
            if (sibling == node) continue;
            if (sibling->type == XML_TEXT_NODE && sibling->content != nullptr &&
                collapse_whitespace(reinterpret_cast<const char*>(sibling->content)).size() > 0)
                return false;
            if (sibling->type == XML_ELEMENT_NODE && !measures_.is_excluded(sibling) && measures_.visible_chars(sibling) > 0)
                return false;
        }
        return true;
    }

    // A <p> (or a <div> used as one) of prose: long with few links, or a short sentence
    // without any. Its amount of text is the remembered one; only a short one is read.
    bool is_prose(const xmlNode* node) const {
        if (!is_paragraph_element(node) && !(name_is(node, {"div"}) && !has_block_child(node))) return false;
        const TextAmount text = measures_.amount(node, false);
        if (text.chars >= kProseChars)
            return static_cast<double>(text.linked_chars) < kProseLinkDensity * static_cast<double>(text.chars);
        if (text.chars == 0 || text.linked_chars != 0) return false;
        std::string sentence;
        for (const Paragraph& paragraph : Collector(measures_, Collector::Blocks::read).collect(node)) sentence += paragraph.text;
        return !sentence.empty() && (sentence.back() == '.' || sentence.find(". ") != std::string::npos);
    }

    double link_density(const xmlNode* node) const {
        const TextAmount text = measures_.amount(node, false);
        return text.chars == 0 ? 1.0 : static_cast<double>(text.linked_chars) / static_cast<double>(text.chars);
    }

    BlockMeasures& measures_;
    const CompiledRules& rules_;
    std::map<xmlNode*, double> scores_;
};

// The word 4-grams of a text, hashed: how much of one text another holds, whatever their
// paragraph breaks and markup.
class Shingles {
public:
    explicit Shingles(const std::vector<Paragraph>& paragraphs) {
        std::vector<std::string_view> words;
        for (const Paragraph& paragraph : paragraphs) {
            const std::string_view text = paragraph.text;
            for (std::size_t at = 0; at < text.size();) {
                const std::size_t end = std::min(text.find(' ', at), text.size());
                if (end > at) words.push_back(text.substr(at, end - at));
                at = end + 1;
            }
        }
        for (std::size_t i = 0; i + kWords <= words.size(); ++i) {
            std::size_t hash = 0;
            for (std::size_t k = 0; k < kWords; ++k) hash = hash * 1000003u ^ std::hash<std::string_view>{}(words[i + k]);
            hashes_.insert(hash);
        }
    }

    // The share of these shingles that `other` holds; 0 for a text too short to have any.
    double share_in(const Shingles& other) const {
        if (hashes_.empty()) return 0.0;
        std::size_t shared = 0;
        for (const std::size_t hash : hashes_) shared += other.hashes_.count(hash);
        return static_cast<double>(shared) / static_cast<double>(hashes_.size());
    }

private:
    static constexpr std::size_t kWords = 4;
    std::unordered_set<std::size_t> hashes_;
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
        } else if (key == "caption_class") {
            rules.caption_class = value;
        } else if (key == "comments_class") {
            rules.comments_class = value;
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
    const auto [container, container_score] = scorer.best();

    Article article;
    article.url = url;
    article.profile = "generic";
    article.warnings.push_back(
        container == nullptr
            ? std::string("no site profile matches this page")
            : "no site profile matches this page; the generic extractor chose the <" +
                  std::string(reinterpret_cast<const char*>(container->name)) + "> with " +
                  (node_attribute(container, "class").empty() ? "no class" : "class '" + node_attribute(container, "class") + "'"));
    article.title = first_text(page, {"//meta[@property='og:title']/@content", "//h1", "//title"});
    article.section = first_text(page, {"//meta[@property='article:section']/@content"});
    article.published = tidy_iso_date(first_text(
        page, {"//meta[@property='article:published_time']/@content", "//*[@itemprop='datePublished']/@content",
               "//*[@itemprop='datePublished']/@datetime", "//time[@datetime][1]/@datetime"}));
    article.modified = tidy_iso_date(first_text(
        page, {"//meta[@property='article:modified_time']/@content", "//*[@itemprop='dateModified']/@content",
               "//*[@itemprop='dateModified']/@datetime"}));
    article.byline = first_text(page, {"//meta[@name='author']/@content", "//*[@rel='author']"});

    std::vector<Paragraph> paragraphs;
    if (container != nullptr) {
        for (xmlNode* block : scorer.article_blocks(container, container_score)) {
            std::vector<Paragraph> more = Collector(measures, Collector::Blocks::read).collect(block);
            paragraphs.insert(paragraphs.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
        }
    }
    std::size_t body_chars = 0;
    for (const Paragraph& paragraph : paragraphs) body_chars += paragraph.chars;

    // The article a script holds, when the HTML body holds none, or much less of it, or (for
    // the page's own JSON-LD articleBody) another text: the best block was comments or a feed.
    const detail::ScriptArticle script = detail::find_script_article(page, kMinScriptChars);
    if (script.chars > 0) {
        const HtmlDocument fragment("<html><body>" + script.html + "</body></html>", page.source() + " (" + script.origin + ")",
                                    "UTF-8");
        // Each piece of script text sits in its own <div> of the fragment. A script may hold
        // other articles too (a feed, teasers): beside an HTML body, only the pieces holding
        // what the body shows, or held in it, are the page's article (JSON-LD articleBody is
        // the page's own by definition).
        BlockMeasures fragment_measures(compiled);  // the fragment's nodes, not the page's
        const Shingles body_shingles(paragraphs);
        std::vector<Paragraph> all_pieces, matching_pieces;
        const auto fragment_bodies = fragment.select("//body");
        for (xmlNode* piece = fragment_bodies.empty() ? nullptr : fragment_bodies.front()->children; piece != nullptr;
             piece = piece->next) {
            std::vector<Paragraph> piece_paragraphs = Collector(fragment_measures, Collector::Blocks::read).collect(piece);
            const Shingles piece_shingles(piece_paragraphs);
            if (body_shingles.share_in(piece_shingles) >= kMinSharedShingles ||
                piece_shingles.share_in(body_shingles) >= kMinSharedShingles)
                matching_pieces.insert(matching_pieces.end(), piece_paragraphs.begin(), piece_paragraphs.end());
            all_pieces.insert(all_pieces.end(), std::make_move_iterator(piece_paragraphs.begin()),
                              std::make_move_iterator(piece_paragraphs.end()));
        }
        const auto holds_much_more = [&](const std::vector<Paragraph>& candidate) {
            std::size_t chars = 0;
            for (const Paragraph& paragraph : candidate) chars += paragraph.chars;
            return static_cast<double>(chars) > kScriptOverBody * static_cast<double>(body_chars) &&
                   body_shingles.share_in(Shingles(candidate)) >= kMinSharedShingles;
        };
        std::vector<Paragraph> from_script = container == nullptr || script.article_body ? std::move(all_pieces)
                                                                                        : std::move(matching_pieces);
        const bool much_more = holds_much_more(from_script);
        const Shingles script_shingles(from_script);
        const bool other_text = script.article_body && script_shingles.share_in(body_shingles) < kMinSharedShingles;
        if (!from_script.empty() && (container == nullptr || much_more || other_text)) {
            paragraphs = std::move(from_script);
            article.warnings.back() = "no site profile matches this page; the generic extractor read the article from "
                                      "the " + script.origin + (container == nullptr ? ", as the HTML body holds none"
                                      : much_more ? ", which holds more of it than the HTML body"
                                                  : ", as the HTML body's best block holds another text");
        }
    }
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
    if (container == nullptr && paragraphs.empty())
        throw ParseError(page.source(), "no article found: no site profile matches and no block of text looks like "
                                        "an article body");
    if (article.paragraphs.empty())
        throw ParseError(page.source(), "no article found: the best block of text holds only links or boilerplate");
    article.language = language_of(page, paragraphs);
    return article;
}

}  // namespace artalign
