// Article extraction: walks the profile's body node into paragraphs and reads the metadata.
#include "parse/article_extractor.hpp"

#include <libxml/tree.h>

#include <algorithm>
#include <set>

#include "artalign/error.hpp"
#include "parse/html_document.hpp"
#include "parse/site_profile.hpp"
#include "util/text.hpp"
#include "read/url.hpp"
#include "util/regex.hpp"

namespace artalign {
namespace {

bool name_is(const xmlNode* node, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        if (xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0) return true;
    }
    return false;
}

bool is_block(const xmlNode* node) {
    return name_is(node, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
                          "table", "tr", "td", "th", "section", "article", "header", "footer", "figure",
                          "figcaption", "dl", "dt", "dd", "pre", "hr", "aside", "center"});
}

// Elements that never hold article text.
bool is_excluded(const xmlNode* node) {
    return name_is(node, {"script", "style", "noscript", "template", "form", "button", "nav", "iframe",
                          "select", "object", "embed", "svg", "video", "audio", "canvas"});
}

// Splits the text under `root` into paragraphs at <br> and block elements, skipping `skip`.
class ParagraphCollector {
public:
    explicit ParagraphCollector(const std::set<const xmlNode*>& skip) : skip_(skip) {}

    std::vector<std::string> collect(const xmlNode* root) {
        walk(root);
        flush();
        return std::move(paragraphs_);
    }

private:
    void walk(const xmlNode* node) {
        for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
            if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                if (child->content != nullptr) buffer_ += reinterpret_cast<const char*>(child->content);
                continue;
            }
            if (child->type != XML_ELEMENT_NODE || skip_.count(child) != 0 || is_excluded(child)) continue;
            if (name_is(child, {"br"})) {
                flush();
                continue;
            }
            const bool block = is_block(child);
            if (block) flush();
            walk(child);
            if (block) flush();
        }
    }

    void flush() {
        std::string paragraph = normalize_nfc(collapse_whitespace(buffer_));
        buffer_.clear();
        if (!paragraph.empty()) paragraphs_.push_back(std::move(paragraph));
    }

    const std::set<const xmlNode*>& skip_;
    std::string buffer_;
    std::vector<std::string> paragraphs_;
};

std::string regex_capture(const std::string& pattern, const std::string& text, const std::string& profile) {
    return detail::regex_capture(pattern, 0, text, profile);
}

bool regex_matches_any(const std::vector<std::string>& patterns, const std::string& text, const std::string& profile) {
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const std::string& pattern) { return detail::regex_find(pattern, 0, text, profile); });
}

// "2020-02-12 17:26" + "+09:00" -> "2020-02-12T17:26:00+09:00".
std::string iso_date(const std::string& local, const std::string& utc_offset) {
    if (local.size() != 16 || local[10] != ' ') return local;
    return local.substr(0, 10) + "T" + local.substr(11) + ":00" + utc_offset;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) {
        if (!out.empty()) out.push_back('\n');
        out += line;
    }
    return out;
}

}  // namespace

std::string page_url(const HtmlDocument& page, const std::string& fallback) {
    for (const char* xpath : {"//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"}) {
        const std::string url = page.select_text(xpath);
        if (is_web_url(url)) return url;
    }
    return fallback;
}

Article extract_article(const HtmlDocument& page, const SiteProfile& profile, const std::string& url) {
    Article article;
    article.url = url;
    article.language = profile.language;
    article.profile = profile.name;

    std::set<const xmlNode*> skip;
    std::vector<std::string> captions;
    for (const std::string& xpath : profile.caption) {
        for (xmlNode* node : page.select(xpath)) {
            skip.insert(node);
            captions.push_back(node_text(node));
        }
    }
    for (const std::string& xpath : profile.drop) {
        for (xmlNode* node : page.select(xpath)) skip.insert(node);
    }

    if (!profile.title.empty()) article.title = page.select_text(profile.title);
    if (article.title.empty()) article.title = page.select_text("//meta[@property='og:title']/@content");
    if (!profile.subtitle.empty()) {
        if (const auto nodes = page.select(profile.subtitle); !nodes.empty())
            article.subtitle = join_lines(ParagraphCollector(skip).collect(nodes.front()));
    }
    if (!profile.section.empty()) article.section = page.select_text(profile.section);
    if (!profile.dates.empty()) {
        const std::string dates = page.select_text(profile.dates);
        if (!profile.published_pattern.empty())
            article.published = iso_date(regex_capture(profile.published_pattern, dates, profile.name), profile.utc_offset);
        if (!profile.modified_pattern.empty())
            article.modified = iso_date(regex_capture(profile.modified_pattern, dates, profile.name), profile.utc_offset);
    }

    const auto bodies = page.select(profile.body);
    if (bodies.empty()) throw ParseError(page.source(), "no article body where profile '" + profile.name + "' expects it");
    for (const std::string& paragraph : ParagraphCollector(skip).collect(bodies.front())) {
        if (std::find(captions.begin(), captions.end(), paragraph) != captions.end()) continue;  // a repeated caption
        if (regex_matches_any(profile.drop_paragraph, paragraph, profile.name)) continue;
        if (regex_matches_any(profile.byline_paragraph, paragraph, profile.name)) {
            if (article.byline.empty()) article.byline = paragraph;
            continue;
        }
        article.paragraphs.push_back(paragraph);
    }
    if (article.paragraphs.empty())
        throw ParseError(page.source(), "the article body is empty (profile '" + profile.name + "')");
    return article;
}

}  // namespace artalign
