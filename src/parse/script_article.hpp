// Internal: article text a page keeps in its scripts rather than in its HTML body: JSON-LD
// `articleBody`, and HTML held in string literals of framework state (__NEXT_DATA__,
// __NUXT__, self.__next_f.push(...) and the like), escaped once or more.
#pragma once

#include <string>
#include <string_view>
#include <vector>

using xmlNode = struct _xmlNode;

namespace artalign {
class HtmlDocument;
}

namespace artalign::detail {

/// The article text one script holds, as an HTML fragment (plain text has its lines turned
/// into <br> and its markup characters escaped), and where it came from, for the warning.
struct ScriptArticle {
    std::string html;
    std::string origin;  ///< "JSON-LD articleBody" or "HTML in a script (id 'X')"
    std::size_t chars = 0;  ///< code points of text in `html`, tags left out (an estimate)
    bool article_body = false;  ///< from JSON-LD articleBody: the page says this is its article
};

/// The script of `page` holding the most article text: the `articleBody` strings of its JSON-LD
/// (<script type="application/ld+json">, read with parse_json, or string by string when it
/// is not strict JSON), or else the string literals in any script that hold HTML paragraphs
/// (<p>), searched inside literals that hold other literals up to three levels deep.
/// Scripts whose text is under `min_chars` code points are not returned: `chars` is 0 then.
/// Linear in the size of the scripts (each level of escaping is read once). Never throws on
/// malformed script text.
ScriptArticle find_script_article(const HtmlDocument& page, std::size_t min_chars);

/// The string literals ('"'-quoted, JSON/JavaScript escapes) in `code`, decoded to UTF-8 (bad
/// escapes and lone surrogates become U+FFFD), each with the key it is the value of (the
/// literal before it when a ':' sits between) or empty. Unterminated literals are dropped.
struct StringLiteral {
    std::string key;
    std::string value;
};
std::vector<StringLiteral> string_literals(std::string_view code);

}  // namespace artalign::detail
