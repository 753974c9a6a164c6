// HTML coverage reports: self-contained pages (inline CSS; the index's sorting is the only script).
#include "report/report_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "util/json_writer.hpp"
#include "write/tmx_writer.hpp"
#include "artalign/version.hpp"
#include "report/review_script.hpp"

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
.sentence { border-radius: 3px; }
.scripted .sentence { cursor: pointer; }
.sentence:focus { outline: 2px solid #1a56c4; outline-offset: 1px; }
.sentence.partner { background: #c9dcff; box-shadow: 0 0 0 1px #1a56c4; }
.sentence.picked { background: #1a56c4; color: #fff; }
tr.changed th, .legend .reviewed { border-left: 5px solid #2e7d32; }
tr.weak .marker { color: #8a5a00; }
.actions { display: none; }
.scripted .actions { display: table-cell; white-space: nowrap; }
.actions button, .toolbar button, .toolbar select { font: inherit; font-size: .85rem; margin: 0 .15rem .15rem 0; }
#review-tools { border: 1px solid var(--rule); border-radius: 4px; padding: .3rem .8rem; margin: 1rem 0; }
#review-tools h2 { font-size: 1.05rem; margin: .2rem 0; }
#review-tools .help { font-size: .85rem; color: #444; margin: .2rem 0; }
#status { font-weight: 600; min-height: 1.5em; margin: .2rem 0; }
.filters label, .filters select { margin-right: .8rem; }
table.index td { overflow-wrap: anywhere; }
table.index td:first-child { width: 30%; }
tr.not-aligned { background: #eee; }
@media print {
  #review-tools, .actions, .filters { display: none !important; }
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

// Controls of the review editor: hidden until the script shows them, so a page read without
// scripts (or printed) shows none.
constexpr const char* kReviewToolbar = R"html(<section id="review-tools" hidden aria-labelledby="review-heading">
<h2 id="review-heading">Review</h2>
<p class="help">Pick a sentence (click, or Enter on it), then a sentence in the other column: the two become one unit.
Keys on a sentence: <kbd>a</kbd> accept its unit, <kbd>r</kbd> reject it, <kbd>s</kbd> split it, <kbd>m</kbd> merge it with
the next row, <kbd>u</kbd> untranslated, <kbd>e</kbd> English-only, <kbd>←</kbd>/<kbd>→</kbd> other column,
<kbd>↑</kbd>/<kbd>↓</kbd> previous/next sentence, <kbd>Esc</kbd> cancel.</p>
<div class="toolbar">
<label for="filter">Show</label> <select id="filter"><option value="all">all rows</option>
<option value="untranslated">untranslated rows</option><option value="weak">weak rows</option>
<option value="changed">changed rows</option></select>
<button type="button" id="mark-untranslated" disabled>Mark untranslated</button>
<button type="button" id="mark-translation-only" disabled>Mark English-only</button>
<button type="button" id="cancel-pick" disabled>Cancel pick</button>
<button type="button" id="undo" disabled>Undo</button>
<button type="button" id="export-corrections">Export corrections (JSON)</button>
<button type="button" id="export-tmx">Export corrected TMX</button>
</div>
<p id="status" role="status" aria-live="polite"></p>
</section>
)html";

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

namespace {

// The page's data for the review script, as JSON (whose writer escapes <, > and &, so it
// cannot close the script element it sits in).
std::string review_data_json(const AlignedPair& pair, const CoverageReport& report, const ReviewPageOptions& review,
                             const CoverageOptions& thresholds) {
    JsonWriter json(0);
    json.begin_object().key("schema").value("artalign-review-page/1");
    const auto article = [&](const Article& a, const SegmentList& segments) {
        json.begin_object().key("url").value(a.url).key("title").value(a.title).key("language").value(a.language);
        json.key("sentences").begin_array();
        for (const Segment& segment : segments) json.value(segment.text);
        json.end_array().key("paragraph_starts").begin_array();
        for (std::size_t k = 0; k < segments.size(); ++k) {
            if (k == 0 || segments[k].block != segments[k - 1].block) json.value(k);
        }
        json.end_array().end_object();
    };
    json.key("original");
    article(pair.original, pair.original_segments);
    json.key("translation");
    article(pair.translation, pair.translation_segments);
    json.key("beads").begin_array();
    for (std::size_t b = 0; b < pair.beads.size(); ++b) {
        const Bead& bead = pair.beads[b];
        json.begin_object().key("source").begin_array();
        for (const std::size_t k : bead.source) json.value(k);
        json.end_array().key("target").begin_array();
        for (const std::size_t k : bead.target) json.value(k);
        json.end_array()
            .key("score").value(bead.score)
            .key("score_text").value(fmt::format("{:.3f}", bead.score))
            .key("review").value(b < pair.reviews.size() ? pair.reviews[b] : std::string())
            .end_object();
    }
    json.end_array();
    json.key("weak_score").value(thresholds.weak_bead_score);
    json.key("addition_share_limit").value(thresholds.not_translation_addition_share);
    json.key("mismatched").value(pair.mismatched);
    json.key("likely_not_translation").value(report.likely_not_translation);
    // What the TMX export needs to write what `align` writes (tmx_elements.cpp).
    const auto clean = [](const std::string& text) { return clean_segment_text(text); };
    json.key("tmx").begin_object()
        .key("version").value(kVersion)
        .key("srclang").value(review.source_language)
        .key("tgtlang").value(review.target_language)
        .key("reversed").value(review.reversed)
        .key("min_score").value(review.min_score)
        .key("dedupe").value(review.dedupe)
        .key("numbered").value(!review.tuids.empty())
        .key("corrections_name").value(review.corrections_name)
        .key("source_url").value(clean(review.reversed ? pair.translation.url : pair.original.url))
        .key("target_url").value(clean(review.reversed ? pair.original.url : pair.translation.url))
        .key("article_date").value(clean(pair.translation.published))
        .key("article_title").value(clean(pair.translation.title))
        .end_object();
    json.key("corrections").begin_array();
    for (const Correction& correction : review.corrections) {
        json.begin_object().key("action").value(to_string(correction.action));
        for (const auto& [name, side] : {std::pair{"source", &correction.source}, std::pair{"target", &correction.target}}) {
            if (side->empty()) continue;
            json.key(name).begin_array();
            for (const CorrectionSentence& sentence : *side)
                json.begin_object().key("text").value(sentence.text).key("index").value(sentence.index).end_object();
            json.end_array();
        }
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

// A row's label cell; label_memory_rows finds the cells by this opening.
constexpr std::string_view kLabelCellStart = "<th scope=\"row\" class=\"number\"";

std::string label_cell(const std::string& label, const std::string& title = {}) {
    return fmt::format("{}{}>{}</th>", kLabelCellStart, title.empty() ? "" : " title=\"" + html_escape(title) + "\"",
                       html_escape(label));
}

// A unit's cell on a page whose memory other pairs fill too: its tuid, "= TUID" for a repeat
// (the memory holds the unit once, under that tuid), "–" when it is left out.
std::string memory_label_cell(const MemoryPlace& place) {
    if (!place.repeats.empty()) {
        if (place.tuid.empty()) return label_cell("=", fmt::format("an exact repeat of {}: the memory holds it once", place.repeats));
        return label_cell("= " + place.tuid,
                          fmt::format("an exact repeat of {}: the memory holds it once, as tuid {}", place.repeats, place.tuid));
    }
    return label_cell(place.tuid.empty() ? "–" : place.tuid);
}

// One side's cell: each sentence a focusable span (the script's handle), "¶" where a paragraph starts.
std::string sentence_cell(const SegmentList& segments, const std::vector<std::size_t>& indices, const char* side,
                          const std::string& language) {
    std::string cell = fmt::format("<td class=\"text\" lang=\"{}\">", html_escape(language));
    for (const std::size_t k : indices) {
        const bool starts = k == 0 || segments[k].block != segments[k - 1].block;
        cell += fmt::format("<span class=\"sentence\" data-side=\"{}\" data-index=\"{}\">{}{}</span> ", side, k,
                            starts ? "<span class=\"pilcrow\">¶ </span>" : "", html_escape(segments[k].text));
    }
    cell += "</td>";
    return cell;
}

}  // namespace

std::string render_coverage_html(const AlignedPair& pair, const CoverageReport& report, const ReviewPageOptions& review) {
    const CoverageSummary& s = report.summary;
    const std::string& source_language = pair.original.language;
    const std::string& target_language = pair.translation.language;
    const CoverageOptions thresholds;
    std::string html = page_start("Coverage: " + pair.translation.title);

    html += "<header>\n";
    if (!review.index_href.empty())
        html += fmt::format("<p><a id=\"index-link\" href=\"{}\">← All pairs</a></p>\n", html_escape(review.index_href));
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
            "<span class=\"reviewed\">✓ reviewed</span><span class=\"pilcrow\">¶ new paragraph</span></p>\n</header>\n";
    html += kReviewToolbar;

    html += "<main>\n<table class=\"alignment\">\n<caption>Alignment, unit by unit, in the original's order; "
            "rows are labelled with their tuid in the TMX</caption>\n";
    html += fmt::format("<thead><tr><th scope=\"col\">tuid</th><th scope=\"col\">Original ({})</th>"
                        "<th scope=\"col\">Translation ({})</th><th scope=\"col\">State</th>"
                        "<th scope=\"col\" class=\"actions\">Review</th></tr></thead>\n<tbody id=\"rows\">\n",
                        html_escape(source_language), html_escape(target_language));
    std::size_t unit = 0;  // the pair's units are its bilingual beads, in order
    for (std::size_t b = 0; b < pair.beads.size(); ++b) {
        const Bead& bead = pair.beads[b];
        const bool reviewed = pair.reviewed(b);
        std::string state_class;
        std::string marker;
        if (bead.target.empty()) {
            state_class = "untranslated";
            marker = "✗ untranslated";
        } else if (bead.source.empty()) {
            state_class = "addition";
            marker = "+ translation only";
        } else if (!reviewed && (report.likely_not_translation || bead.score < thresholds.weak_bead_score)) {
            state_class = "weak";
            marker = fmt::format("? {} {:.2f}", report.likely_not_translation ? "doubtful" : "weak", bead.score);
        } else {
            marker = fmt::format("{} · {:.2f}", bead.type(), bead.score);
        }
        if (reviewed) marker = "✓ " + marker;
        std::string label_html;
        if (review.memory_labels && !review.places.empty()) {
            label_html = bead.is_null() || unit >= review.places.size() ? label_cell("–") : memory_label_cell(review.places[unit]);
        } else if (review.tuids.empty()) {
            label_html = label_cell(fmt::format("bead {}", b + 1));
        } else {
            label_html = label_cell(b < review.tuids.size() && review.tuids[b] != 0 ? std::to_string(review.tuids[b]) : "–");
        }
        if (!bead.is_null()) ++unit;
        std::string classes = "bead";
        if (!state_class.empty()) classes += " " + state_class;
        if (reviewed) classes += " changed";
        html += fmt::format("<tr class=\"{}\" data-bead-type=\"{}\">{}{}{}"
                            "<td class=\"state\"><span class=\"marker\">{}</span></td><td class=\"actions\"></td></tr>\n",
                            classes, bead.type(), label_html,
                            sentence_cell(pair.original_segments, bead.source, "source", source_language),
                            sentence_cell(pair.translation_segments, bead.target, "target", target_language),
                            html_escape(marker));
    }
    html += "</tbody>\n</table>\n</main>\n<footer><p>Made by artalign.</p></footer>\n";
    html += "<script type=\"application/json\" id=\"review-data\">" +
            review_data_json(pair, report, review, thresholds) + "</script>\n";
    html += "<script>" + detail::review_script(review.memory_labels) + "</script>\n</body>\n</html>\n";
    return html;
}

std::string label_memory_rows(std::string_view page, const std::vector<MemoryPlace>& places) {
    constexpr std::string_view kTypeAttribute = "data-bead-type=\"";
    std::string labelled;
    labelled.reserve(page.size() + 64 * places.size());
    std::size_t unit = 0;
    std::size_t copied = 0;  // page[0, copied) is in `labelled`
    for (std::size_t cell = page.find(kLabelCellStart); cell != std::string_view::npos;
         cell = page.find(kLabelCellStart, copied)) {
        const std::size_t end = page.find("</th>", cell);
        const std::size_t type = page.rfind(kTypeAttribute, cell);
        if (end == std::string_view::npos || type == std::string_view::npos || type < copied)
            throw std::invalid_argument("not a review page: a row label without its row");
        // Bead types are "2-1"; a null bead has a 0 side ("1-0", "0-1") and is no unit.
        std::string_view bead_type = page.substr(type + kTypeAttribute.size(), cell - type - kTypeAttribute.size());
        bead_type = bead_type.substr(0, bead_type.find('"'));
        const bool bilingual = !bead_type.starts_with("0-") && !bead_type.ends_with("-0");
        labelled.append(page.substr(copied, cell - copied));
        if (!bilingual) {
            labelled += label_cell("–");
        } else if (unit < places.size()) {
            labelled += memory_label_cell(places[unit++]);
        } else {
            throw std::invalid_argument(fmt::format("the page has more units than the {} given", places.size()));
        }
        copied = end + std::string_view("</th>").size();
    }
    if (unit != places.size())
        throw std::invalid_argument(fmt::format("the page has {} units, not the {} given", unit, places.size()));
    labelled.append(page.substr(copied));
    return labelled;
}

namespace {

// The verdict's kind, as the coverage report decides it (build_coverage_report).
std::string verdict_kind(const CoverageIndexEntry& entry) {
    if (entry.status != "aligned") return entry.status;
    if (entry.likely_not_translation) return "not a translation";
    return entry.summary.char_share() >= CoverageOptions{}.full_translation_share ? "full" : "abridged";
}

std::string index_row(const CoverageIndexEntry& entry) {
    const std::string kind = verdict_kind(entry);
    const std::string reviewed = entry.reviewed_units > 0 ? "reviewed" : "not reviewed";
    if (entry.status != "aligned") {
        return fmt::format("<tr class=\"{0} not-aligned\" data-verdict=\"{0}\" data-reviewed=\"not reviewed\">"
                           "<td data-sort=\"{1}\">{1}</td><td data-sort=\"{0}\"><span class=\"marker\">✗ {0}</span>: {2}</td>"
                           "<td data-sort=\"-1\">–</td><td data-sort=\"-1\">–</td><td data-sort=\"-1\">–</td>"
                           "<td data-sort=\"-1\">–</td><td data-sort=\"-1\">–</td><td data-sort=\"-1\">–</td>"
                           "<td data-sort=\"0\">–</td></tr>\n",
                           html_escape(kind), html_escape(entry.key), html_escape(entry.reason));
    }
    const CoverageSummary& s = entry.summary;
    const std::string title = entry.title.empty() ? entry.key : entry.title;
    const std::string link = entry.href.empty() ? html_escape(title)
                                                : fmt::format("<a href=\"{}\">{}</a>", html_escape(entry.href), html_escape(title));
    return fmt::format(
        "<tr{}><td data-sort=\"{}\">{}<br><span lang=\"ko\">{}</span>{}</td><td data-sort=\"{}\">{}</td>"
        "<td data-sort=\"{:.4f}\">{}</td><td data-sort=\"{:.4f}\">{} of {}</td><td data-sort=\"{}\">{}</td>"
        "<td data-sort=\"{}\">{}</td><td data-sort=\"{}\">{}</td><td data-sort=\"{:.4f}\">{:.2f}</td>"
        "<td data-sort=\"{}\">{}</td></tr>\n",
        fmt::format(" class=\"{}\" data-verdict=\"{}\" data-reviewed=\"{}\"", entry.likely_not_translation ? "weak" : "",
                    html_escape(kind), reviewed),
        html_escape(title), link, html_escape(entry.original_title),
        entry.likely_not_translation ? " <span class=\"marker\">⚠ probably not a translation</span>" : "",
        html_escape(kind), html_escape(kind), s.char_share(), percent(s.char_share()), s.sentence_share(),
        s.covered_sentences, s.source_sentences, s.untranslated, s.untranslated, entry.omitted_paragraphs,
        entry.omitted_paragraphs, s.units, s.units, entry.alignment_score, entry.alignment_score, entry.reviewed_units,
        entry.reviewed_units > 0 ? fmt::format("✓ {} units", entry.reviewed_units) : std::string("no"));
}

}  // namespace

std::string render_coverage_index_html(const std::vector<CoverageIndexEntry>& entries, const std::string& heading) {
    std::string html = page_start(heading);
    html += fmt::format("<header><h1>{}</h1>\n", html_escape(heading));

    // Histogram of the aligned pairs' character coverage in ten bins (the last one includes 100%).
    std::array<std::size_t, 10> bins{};
    std::size_t covered_chars = 0;
    std::size_t source_chars = 0;
    std::size_t aligned = 0;
    for (const CoverageIndexEntry& entry : entries) {
        if (entry.status != "aligned") continue;
        ++aligned;
        const auto bin = std::min<std::size_t>(9, static_cast<std::size_t>(entry.summary.char_share() * 10.0));
        ++bins[bin];
        covered_chars += entry.summary.covered_chars;
        source_chars += entry.summary.source_chars;
    }
    const double overall = source_chars == 0 ? 0.0 : static_cast<double>(covered_chars) / static_cast<double>(source_chars);
    html += fmt::format("<p id=\"overall\">{} pairs ({} aligned, {} not); {} of the aligned originals' characters covered overall.</p>\n",
                        entries.size(), aligned, entries.size() - aligned, percent(overall));
    const std::size_t tallest = std::max<std::size_t>(1, *std::max_element(bins.begin(), bins.end()));
    html += "<figure><svg role=\"img\" aria-labelledby=\"histogram-title\" width=\"500\" height=\"170\" viewBox=\"0 0 500 170\">\n"
            "<title id=\"histogram-title\">Aligned pairs by share of the original's characters covered</title>\n";
    for (std::size_t k = 0; k < bins.size(); ++k) {
        const double height = 120.0 * static_cast<double>(bins[k]) / static_cast<double>(tallest);
        const double x = 10.0 + 48.0 * static_cast<double>(k);
        const std::string bin = fmt::format("{}-{}%", k * 10, k * 10 + 10);
        html += fmt::format("<rect class=\"bin\" data-count=\"{}\" data-bin=\"{}\" x=\"{:.0f}\" y=\"{:.1f}\" width=\"42\" "
                            "height=\"{:.1f}\" fill=\"#4a78c2\"><title>{}: {} pairs</title></rect>\n",
                            bins[k], bin, x, 140.0 - height, height, bin, bins[k]);
        html += fmt::format("<text x=\"{:.0f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", x + 21.0, 135.0 - height,
                            bins[k]);
        html += fmt::format("<text class=\"bin-label\" x=\"{:.0f}\" y=\"156\" text-anchor=\"middle\">{}</text>\n", x + 21.0, bin);
    }
    html += "</svg><figcaption>Aligned pairs by share of the original's characters covered; each bar is a bin "
            "of 10 points (\"50-60%\": from 50% up to, not including, 60%; the last includes 100%).</figcaption></figure>\n</header>\n";

    html += "<main>\n<p class=\"filters\" hidden><label for=\"verdict-filter\">Verdict</label> <select id=\"verdict-filter\">"
            "<option value=\"\">all</option><option>full</option><option>abridged</option><option>not a translation</option>"
            "<option>failed</option><option>skipped</option></select> <label for=\"reviewed-filter\">Review</label> "
            "<select id=\"reviewed-filter\"><option value=\"\">all</option><option>reviewed</option><option>not reviewed</option>"
            "</select> <span id=\"shown\"></span></p>\n";
    html += "<table class=\"index sortable\">\n<caption>Article pairs, the review work queue (click a column heading to sort)</caption>\n"
            "<thead><tr><th scope=\"col\"><button type=\"button\">Article</button></th>"
            "<th scope=\"col\"><button type=\"button\">Verdict</button></th>"
            "<th scope=\"col\"><button type=\"button\">Characters covered</button></th>"
            "<th scope=\"col\"><button type=\"button\">Sentences covered</button></th>"
            "<th scope=\"col\"><button type=\"button\">Untranslated</button></th>"
            "<th scope=\"col\"><button type=\"button\">Paragraphs omitted</button></th>"
            "<th scope=\"col\"><button type=\"button\">Units</button></th>"
            "<th scope=\"col\"><button type=\"button\">Score</button></th>"
            "<th scope=\"col\"><button type=\"button\">Reviewed</button></th></tr></thead>\n<tbody>\n";
    for (const CoverageIndexEntry& entry : entries) html += index_row(entry);
    html += "</tbody>\n</table>\n</main>\n";
    // Sorting: click a heading to sort by that column, again to reverse. Numbers sort numerically.
    // Filtering: rows whose data-verdict / data-reviewed differ from a chosen value are hidden.
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
(function () {
  var verdict = document.getElementById("verdict-filter"), reviewed = document.getElementById("reviewed-filter");
  function apply() {
    var shown = 0, rows = document.querySelector("table.index").tBodies[0].rows;
    Array.prototype.forEach.call(rows, function (row) {
      row.hidden = (verdict.value && row.dataset.verdict !== verdict.value) || (reviewed.value && row.dataset.reviewed !== reviewed.value);
      if (!row.hidden) ++shown;
    });
    document.getElementById("shown").textContent = shown + " of " + rows.length + " pairs shown";
  }
  verdict.addEventListener("change", apply);
  reviewed.addEventListener("change", apply);
  document.querySelector("p.filters").hidden = false;
  apply();
})();
</script>
)js";
    html += "</body>\n</html>\n";
    return html;
}

}  // namespace artalign
