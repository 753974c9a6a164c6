// Internal: the review editor's script. Every action becomes a correction (the four actions of
// corrections.hpp); the page's state is always the page's beads with the corrections applied in
// order, by the same rule as apply_corrections, so `align --corrections` rebuilds what the page
// shows and exports.
#include "report/review_script.hpp"

namespace artalign::detail {
namespace {

// The script in parts: the two ways of labelling rows go between them.
constexpr const char* kStart = R"js(
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("review-data").textContent);
  var S = data.original.sentences, T = data.translation.sentences;
  var sourceStarts = new Set(data.original.paragraph_starts), targetStarts = new Set(data.translation.paragraph_starts);
  var rowsBody = document.getElementById("rows");
  var statusLine = document.getElementById("status");
  var filterBox = document.getElementById("filter");
  var storageKey = "artalign-review:" + location.pathname;
  var added = [];      // this session's corrections, in order
  var beads = [];      // the page's beads with `added` applied
  var picked = null;   // {side, index}: the sentence waiting for a partner
  var tuids = [];
)js";

// A page whose TMX is its own: rows carry the tuids the corrected TMX it exports would give
// (they follow the changes), or bead numbers when the output has no tuids.
constexpr const char* kOwnLabel = R"js(      label.textContent = !data.tmx.numbered ? "bead " + (b + 1) : tuids[b] ? String(tuids[b]) : "–";
)js";

// A page one of several sources of its memory (a batch run's TMX, --append's memory): a row
// keeps the label the page was written with while its sentences are those of a row as written;
// a unit a change made is in no memory until the corrections are applied ("new").
constexpr const char* kMemoryLabels = R"js(  var written = new Map();
  function sentencesKey(bead) { return bead.source.join(",") + "|" + bead.target.join(","); }
  Array.prototype.forEach.call(rowsBody.rows, function (row, b) {
    var cell = row.querySelector("th");
    if (cell && data.beads[b]) written.set(sentencesKey(data.beads[b]), {text: cell.textContent, title: cell.title});
  });
  function memoryLabel(cell, bead) {
    var before = written.get(sentencesKey(bead)), unit = bead.source.length > 0 && bead.target.length > 0;
    cell.textContent = before ? before.text : unit ? "new" : "–";
    cell.title = before ? before.title : unit ? "made by a change on this page: in the memory once the corrections are applied" : "";
  }
)js";
constexpr const char* kMemoryLabel = R"js(      memoryLabel(label, bead);
)js";

constexpr const char* kMiddle = R"js(
  function byNumber(a, b) { return a - b; }
  function sentence(side, k) { return {text: side === "source" ? S[k] : T[k], index: k}; }
  function indices(list) { return list.map(function (s) { return s.index; }).sort(byNumber); }
  function copy(bead) {
    return {source: bead.source.slice(), target: bead.target.slice(), score: bead.score,
            score_text: bead.score_text, review: bead.review};
  }

  // The same rule as apply_corrections (corrections.cpp).
  function applyCorrection(list, c) {
    var src = indices(c.source || []), tgt = indices(c.target || []);
    var inS = new Set(src), inT = new Set(tgt), first = -1;
    list.forEach(function (bead, b) {
      var before = bead.source.length + bead.target.length;
      bead.source = bead.source.filter(function (k) { return !inS.has(k); });
      bead.target = bead.target.filter(function (k) { return !inT.has(k); });
      if (bead.source.length + bead.target.length === before) return;
      if (first < 0) first = b;
      bead.review = "";
      if (!bead.source.length || !bead.target.length) { bead.score = 0; bead.score_text = "0.000"; }
    });
    var made = [];
    if (c.action === "pair") {
      made.push({source: src, target: tgt, score: 1, score_text: "1.000", review: "pair"});
    } else {
      src.forEach(function (k) { made.push({source: [k], target: [], score: 0, score_text: "0.000", review: c.action}); });
      tgt.forEach(function (k) { made.push({source: [], target: [k], score: 0, score_text: "0.000", review: c.action}); });
    }
    list.splice.apply(list, [first < 0 ? list.length : first, 0].concat(made));
    return list.filter(function (bead) { return bead.source.length + bead.target.length > 0; });
  }

  function recompute() {
    beads = data.beads.map(copy);
    added.forEach(function (c) { beads = applyCorrection(beads, c); });
  }

  function notTranslation() {
    var additions = 0;
    beads.forEach(function (bead) { if (!bead.source.length) additions += bead.target.length; });
    return data.mismatched || (T.length > 0 && additions / T.length > data.addition_share_limit);
  }

  // Text as clean_segment_text leaves it: characters XML forbids become spaces, runs of white
  // space one space, none at the ends.
  function clean(text) {
    return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDBFF\uDC00-\uDFFF]/g, " ")
               .replace(/[\s\u200B\uFEFF]+/g, " ").trim();
  }

  // The units the TMX gets, as select_units keeps them (empty, --min-score, duplicates).
  function units() {
    var tmx = data.tmx, seen = new Set(), kept = [];
    tuids = beads.map(function () { return 0; });
    beads.forEach(function (bead, b) {
      if (!bead.source.length || !bead.target.length) return;
      var source = clean(bead.source.map(function (k) { return S[k]; }).join(" "));
      var target = clean(bead.target.map(function (k) { return T[k]; }).join(" "));
      var type = bead.source.length + "-" + bead.target.length;
      if (tmx.reversed) { var t = source; source = target; target = t; type = bead.target.length + "-" + bead.source.length; }
      if (!source || !target || bead.score < tmx.min_score) return;
      var key = source + "\u0000" + target;
      if (tmx.dedupe && seen.has(key)) return;
      seen.add(key);
      kept.push({source: source, target: target, type: type, score: bead.score_text, reviewed: !!bead.review});
      tuids[b] = kept.length;
    });
    return kept;
  }

  function xml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\r/g, "&#13;");
  }

  function tmxDocument() {
    var tmx = data.tmx, list = units(), warning = notTranslation() ? "probably not a translation" : "";
    var created = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var out = ['<?xml version="1.0" encoding="UTF-8"?>', '<tmx version="1.4">',
      '  <header creationtool="artalign" creationtoolversion="' + xml(tmx.version) + '" segtype="sentence" o-tmf="artalign"' +
      ' adminlang="en" srclang="' + xml(tmx.srclang) + '" datatype="plaintext" creationdate="' + created + '"/>', '  <body>'];
    function prop(type, value) { if (value) out.push('      <prop type="' + type + '">' + xml(value) + '</prop>'); }
    list.forEach(function (unit, k) {
      out.push('    <tu tuid="' + (k + 1) + '" creationdate="' + created + '">');
      prop("x-source-url", tmx.source_url);
      prop("x-target-url", tmx.target_url);
      prop("x-article-date", tmx.article_date);
      prop("x-article-title", tmx.article_title);
      prop("x-bead", unit.type);
      prop("x-warning", warning);
      prop("x-reviewed", unit.reviewed ? "yes" : "");
      prop("x-score", unit.score);
      [[tmx.srclang, unit.source], [tmx.tgtlang, unit.target]].forEach(function (side) {
        out.push('      <tuv xml:lang="' + xml(side[0]) + '">', '        <seg>' + xml(side[1]) + '</seg>', '      </tuv>');
      });
      out.push('    </tu>');
    });
    out.push('  </body>', '</tmx>', '');
    return out.join("\n");
  }

  function correctionsDocument() {
    return JSON.stringify({
      schema: "artalign-corrections/1",
      original: {url: data.original.url, title: data.original.title},
      translation: {url: data.translation.url, title: data.translation.title},
      corrections: data.corrections.concat(added)
    }, null, 2) + "\n";
  }

  function download(name, type, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], {type: type}));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function isWeak(bead) {
    return !bead.review && bead.source.length > 0 && bead.target.length > 0 &&
           (data.likely_not_translation || bead.score < data.weak_score);
  }

  function cell(bead, side) {
    var td = document.createElement("td"), list = side === "source" ? bead.source : bead.target;
    td.className = "text";
    td.lang = side === "source" ? data.original.language : data.translation.language;
    list.forEach(function (k) {
      var span = document.createElement("span");
      span.className = "sentence";
      span.tabIndex = 0;
      span.dataset.side = side;
      span.dataset.index = k;
      if ((side === "source" ? sourceStarts : targetStarts).has(k)) {
        var mark = document.createElement("span");
        mark.className = "pilcrow";
        mark.textContent = "¶ ";
        span.appendChild(mark);
      }
      span.appendChild(document.createTextNode(side === "source" ? S[k] : T[k]));
      if (picked && picked.side === side && picked.index === k) span.classList.add("picked");
      td.appendChild(span);
      td.appendChild(document.createTextNode(" "));
    });
    return td;
  }

  function button(label, action, enabled) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.dataset.action = action;
    b.disabled = !enabled;
    return b;
  }

  // Letters as compute_coverage counts them: code points other than the space.
  function letters(text) { return Array.from(text).length - (text.match(/ /g) || []).length; }

  // The header's figures for the beads as they now are (compute_coverage's and the report's
  // rules), so a reviewer sees what a correction does to coverage; "Paragraphs omitted" and
  // "Alignment score" stay as aligned.
  function updateFigures() {
    var f = {covered: 0, chars: 0, untranslated: 0, added: 0, units: 0, weak: 0}, total = 0;
    S.forEach(function (s) { total += letters(s); });
    beads.forEach(function (bead) {
      if (!bead.target.length) { f.untranslated += bead.source.length; return; }
      if (!bead.source.length) { f.added += bead.target.length; return; }
      f.units += 1;
      f.covered += bead.source.length;
      bead.source.forEach(function (k) { f.chars += letters(S[k]); });
      if (!bead.review && bead.score < data.weak_score) f.weak += 1;
    });
    function share(part, whole) { return whole ? part / whole : 0; }
    function percent(x) { return (100 * x).toFixed(1) + "%"; }
    function show(id, text, value) {
      var dd = document.getElementById(id);
      if (!dd) return;
      dd.textContent = text;
      dd.dataset.value = value;
    }
    var sentences = share(f.covered, S.length), chars = share(f.chars, total);
    show("sentence-coverage", f.covered + " of " + S.length + " (" + percent(sentences) + ")", sentences.toFixed(4));
    show("character-coverage", percent(chars), chars.toFixed(4));
    show("untranslated-sentences", String(f.untranslated), String(f.untranslated));
    show("added-sentences", String(f.added), String(f.added));
    show("units", String(f.units), String(f.units));
    show("weak-beads", String(f.weak), String(f.weak));
  }

  function render() {
    var focused = document.activeElement && document.activeElement.classList.contains("sentence")
      ? {side: document.activeElement.dataset.side, index: document.activeElement.dataset.index} : null;
    units();
    var doubtful = notTranslation(), fragment = document.createDocumentFragment();
    beads.forEach(function (bead, b) {
      var row = document.createElement("tr"), state = "", marker;
      var bilingual = bead.source.length > 0 && bead.target.length > 0;
      if (!bead.target.length) { state = "untranslated"; marker = "✗ untranslated"; }
      else if (!bead.source.length) { state = "addition"; marker = "+ translation only"; }
      else if (isWeak(bead)) { state = "weak"; marker = "? " + (data.likely_not_translation ? "doubtful " : "weak ") + bead.score.toFixed(2); }
      else marker = bead.source.length + "-" + bead.target.length + " · " + bead.score.toFixed(2);
      if (bead.review) marker = "✓ " + (bead.review === "reject" ? "rejected" : marker);
      row.className = "bead" + (state ? " " + state : "") + (bead.review ? " changed" : "");
      row.dataset.bead = b;
      row.dataset.beadType = bead.source.length + "-" + bead.target.length;
      var label = document.createElement("th");
      label.scope = "row";
      label.className = "number";
)js";

constexpr const char* kEnd = R"js(      var stateCell = document.createElement("td"), markerSpan = document.createElement("span");
      stateCell.className = "state";
      markerSpan.className = "marker";
      markerSpan.textContent = marker;
      stateCell.appendChild(markerSpan);
      var actions = document.createElement("td");
      actions.className = "actions";
      actions.appendChild(button("Accept", "accept", !bead.review));
      actions.appendChild(button("Reject", "reject", bilingual));
      actions.appendChild(button("Split", "split", bead.source.length > 1 || bead.target.length > 1));
      actions.appendChild(button("Merge ↓", "merge", b + 1 < beads.length));
      [label, cell(bead, "source"), cell(bead, "target"), stateCell, actions].forEach(function (c) { row.appendChild(c); });
      fragment.appendChild(row);
    });
    rowsBody.replaceChildren(fragment);
    updateFigures();
    applyFilter();
    document.getElementById("undo").disabled = added.length === 0;
    document.getElementById("mark-untranslated").disabled = !picked || picked.side !== "source";
    document.getElementById("mark-translation-only").disabled = !picked || picked.side !== "target";
    document.getElementById("cancel-pick").disabled = !picked;
    var warning = document.getElementById("warning");
    if (warning) warning.dataset.now = doubtful ? "yes" : "no";
    if (focused) {
      var again = rowsBody.querySelector('.sentence[data-side="' + focused.side + '"][data-index="' + focused.index + '"]');
      if (again) again.focus();
    }
  }

  function applyFilter() {
    var filter = filterBox.value;
    Array.prototype.forEach.call(rowsBody.rows, function (row) {
      var show = filter === "all" || row.classList.contains(filter === "untranslated" ? "untranslated" : filter);
      row.hidden = !show;
    });
  }

  function say(text) { statusLine.textContent = text; }

  function commit(corrections, what) {
    corrections.forEach(function (c) { added.push(c); beads = applyCorrection(beads, c); });
    picked = null;
    try { localStorage.setItem(storageKey, JSON.stringify(added)); } catch (e) { /* storage off: nothing kept */ }
    render();
    say(what + " (" + added.length + " change" + (added.length === 1 ? "" : "s") + " so far)");
  }

  function wholeUnit(bead, action) {
    return {action: action, source: bead.source.map(function (k) { return sentence("source", k); }),
            target: bead.target.map(function (k) { return sentence("target", k); })};
  }

  function rowAction(b, action) {
    var bead = beads[b];
    if (!bead) return;
    if (action === "accept") {
      if (bead.source.length && bead.target.length) commit([wholeUnit(bead, "pair")], "Accepted the unit");
      else commit([wholeUnit(bead, bead.source.length ? "untranslated" : "translation-only")], "Confirmed the row");
    } else if (action === "reject" && bead.source.length && bead.target.length) {
      commit([wholeUnit(bead, "reject")], "Rejected the unit");
    } else if (action === "split" && (bead.source.length > 1 || bead.target.length > 1)) {
      // The last sentence of each longer side leaves the unit, paired with each other when both sides have one to spare.
      var src = bead.source.slice(), tgt = bead.target.slice();
      var lastSource = src.length > 1 ? src.pop() : null, lastTarget = tgt.length > 1 ? tgt.pop() : null;
      var first = {action: "pair", source: src.map(function (k) { return sentence("source", k); }),
                   target: tgt.map(function (k) { return sentence("target", k); })};
      if (!src.length || !tgt.length) first.action = src.length ? "untranslated" : "translation-only";
      var rest;
      if (lastSource !== null && lastTarget !== null) rest = {action: "pair", source: [sentence("source", lastSource)], target: [sentence("target", lastTarget)]};
      else if (lastSource !== null) rest = {action: "untranslated", source: [sentence("source", lastSource)], target: []};
      else rest = {action: "translation-only", source: [], target: [sentence("target", lastTarget)]};
      commit([tidy(first), tidy(rest)], "Split the unit");
    } else if (action === "merge" && beads[b + 1]) {
      var next = beads[b + 1];
      var merged = {action: "pair", source: bead.source.concat(next.source).map(function (k) { return sentence("source", k); }),
                    target: bead.target.concat(next.target).map(function (k) { return sentence("target", k); })};
      if (!merged.source.length || !merged.target.length) merged.action = merged.source.length ? "untranslated" : "translation-only";
      commit([tidy(merged)], "Merged two rows");
    }
  }

  function tidy(c) {
    if (!c.source.length) delete c.source;
    if (!c.target.length) delete c.target;
    return c;
  }

  function mark(side, k) {
    commit([side === "source" ? {action: "untranslated", source: [sentence("source", k)]}
                              : {action: "translation-only", target: [sentence("target", k)]}],
           side === "source" ? "Marked the sentence untranslated" : "Marked the sentence English-only");
  }

  function pick(span) {
    var side = span.dataset.side, k = Number(span.dataset.index);
    if (picked && picked.side !== side) {
      var source = side === "source" ? k : picked.index, target = side === "target" ? k : picked.index;
      commit([{action: "pair", source: [sentence("source", source)], target: [sentence("target", target)]}], "Paired the two sentences");
      return;
    }
    picked = picked && picked.index === k && picked.side === side ? null : {side: side, index: k};
    render();
    say(picked ? "Picked a sentence: now pick its partner in the other column, or mark it" : "Pick cancelled");
  }

  function rowOf(element) { var row = element.closest("tr"); return row ? Number(row.dataset.bead) : -1; }

  function highlight(span, on) {
    var row = span.closest("tr");
    if (!row) return;
    var other = span.dataset.side === "source" ? "target" : "source";
    row.querySelectorAll('.sentence[data-side="' + other + '"]').forEach(function (s) { s.classList.toggle("partner", on); });
  }

  function move(span, key) {
    var all = Array.prototype.filter.call(rowsBody.querySelectorAll(".sentence"), function (s) { return !s.closest("tr").hidden; });
    var position = all.indexOf(span), target = null;
    if (key === "ArrowDown" || key === "ArrowUp") {
      var step = key === "ArrowDown" ? 1 : -1;
      for (var k = position + step; k >= 0 && k < all.length; k += step) {
        if (all[k].dataset.side === span.dataset.side) { target = all[k]; break; }
      }
    } else {
      // The other column: the partner in this row, else the nearest row below, then above, that has one.
      var other = span.dataset.side === "source" ? "target" : "source", row = span.closest("tr");
      for (var r = row; r && !target; r = r.nextElementSibling) if (!r.hidden) target = r.querySelector('.sentence[data-side="' + other + '"]');
      for (r = row; r && !target; r = r.previousElementSibling) if (!r.hidden) target = r.querySelector('.sentence[data-side="' + other + '"]');
    }
    if (target) target.focus();
  }

  rowsBody.addEventListener("click", function (event) {
    var actionButton = event.target.closest("button[data-action]");
    if (actionButton) { rowAction(rowOf(actionButton), actionButton.dataset.action); return; }
    var span = event.target.closest(".sentence");
    if (span) pick(span);
  });
  rowsBody.addEventListener("keydown", function (event) {
    var span = event.target.closest ? event.target.closest(".sentence") : null;
    if (!span || event.ctrlKey || event.metaKey || event.altKey) return;
    var key = event.key, handled = true, b = rowOf(span), side = span.dataset.side, k = Number(span.dataset.index);
    if (key === "Enter" || key === " ") pick(span);
    else if (key === "ArrowUp" || key === "ArrowDown" || key === "ArrowLeft" || key === "ArrowRight") move(span, key);
    else if (key === "Escape") { picked = null; render(); say("Pick cancelled"); }
    else if (key === "a") rowAction(b, "accept");
    else if (key === "r") rowAction(b, "reject");
    else if (key === "s") rowAction(b, "split");
    else if (key === "m") rowAction(b, "merge");
    else if (key === "u" && side === "source") mark(side, k);
    else if (key === "e" && side === "target") mark(side, k);
    else handled = false;
    if (handled) event.preventDefault();
  });
  ["mouseover", "focusin"].forEach(function (type) {
    rowsBody.addEventListener(type, function (event) { var s = event.target.closest(".sentence"); if (s) highlight(s, true); });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    rowsBody.addEventListener(type, function (event) { var s = event.target.closest(".sentence"); if (s) highlight(s, false); });
  });
  filterBox.addEventListener("change", applyFilter);
  document.getElementById("mark-untranslated").addEventListener("click", function () { if (picked) mark(picked.side, picked.index); });
  document.getElementById("mark-translation-only").addEventListener("click", function () { if (picked) mark(picked.side, picked.index); });
  document.getElementById("cancel-pick").addEventListener("click", function () { picked = null; render(); say("Pick cancelled"); });
  document.getElementById("undo").addEventListener("click", function () {
    added.pop();
    try { localStorage.setItem(storageKey, JSON.stringify(added)); } catch (e) { /* storage off */ }
    recompute();
    render();
    say("Undone (" + added.length + " changes left)");
  });
  document.getElementById("export-corrections").addEventListener("click", function () {
    download(data.tmx.corrections_name, "application/json", correctionsDocument());
    say("Exported the corrections file");
  });
  document.getElementById("export-tmx").addEventListener("click", function () {
    download("corrected.tmx", "application/x-tmx+xml", tmxDocument());
    say("Exported the corrected TMX");
  });

  // Changes kept from an earlier visit of this page, when they still name its sentences.
  try {
    var kept = JSON.parse(localStorage.getItem(storageKey) || "[]");
    var fits = Array.isArray(kept) && kept.every(function (c) {
      return (c.source || []).every(function (s) { return S[s.index] === s.text; }) &&
             (c.target || []).every(function (s) { return T[s.index] === s.text; });
    });
    if (fits) added = kept;
  } catch (e) { added = []; }
  recompute();
  document.body.classList.add("scripted");
  document.getElementById("review-tools").hidden = false;
  render();
  if (added.length) say("Restored " + added.length + " changes from your last visit");
  // When the editor became usable, in ms from navigation start (the browser test reports it).
  document.body.dataset.readyMs = performance.now().toFixed(0);
  document.body.dataset.ready = "yes";
})();
)js";

}  // namespace

std::string review_script(bool memory_labels) {
    std::string script = kStart;
    if (memory_labels) script += kMemoryLabels;
    script += kMiddle;
    script += memory_labels ? kMemoryLabel : kOwnLabel;
    script += kEnd;
    return script;
}

}  // namespace artalign::detail
