// HTML coverage reports: self-contained pages (inline CSS; the index's sorting is the only script).
#include "artalign/report_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace artalign {
namespace {

// Shared look of both pages. Every state has a colour and a text marker, so colour is never
// the only signal; print keeps the colours and repeats table headers on each page.
constexpr const char* kStyle = R"css(
:root { --untranslated: #fbd5d3; --addition: #d4e4fb; --weak: #fff0c2; --rule: #c8c8c8; }
body { margin: 1.5rem auto; max-width: 78rem; padding: 0 1rem; color: #1b1b1b; background: #fff;
  font: 15px/1.55 "Noto Sans", "Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo",
  "Malgun Gothic", "NanumGothic", "Nanum Gothic", "UnDotum", sans-serif; }
h1 { font-size: 1.45rem; margin: 0 0 .2rem; }
.original-title { font-size: 1.1rem; margin: 0 0 1rem; color: #333; }
dl.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: .5rem; margin: 1rem 0; }
dl.figures div { border: 1px solid var(--rule); border-radius: 4px; padding: .4rem .6rem; }
dl.figures dt { font-size: .8rem; color: #555; }
dl.figures dd { margin: 0; font-size: 1.15rem; font-weight: 600; }
dl.sources { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .9rem; }
dl.sources dt { color: #555; }
dl.sources dd { margin: 0; overflow-wrap: anywhere; }
.verdict { font-weight: 600; }
.warning { border: 2px solid #b00020; background: #fde8ea; padding: .5rem .8rem; font-weight: 600; }
.legend span { display: inline-block; margin-right: 1rem; padding: 0 .4rem; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #f2f2f2; position: sticky; top: 0; }
td.text { width: 42%; }
td.number, td.state { white-space: nowrap; font-size: .85rem; }
tr.paragraph-start td { border-top: 2px solid #777; }
tr.untranslated, .legend .untranslated { background: var(--untranslated); }
tr.addition, .legend .addition { background: var(--addition); }
tr.weak, .legend .weak { background: var(--weak); }
.marker { font-weight: 600; }
.pilcrow { color: #777; }
[lang|="ko"] { word-break: keep-all; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; }
svg text { font-size: 11px; fill: #333; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  thead th { position: static; }
  a { color: inherit; text-decoration: none; }
}
)css";

std::string percent(double share) { return fmt::format("{:.1f}%", 100.0 * share); }

// One figure of the header; the id and data-value let tools (and the browser test) read it.
std::string figure(const char* id, const std::string& label, const std::string& shown, const std::string& value) {
    return fmt::format("<div><dt>{}</dt><dd id=\"{}\" data-value=\"{}\">{}</dd></div>\n", html_escape(label), id,
                       html_escape(value), html_escape(shown));
}

std::string link_or_text(const std::string& url) {
    if (url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0)
        return fmt::format("<a href=\"{0}\">{0}</a>", html_escape(url));
    return html_escape(url);
}

std::string page_start(const std::string& title) {
    return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta name=\"generator\" content=\"artalign\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
                       html_escape(title), kStyle);
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string render_coverage_html(const AlignedPair& pair, const CoverageReport& report) {
    const CoverageSummary& s = report.summary;
    const std::string& source_language = pair.original.language;
    const std::string& target_language = pair.translation.language;
    std::string html = page_start("Coverage: " + pair.translation.title);

    html += "<header>\n";
    html += fmt::format("<h1 lang=\"{}\">{}</h1>\n", html_escape(target_language), html_escape(pair.translation.title));
    html += fmt::format("<p class=\"original-title\" lang=\"{}\">{}</p>\n", html_escape(source_language),
                        html_escape(pair.original.title));
    for (const std::string& warning : report.warnings)
        html += fmt::format("<p class=\"warning\" role=\"alert\" id=\"warning\">⚠ Warning: {}</p>\n", html_escape(warning));
    html += fmt::format("<p class=\"verdict\" id=\"verdict\">{}</p>\n", html_escape(report.verdict));
    html += "<dl class=\"figures\">\n";
    html += figure("sentence-coverage", "Original sentences covered",
                   fmt::format("{} of {} ({})", s.covered_sentences, s.source_sentences, percent(s.sentence_share())),
                   fmt::format("{:.4f}", s.sentence_share()));
    html += figure("character-coverage", "Original characters covered", percent(s.char_share()),
                   fmt::format("{:.4f}", s.char_share()));
    html += figure("untranslated-sentences", "Untranslated sentences", std::to_string(s.untranslated),
                   std::to_string(s.untranslated));
    html += figure("added-sentences", "Translation-only sentences", std::to_string(s.additions), std::to_string(s.additions));
    html += figure("omitted-paragraphs", "Paragraphs omitted",
                   fmt::format("{} of {}", report.omitted_paragraphs, report.source_paragraphs),
                   std::to_string(report.omitted_paragraphs));
    html += figure("units", "Translation units", std::to_string(s.units), std::to_string(s.units));
    html += figure("weak-beads", "Weak alignments", std::to_string(report.weak_beads.size()),
                   std::to_string(report.weak_beads.size()));
    html += figure("alignment-score", "Alignment score", fmt::format("{:.2f}", report.alignment_score),
                   fmt::format("{:.4f}", report.alignment_score));
    html += "</dl>\n<dl class=\"sources\">\n";
    html += fmt::format("<dt>Original</dt><dd>{}</dd>\n", link_or_text(pair.original.url));
    html += fmt::format("<dt>Published</dt><dd>{}{}</dd>\n", html_escape(pair.original.published),
                        pair.original.modified.empty() ? "" : " (modified " + html_escape(pair.original.modified) + ")");
    html += fmt::format("<dt>Translation</dt><dd>{}</dd>\n", link_or_text(pair.translation.url));
    html += fmt::format("<dt>Published</dt><dd>{}{}</dd>\n", html_escape(pair.translation.published),
                        pair.translation.modified.empty() ? "" : " (modified " + html_escape(pair.translation.modified) + ")");
    html += "</dl>\n<p class=\"legend\">Legend: <span class=\"untranslated\">✗ untranslated</span>"
            "<span class=\"addition\">+ translation only</span><span class=\"weak\">? weak alignment</span>"
            "<span class=\"pilcrow\">¶ new paragraph</span></p>\n</header>\n";

    html += "<main>\n<table class=\"alignment\">\n<caption>Alignment, bead by bead, in the original's order</caption>\n";
    html += fmt::format("<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Original ({})</th>"
                        "<th scope=\"col\">Translation ({})</th><th scope=\"col\">State</th></tr></thead>\n<tbody>\n",
                        html_escape(source_language), html_escape(target_language));
    std::size_t last_source_block = static_cast<std::size_t>(-1);
    std::size_t last_target_block = static_cast<std::size_t>(-1);
    for (std::size_t b = 0; b < pair.beads.size(); ++b) {
        const Bead& bead = pair.beads[b];
        std::string state_class;
        std::string marker;
        if (bead.target.empty()) {
            state_class = "untranslated";
            marker = "✗ untranslated";
        } else if (bead.source.empty()) {
            state_class = "addition";
            marker = "+ translation only";
        } else if (std::find(report.weak_beads.begin(), report.weak_beads.end(), b) != report.weak_beads.end()) {
            state_class = "weak";
            marker = fmt::format("? weak {:.2f}", bead.score);
        } else {
            marker = fmt::format("{} · {:.2f}", bead.type(), bead.score);
        }
        const bool source_starts = !bead.source.empty() && pair.original_segments[bead.source.front()].block != last_source_block;
        const bool target_starts = !bead.target.empty() && pair.translation_segments[bead.target.front()].block != last_target_block;
        if (!bead.source.empty()) last_source_block = pair.original_segments[bead.source.back()].block;
        if (!bead.target.empty()) last_target_block = pair.translation_segments[bead.target.back()].block;
        std::string classes = "bead";
        if (!state_class.empty()) classes += " " + state_class;
        if (source_starts || target_starts) classes += " paragraph-start";
        html += fmt::format(
            "<tr class=\"{}\" data-bead-type=\"{}\"><td class=\"number\">{}</td>"
            "<td class=\"text\" lang=\"{}\">{}{}</td><td class=\"text\" lang=\"{}\">{}{}</td>"
            "<td class=\"state\"><span class=\"marker\">{}</span></td></tr>\n",
            classes, bead.type(), b + 1, html_escape(source_language), source_starts ? "<span class=\"pilcrow\">¶ </span>" : "",
            html_escape(joined_text(pair.original_segments, bead.source)), html_escape(target_language),
            target_starts ? "<span class=\"pilcrow\">¶ </span>" : "",
            html_escape(joined_text(pair.translation_segments, bead.target)), html_escape(marker));
    }
    html += "</tbody>\n</table>\n</main>\n<footer><p>Made by artalign.</p></footer>\n</body>\n</html>\n";
    return html;
}

std::string render_coverage_index_html(const std::vector<CoverageIndexEntry>& entries, const std::string& heading) {
    std::string html = page_start(heading);
    html += fmt::format("<header><h1>{}</h1>\n", html_escape(heading));

    // Histogram of character coverage in ten bins (the last one includes 100%).
    std::array<std::size_t, 10> bins{};
    std::size_t covered_chars = 0;
    std::size_t source_chars = 0;
    for (const CoverageIndexEntry& entry : entries) {
        const auto bin = std::min<std::size_t>(9, static_cast<std::size_t>(entry.summary.char_share() * 10.0));
        ++bins[bin];
        covered_chars += entry.summary.covered_chars;
        source_chars += entry.summary.source_chars;
    }
    const double overall = source_chars == 0 ? 0.0 : static_cast<double>(covered_chars) / static_cast<double>(source_chars);
    html += fmt::format("<p id=\"overall\">{} pairs; {} of the originals' characters covered overall.</p>\n",
                        entries.size(), percent(overall));
    const std::size_t tallest = std::max<std::size_t>(1, *std::max_element(bins.begin(), bins.end()));
    html += "<figure><svg role=\"img\" aria-labelledby=\"histogram-title\" width=\"440\" height=\"170\" viewBox=\"0 0 440 170\">\n"
            "<title id=\"histogram-title\">Pairs by share of the original's characters covered</title>\n";
    for (std::size_t k = 0; k < bins.size(); ++k) {
        const double height = 120.0 * static_cast<double>(bins[k]) / static_cast<double>(tallest);
        const double x = 20.0 + 40.0 * static_cast<double>(k);
        html += fmt::format("<rect class=\"bin\" data-count=\"{}\" x=\"{:.0f}\" y=\"{:.1f}\" width=\"36\" height=\"{:.1f}\" fill=\"#4a78c2\">"
                            "<title>{}–{}%: {} pairs</title></rect>\n",
                            bins[k], x, 140.0 - height, height, k * 10, k * 10 + 10, bins[k]);
        html += fmt::format("<text x=\"{:.0f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", x + 18.0, 135.0 - height,
                            bins[k]);
        html += fmt::format("<text x=\"{:.0f}\" y=\"156\" text-anchor=\"middle\">{}%</text>\n", x + 18.0, k * 10 + 10);
    }
    html += "</svg><figcaption>Pairs by share of the original's characters covered (bins of 10%).</figcaption></figure>\n</header>\n";

    html += "<main>\n<table class=\"index sortable\">\n<caption>Article pairs (click a column heading to sort)</caption>\n"
            "<thead><tr><th scope=\"col\"><button type=\"button\">Article</button></th>"
            "<th scope=\"col\"><button type=\"button\">Characters covered</button></th>"
            "<th scope=\"col\"><button type=\"button\">Sentences covered</button></th>"
            "<th scope=\"col\"><button type=\"button\">Untranslated</button></th>"
            "<th scope=\"col\"><button type=\"button\">Paragraphs omitted</button></th>"
            "<th scope=\"col\"><button type=\"button\">Units</button></th>"
            "<th scope=\"col\"><button type=\"button\">Score</button></th></tr></thead>\n<tbody>\n";
    for (const CoverageIndexEntry& entry : entries) {
        const CoverageSummary& s = entry.summary;
        html += fmt::format(
            "<tr{}><td data-sort=\"{}\"><a href=\"{}\">{}</a><br><span lang=\"ko\">{}</span>{}</td>"
            "<td data-sort=\"{:.4f}\">{}</td><td data-sort=\"{:.4f}\">{} of {}</td><td data-sort=\"{}\">{}</td>"
            "<td data-sort=\"{}\">{}</td><td data-sort=\"{}\">{}</td><td data-sort=\"{:.4f}\">{:.2f}</td></tr>\n",
            entry.likely_not_translation ? " class=\"weak\"" : "", html_escape(entry.title), html_escape(entry.href),
            html_escape(entry.title), html_escape(entry.original_title),
            entry.likely_not_translation ? " <span class=\"marker\">⚠ probably not a translation</span>" : "",
            s.char_share(), percent(s.char_share()), s.sentence_share(), s.covered_sentences, s.source_sentences,
            s.untranslated, s.untranslated, entry.omitted_paragraphs, entry.omitted_paragraphs, s.units, s.units,
            entry.alignment_score, entry.alignment_score);
    }
    html += "</tbody>\n</table>\n</main>\n";
    // Sorting: click a heading to sort by that column, again to reverse. Numbers sort numerically.
    html += R"js(<script>
document.querySelectorAll("table.sortable th button").forEach(function (button, column) {
  button.addEventListener("click", function () {
    var body = button.closest("table").tBodies[0];
    var ascending = button.dataset.order !== "asc";
    button.dataset.order = ascending ? "asc" : "desc";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].dataset.sort, y = b.cells[column].dataset.sort;
      var nx = parseFloat(x), ny = parseFloat(y);
      var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
</script>
)js";
    html += "</body>\n</html>\n";
    return html;
}

}  // namespace artalign
