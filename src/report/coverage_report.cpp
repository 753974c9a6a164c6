// The coverage report of one pair: untranslated and added sentences, weak beads, a verdict.
#include "report/coverage_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "util/json_writer.hpp"
#include "util/text.hpp"

namespace artalign {
namespace {

SentenceLocation locate(const SegmentList& segments, std::size_t index, std::size_t headings, bool has_title) {
    SentenceLocation location;
    location.segment = index;
    location.text = segments[index].text;
    const std::size_t block = segments[index].block;
    for (std::size_t k = index; k > 0 && segments[k - 1].block == block; --k) ++location.sentence;
    ++location.sentence;
    if (block >= headings) {
        location.paragraph = block - headings + 1;
        location.place = fmt::format("paragraph {}, sentence {}", location.paragraph, location.sentence);
    } else if (block == 0 && has_title) {
        location.place = "title";
    } else {
        location.place = fmt::format("subtitle {}", block + (has_title ? 0 : 1));
    }
    return location;
}

std::string percent(double share) { return fmt::format("{:.0f}%", 100.0 * share); }

std::string plural(std::size_t count, const char* noun) {
    return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

// An article's metadata and its sentences, whose indices the beads use.
void write_article(JsonWriter& json, const Article& article, const SegmentList& segments) {
    json.begin_object()
        .key("url").value(article.url)
        .key("language").value(article.language)
        .key("title").value(article.title)
        .key("published").value(article.published)
        .key("modified").value(article.modified)
        .key("byline").value(article.byline)
        .key("sentences").begin_array();
    for (const Segment& segment : segments) json.value(segment.text);
    json.end_array().end_object();
}

void write_locations(JsonWriter& json, const std::vector<SentenceLocation>& locations) {
    json.begin_array();
    for (const SentenceLocation& location : locations) {
        json.begin_object()
            .key("segment").value(location.segment)
            .key("paragraph").value(location.paragraph)
            .key("sentence").value(location.sentence)
            .key("place").value(location.place)
            .key("text").value(location.text)
            .end_object();
    }
    json.end_array();
}

void write_indices(JsonWriter& json, const std::vector<std::size_t>& indices) {
    json.begin_array();
    for (const std::size_t k : indices) json.value(k);
    json.end_array();
}

}  // namespace

CoverageReport build_coverage_report(const AlignedPair& pair, const CoverageOptions& options) {
    CoverageReport report;
    report.summary = pair.coverage;
    const std::size_t source_headings = pair.original.heading_blocks().size();
    const std::size_t target_headings = pair.translation.heading_blocks().size();

    std::set<std::size_t> covered_blocks;
    for (std::size_t b = 0; b < pair.beads.size(); ++b) {
        const Bead& bead = pair.beads[b];
        if (bead.target.empty()) {
            for (const std::size_t k : bead.source)
                report.untranslated.push_back(locate(pair.original_segments, k, source_headings, !pair.original.title.empty()));
        } else if (bead.source.empty()) {
            for (const std::size_t k : bead.target)
                report.additions.push_back(locate(pair.translation_segments, k, target_headings, !pair.translation.title.empty()));
        } else {
            if (bead.score < options.weak_bead_score) report.weak_beads.push_back(b);
            for (const std::size_t k : bead.source) covered_blocks.insert(pair.original_segments[k].block);
        }
    }

    std::set<std::size_t> body_blocks;
    for (const Segment& segment : pair.original_segments) {
        if (segment.block >= source_headings) body_blocks.insert(segment.block);
    }
    report.source_paragraphs = body_blocks.size();
    report.omitted_paragraphs = static_cast<std::size_t>(std::count_if(
        body_blocks.begin(), body_blocks.end(), [&](std::size_t block) { return covered_blocks.count(block) == 0; }));
    report.alignment_score = pair.alignment_score;

    const double share = report.summary.char_share();
    const std::size_t target_sentences = pair.translation_segments.size();
    const double addition_share =
        target_sentences == 0 ? 0.0 : static_cast<double>(report.additions.size()) / static_cast<double>(target_sentences);
    const bool mostly_added = addition_share > options.not_translation_addition_share;
    report.likely_not_translation = pair.mismatched || mostly_added;
    if (report.likely_not_translation) {
        report.verdict = pair.mismatched
                             ? fmt::format("probably not a translation of the original: the alignment found "
                                           "too little evidence that the texts correspond (score {:.2f})",
                                           report.alignment_score)
                             : fmt::format("probably not a translation of the original: {} of the translation's "
                                           "sentences have no counterpart in it",
                                           percent(addition_share));
        report.warnings.push_back(
            "These pages are probably not translations of each other: the coverage figures below are not meaningful.");
    } else if (share >= options.full_translation_share) {
        report.verdict = fmt::format("full translation: {} of the original by characters", percent(share));
    } else {
        report.verdict = fmt::format("abridged translation: {} of the original by characters; {} omitted",
                                     percent(share), plural(report.omitted_paragraphs, "paragraph"));
    }
    if (!report.additions.empty()) report.verdict += fmt::format("; {} added", plural(report.additions.size(), "sentence"));
    return report;
}

std::string coverage_report_json(const AlignedPair& pair, const CoverageReport& report, int indent) {
    const CoverageSummary& summary = report.summary;
    JsonWriter json(indent);
    json.begin_object().key("schema").value("artalign-coverage/1");
    json.key("original");
    write_article(json, pair.original, pair.original_segments);
    json.key("translation");
    write_article(json, pair.translation, pair.translation_segments);
    json.key("verdict").value(report.verdict);
    json.key("likely_not_translation").value(report.likely_not_translation);
    json.key("warnings").begin_array();
    for (const std::string& warning : report.warnings) json.value(warning);
    json.end_array();
    json.key("figures").begin_object()
        .key("source_sentences").value(summary.source_sentences)
        .key("covered_sentences").value(summary.covered_sentences)
        .key("sentence_coverage").value(summary.sentence_share())
        .key("source_characters").value(summary.source_chars)
        .key("covered_characters").value(summary.covered_chars)
        .key("character_coverage").value(summary.char_share())
        .key("untranslated_sentences").value(summary.untranslated)
        .key("added_sentences").value(summary.additions)
        .key("units").value(summary.units)
        .key("weak_beads").value(report.weak_beads.size())
        .key("source_paragraphs").value(report.source_paragraphs)
        .key("omitted_paragraphs").value(report.omitted_paragraphs)
        .key("alignment_score").value(report.alignment_score)
        .end_object();
    json.key("untranslated");
    write_locations(json, report.untranslated);
    json.key("added");
    write_locations(json, report.additions);
    json.key("weak_beads");
    write_indices(json, report.weak_beads);
    json.key("beads").begin_array();
    for (const Bead& bead : pair.beads) {
        json.begin_object().key("type").value(bead.type()).key("source");
        write_indices(json, bead.source);
        json.key("target");
        write_indices(json, bead.target);
        json.key("score").value(bead.score).end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

}  // namespace artalign
