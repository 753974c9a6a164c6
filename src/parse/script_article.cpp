// Internal: finding article text held in a page's scripts (JSON-LD, framework state).
#include "parse/script_article.hpp"

#include <libxml/tree.h>

#include <algorithm>
#include <cstdint>
#include <set>

#include "artalign/error.hpp"
#include "parse/html_document.hpp"
#include "util/json_reader.hpp"
#include "util/text.hpp"

namespace artalign::detail {
namespace {

// Framework state escapes HTML once (a JSON string), React's streamed payload twice (a JSON
// string inside a JavaScript string); three levels leave room without unbounded work.
constexpr int kMaxNesting = 3;
// Literals shorter than this cannot hold an article worth reading from a script.
constexpr std::size_t kMinLiteralBytes = 64;

// A code point from a JSON or JavaScript escape: lone surrogates and values past U+10FFFF
// become U+FFFD, so that the text stays valid UTF-8.
void append_utf8(std::string& out, uint32_t c) {
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    const char32_t code_point = c;
    out += to_utf8(std::u32string_view(&code_point, 1));
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The value of `digits` hex digits at `at`, or -1.
long hex_at(std::string_view code, std::size_t at, std::size_t digits) {
    if (at + digits > code.size()) return -1;
    long value = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        const int digit = hex_value(code[at + i]);
        if (digit < 0) return -1;
        value = value * 16 + digit;
    }
    return value;
}

// Decodes the literal whose opening quote is at `open`; returns the position after its closing
// quote, or npos when it is not closed.
std::size_t decode_literal(std::string_view code, std::size_t open, std::string& out) {
    std::size_t i = open + 1;
    while (i < code.size()) {
        const char c = code[i];
        if (c == '"') return i + 1;
        if (c == '\n') return std::string_view::npos;  // JavaScript literals do not span lines
        if (c != '\\') {
            out.push_back(c);
            ++i;
            continue;
        }
        if (i + 1 >= code.size()) return std::string_view::npos;
        const char escape = code[i + 1];
        i += 2;
        switch (escape) {
            case 'n': out.push_back('\n'); break;
            case 't': out.push_back('\t'); break;
            case 'r': out.push_back('\r'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'x': {
                const long value = hex_at(code, i, 2);
                append_utf8(out, value < 0 ? 0xFFFD : static_cast<uint32_t>(value));
                if (value >= 0) i += 2;
                break;
            }
            case 'u': {
                long value = hex_at(code, i, 4);
                if (value < 0) {
                    append_utf8(out, 0xFFFD);
                    break;
                }
                i += 4;
                if (value >= 0xD800 && value <= 0xDBFF && code.substr(i, 2) == "\\u") {
                    const long low = hex_at(code, i + 2, 4);
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
                        i += 6;
                    }
                }
                append_utf8(out, static_cast<uint32_t>(value));
                break;
            }
            case '\n': break;  // a line continuation
            default: out.push_back(escape);  // \" \\ \/ \' and JavaScript's identity escapes
        }
    }
    return std::string_view::npos;
}

bool holds_paragraph_markup(std::string_view text) {
    return text.find("<p>") != std::string_view::npos || text.find("<p ") != std::string_view::npos ||
           text.find("<P>") != std::string_view::npos;
}

// A decoded literal that is itself JSON or JavaScript data holding more literals.
bool holds_literals(std::string_view text) {
    return text.find("\":") != std::string_view::npos || text.find("\",\"") != std::string_view::npos ||
           text.find("\\\"") != std::string_view::npos;
}

// Code points of text outside tags: what a fragment would show.
std::size_t visible_chars(std::string_view html) {
    std::size_t chars = 0;
    bool in_tag = false;
    for (const char c : html) {
        if (c == '<') in_tag = true;
        if (!in_tag && (static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != '\n') ++chars;
        if (c == '>') in_tag = false;
    }
    return chars;
}

// Plain text as HTML: markup characters escaped, lines kept as paragraphs. Text that already
// holds markup (some sites put HTML in articleBody) is kept as it is.
std::string as_html(const std::string& text) {
    if (holds_paragraph_markup(text) || text.find("<br") != std::string::npos || text.find("</") != std::string::npos)
        return text;
    std::string html;
    html.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        if (c == '<') {
            html += "&lt;";
        } else if (c == '>') {
            html += "&gt;";
        } else if (c == '\n') {
            html += "<br>";
        } else {
            html.push_back(c);
        }
    }
    return html;
}

// One script's article text, its pieces in order, each kept once.
class Pieces {
public:
    void add(std::string html) {
        if (!seen_.insert(html).second) return;
        chars_ += visible_chars(html);
        html_ += "<div>";
        html_ += html;
        html_ += "</div>";
    }
    std::size_t chars() const { return chars_; }
    std::string take() { return std::move(html_); }

private:
    std::set<std::string> seen_;
    std::string html_;
    std::size_t chars_ = 0;
};

void collect_article_bodies(const JsonValue& value, Pieces& pieces) {
    if (value.is_array()) {
        for (const JsonValue& item : value.items()) collect_article_bodies(item, pieces);
    } else if (value.is_object()) {
        for (const auto& [key, member] : value.members()) {
            if (key == "articleBody" && member.is_string()) {
                pieces.add(as_html(member.as_string()));
            } else {
                collect_article_bodies(member, pieces);
            }
        }
    }
}

// The HTML-holding literals of `code`, looking inside literals that hold literals. Returns
// whether it found any.
bool collect_html_literals(std::string_view code, int depth, Pieces& pieces) {
    bool found = false;
    for (StringLiteral& literal : string_literals(code)) {
        if (literal.value.size() < kMinLiteralBytes) continue;
        if (depth < kMaxNesting && holds_literals(literal.value) && collect_html_literals(literal.value, depth + 1, pieces)) {
            found = true;
            continue;
        }
        if (holds_paragraph_markup(literal.value)) {
            pieces.add(std::move(literal.value));
            found = true;
        }
    }
    return found;
}

std::string script_text(const xmlNode* script) {
    std::string text;
    for (const xmlNode* child = script->children; child != nullptr; child = child->next) {
        if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content != nullptr)
            text += reinterpret_cast<const char*>(child->content);
    }
    return text;
}

}  // namespace

std::vector<StringLiteral> string_literals(std::string_view code) {
    std::vector<StringLiteral> literals;
    std::string previous;  // the literal just read, a key if a ':' follows
    bool previous_is_key = false;
    std::size_t i = 0;
    while (i < code.size()) {
        const char c = code[i];
        if (c == '"') {
            std::string value;
            const std::size_t end = decode_literal(code, i, value);
            if (end == std::string_view::npos) {
                ++i;  // not a literal after all (a quote inside a comment or a regex)
                previous_is_key = false;
                continue;
            }
            i = end;
            while (i < code.size() && (code[i] == ' ' || code[i] == '\t' || code[i] == '\n' || code[i] == '\r')) ++i;
            if (i < code.size() && code[i] == ':') {
                previous = std::move(value);
                previous_is_key = true;
                ++i;
                continue;
            }
            literals.push_back({previous_is_key ? std::move(previous) : std::string(), std::move(value)});
            previous.clear();
            previous_is_key = false;
            continue;
        }
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') previous_is_key = false;
        ++i;
    }
    return literals;
}

ScriptArticle find_script_article(const HtmlDocument& page, std::size_t min_chars) {
    ScriptArticle best;
    for (const xmlNode* script : page.select("//script")) {
        const std::string code = script_text(script);
        if (code.size() < kMinLiteralBytes) continue;
        std::string type = node_attribute(script, "type");
        std::transform(type.begin(), type.end(), type.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
        Pieces pieces;
        std::string origin;
        const bool article_body = type.find("ld+json") != std::string::npos;
        if (type.find("ld+json") != std::string::npos) {
            origin = "JSON-LD articleBody";
            try {
                collect_article_bodies(parse_json(code, page.source()), pieces);
            } catch (const Error&) {
                // Not strict JSON (raw line breaks in strings are common): read it string by string.
                for (const StringLiteral& literal : string_literals(code)) {
                    if (literal.key == "articleBody") pieces.add(as_html(literal.value));
                }
            }
        } else {
            const std::string id = node_attribute(script, "id");
            origin = id.empty() ? "HTML in a script" : "HTML in a script (id '" + id + "')";
            collect_html_literals(code, 1, pieces);
        }
        if (pieces.chars() >= min_chars && pieces.chars() > best.chars) {
            best.chars = pieces.chars();
            best.html = pieces.take();
            best.origin = std::move(origin);
            best.article_body = article_body;
        }
    }
    return best;
}

}  // namespace artalign::detail
