// Drives Debian's chromium (playwright-core, no browser download) through a review of a
// coverage report page: reject, re-pair, merge, split, marks, filters, partner highlighting,
// keyboard-only use, and both exports. Run by tests/cli/review_browser.sh, which checks the
// exports with xmllint, artalign validate and align --corrections.
//
//   node review_page_test.js MODE PAGE.html OUTPUT_DIR [MORE_PAGES.html...]
//   MODE: review  the full review (writes corrections.json, corrected.tmx, screenshots)
//         hostile every planted markup shows as text; no dialog, no planted element; exports
//         the TMX and corrections untouched
//         timing  load and click-to-update times of a long page (printed as figures)
//         export  exports the TMX of each page as it is (writes OUTPUT_DIR/NAME.tmx for NAME.html)
//         batch   a batch's pair page: accept the first unit, reject the second, export the
//                 corrections under the name the page suggests (into OUTPUT_DIR)
//         index   a batch index (PAGE is DIR/index.html): every pair listed, failed and skipped
//                 ones with their reason; filters and sorting; links both ways
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require(process.env.PLAYWRIGHT_CORE || "playwright-core");

const [mode, pageFile, outputDir, ...morePages] = process.argv.slice(2);
const problems = [];
const check = (condition, what) => { if (!condition) problems.push(what); };

async function openBrowser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "artalign-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1200, height: 860 },
    deviceScaleFactor: 0.75,  // smaller screenshots (docs/images/ are copies of them)
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--no-first-run"],
  });
  const network = [];
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith("file:") && !url.startsWith("blob:") && !url.startsWith("data:")) network.push(url);
  });
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("dialog", async (dialog) => { errors.push("a dialog opened: " + dialog.message()); await dialog.dismiss(); });
  return { context, page, network, errors, profile };
}

async function load(page, file = pageFile) {
  const started = Date.now();
  await page.goto("file://" + path.resolve(file));
  await page.waitForSelector(mode === "index" ? "table.index" : "body[data-ready=yes]", { timeout: 60000 });
  return Date.now() - started;
}

async function save(page, buttonId, name, keyboard) {
  const waiting = page.waitForEvent("download", { timeout: 30000 });
  if (keyboard) {
    await page.focus("#" + buttonId);
    await page.keyboard.press("Enter");
  } else {
    await page.click("#" + buttonId);
  }
  const download = await waiting;
  const file = path.join(outputDir, name);
  await download.saveAs(file);
  return fs.readFileSync(file, "utf8");
}

// The rows as the page shows them: label, sentence indices of both sides, classes.
function rows(page) {
  return page.$$eval("#rows tr", (trs) => trs.map((tr) => ({
    label: tr.querySelector("th").textContent,
    source: [...tr.querySelectorAll('.sentence[data-side="source"]')].map((s) => Number(s.dataset.index)),
    target: [...tr.querySelectorAll('.sentence[data-side="target"]')].map((s) => Number(s.dataset.index)),
    classes: tr.className.split(" "),
    hidden: tr.hidden,
  })));
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const rowWith = (list, side, k) => list.find((row) => row[side].includes(k));

async function review(page) {
  await page.screenshot({ path: path.join(outputDir, "review-before.png"), fullPage: true });
  await page.screenshot({ path: path.join(outputDir, "review-before-top.png") });
  let list = await rows(page);
  const bilingual = list.map((row, b) => ({ ...row, b })).filter((row) => row.source.length && row.target.length);
  check(bilingual.length >= 6, "the sample should have at least 6 units, has " + bilingual.length);
  check(list.every((row, b) => row.source.length && row.target.length ? /^\d+$/.test(row.label) : row.label === "–"),
        "rows are not labelled with tuids");

  // Hovering a sentence highlights its partner.
  const first = bilingual[0];
  await page.hover(`.sentence[data-side="source"][data-index="${first.source[0]}"]`);
  check(await page.$eval(`.sentence[data-side="target"][data-index="${first.target[0]}"]`, (s) => s.classList.contains("partner")),
        "hovering a source sentence does not highlight its partner");

  // Reject the first unit: its sentences are left without a partner, and the header's
  // figures follow (one unit fewer, its sentences untranslated and translation-only).
  const figure = (id) => page.$eval("#" + id, (dd) => Number(dd.dataset.value));
  const before = { units: await figure("units"), untranslated: await figure("untranslated-sentences"),
                   added: await figure("added-sentences"), coverage: await figure("sentence-coverage") };
  await page.click(`#rows tr:nth-child(${first.b + 1}) button[data-action=reject]`);
  list = await rows(page);
  check(await figure("units") === before.units - 1, "the units figure did not follow a rejection");
  check(await figure("untranslated-sentences") === before.untranslated + first.source.length,
        "the untranslated figure did not follow a rejection");
  check(await figure("added-sentences") === before.added + first.target.length,
        "the translation-only figure did not follow a rejection");
  check(await figure("sentence-coverage") < before.coverage, "the coverage figure did not drop after a rejection");
  check(rowWith(list, "source", first.source[0]).target.length === 0, "rejecting left the source paired");
  check(rowWith(list, "target", first.target[0]).source.length === 0, "rejecting left the target paired");

  // Re-pair two rows: the source of one unit with the target of the next one.
  const [u, v] = [bilingual[2], bilingual[3]];
  await page.click(`.sentence[data-side="source"][data-index="${u.source[0]}"]`);
  check(await page.$eval(`.sentence[data-side="source"][data-index="${u.source[0]}"]`, (s) => s.classList.contains("picked")),
        "a clicked sentence is not shown as picked");
  await page.hover(`.sentence[data-side="target"][data-index="${v.target[0]}"]`);
  await page.screenshot({ path: path.join(outputDir, "review-pick.png") });
  await page.click(`.sentence[data-side="target"][data-index="${v.target[0]}"]`);
  list = await rows(page);
  const repaired = rowWith(list, "source", u.source[0]);
  check(same(repaired.source, [u.source[0]]) && same(repaired.target, [v.target[0]]), "re-pairing did not pair the two sentences");
  check(repaired.classes.includes("changed"), "a re-paired row is not marked changed");

  // Merge a unit with the next row, then split it again.
  const w = bilingual[4];
  let position = list.findIndex((row) => row.source.includes(w.source[0]));
  const next = list[position + 1];
  await page.click(`#rows tr:nth-child(${position + 1}) button[data-action=merge]`);
  list = await rows(page);
  const merged = rowWith(list, "source", w.source[0]);
  check(same(merged.source, [...w.source, ...next.source].sort((a, b) => a - b)) &&
        same(merged.target, [...w.target, ...next.target].sort((a, b) => a - b)), "merging did not join the two rows");
  position = list.indexOf(merged);
  await page.click(`#rows tr:nth-child(${position + 1}) button[data-action=split]`);
  list = await rows(page);
  check(rowWith(list, "source", w.source[0]) !== rowWith(list, "source", next.source[next.source.length - 1] ?? -1) ||
        next.source.length === 0, "splitting did not separate the merged row");

  // Keyboard only: Tab into the table, move, accept, pair, mark untranslated and English-only.
  await page.focus("#export-tmx");
  for (let k = 0; k < 12; ++k) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement.classList.contains("sentence"))) break;
  }
  check(await page.evaluate(() => document.activeElement.classList.contains("sentence")), "Tab does not reach the sentences");
  const focused = () => page.evaluate(() => ({ side: document.activeElement.dataset.side, index: Number(document.activeElement.dataset.index) }));
  const x = bilingual[5];
  await page.focus(`.sentence[data-side="source"][data-index="${x.source[0]}"]`);
  await page.keyboard.press("ArrowRight");
  const partner = await focused();
  check(partner.side === "target" && x.target.includes(partner.index), "ArrowRight does not move to the partner");
  check(await page.evaluate(() => document.activeElement.classList.contains("partner") ||
        [...document.activeElement.closest("tr").querySelectorAll('.sentence[data-side="source"]')].every((s) => s.classList.contains("partner"))),
        "focusing a sentence does not highlight its partner");
  await page.keyboard.press("a");
  list = await rows(page);
  check(rowWith(list, "target", partner.index).classes.includes("changed"), "key a did not accept the unit");
  await page.keyboard.press("ArrowDown");
  const below = await focused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowLeft");
  const sourceSide = await focused();
  await page.keyboard.press("ArrowDown");
  const pairedSource = await focused();
  await page.keyboard.press("Enter");
  list = await rows(page);
  const keyed = rowWith(list, "source", pairedSource.index);
  check(sourceSide.side === "source" && same(keyed.source, [pairedSource.index]) && same(keyed.target, [below.index]),
        "pairing with Enter did not pair the two sentences");
  await page.keyboard.press("u");
  list = await rows(page);
  check(rowWith(list, "source", pairedSource.index).target.length === 0, "key u did not mark the sentence untranslated");
  await page.focus(`.sentence[data-side="target"][data-index="${below.index}"]`);
  await page.keyboard.press("e");
  list = await rows(page);
  check(rowWith(list, "target", below.index).source.length === 0, "key e did not mark the sentence English-only");
  // m merges with the next row, s splits it again, r rejects: all from the keyboard.
  const y = list.findIndex((row, k) => row.source.length && row.target.length && list[k + 1] &&
                                       list[k + 1].source.length && list[k + 1].target.length);
  const [top, under] = [list[y], list[y + 1]];
  await page.focus(`.sentence[data-side="source"][data-index="${top.source[0]}"]`);
  await page.keyboard.press("m");
  list = await rows(page);
  check(same(rowWith(list, "source", top.source[0]).target, [...top.target, ...under.target].sort((a, b) => a - b)),
        "key m did not merge the row with the next");
  await page.keyboard.press("s");
  list = await rows(page);
  check(!rowWith(list, "source", top.source[0]).target.includes(under.target[under.target.length - 1]), "key s did not split the row");
  await page.keyboard.press("r");
  list = await rows(page);
  check(rowWith(list, "source", top.source[0]).target.length === 0, "key r did not reject the unit");

  // Filters, set from the keyboard.
  for (const [filter, cls] of [["changed", "changed"], ["untranslated", "untranslated"], ["weak", "weak"]]) {
    await page.focus("#filter");
    await page.selectOption("#filter", filter);
    list = await rows(page);
    check(list.every((row) => row.hidden !== row.classes.includes(cls)), `filter ${filter} shows the wrong rows`);
  }
  await page.selectOption("#filter", "changed");
  check((await rows(page)).some((row) => !row.hidden), "no changed rows shown");
  await page.screenshot({ path: path.join(outputDir, "review-changed-filter.png"), fullPage: true });
  await page.selectOption("#filter", "all");

  const corrections = JSON.parse(await save(page, "export-corrections", "corrections.json", true));
  check(corrections.schema === "artalign-corrections/1", "the corrections file has no schema");
  const actions = new Set(corrections.corrections.map((c) => c.action));
  for (const action of ["pair", "reject", "untranslated", "translation-only"])
    check(actions.has(action), `no ${action} correction exported`);
  await save(page, "export-tmx", "corrected.tmx", false);
  await page.screenshot({ path: path.join(outputDir, "review-after.png"), fullPage: true });
  // Printed, the page is the table without the editor's controls.
  await page.emulateMedia({ media: "print" });
  check(await page.evaluate(() => getComputedStyle(document.getElementById("review-tools")).display === "none" &&
        [...document.querySelectorAll(".actions")].every((cell) => getComputedStyle(cell).display === "none")),
        "the review controls show in print");
  await page.emulateMedia({ media: "screen" });
  await page.screenshot({ path: path.join(outputDir, "review-after-top.png") });
}

async function hostile(page) {
  const planted = await page.evaluate(() => ({
    images: document.querySelectorAll("img").length,
    scripts: [...document.scripts].filter((s) => !s.id && s.textContent.includes("alert")).length,
    text: document.body.innerText,
  }));
  check(planted.images === 0, "a planted <img> became an element");
  check(planted.scripts === 0, "a planted <script> became an element");
  check(planted.text.includes("<script>alert(1)</script>"), "the planted <script> is not shown as text");
  check(planted.text.includes('"><img src=x onerror=alert(2)>'), "the planted <img> is not shown as text");
  // Edit a row holding the planted text so it goes through the editor too.
  const holder = await page.$eval("#rows", (body) => {
    const span = [...body.querySelectorAll(".sentence")].find((s) => s.textContent.includes("<script>"));
    return span ? { side: span.dataset.side, index: span.dataset.index } : null;
  });
  check(holder !== null, "no row holds the planted text");
  if (holder) {
    await page.focus(`.sentence[data-side="${holder.side}"][data-index="${holder.index}"]`);
    await page.keyboard.press("a");
  }
  await save(page, "export-corrections", "hostile-corrections.json", false);
  await save(page, "export-tmx", "hostile.tmx", false);
  await page.screenshot({ path: path.join(outputDir, "hostile.png") });
}

async function timing(page, loadMs) {
  const sentences = await page.evaluate(() => ["source", "target"].map((side) =>
    document.querySelectorAll(`.sentence[data-side="${side}"]`).length).join(" original and ") + " translation");
  const ready = await page.evaluate(() => Number(document.body.dataset.readyMs));
  // Click to updated table: the handlers re-render synchronously, so the time to the end of the
  // click event is the time to the updated DOM; then one frame for the paint.
  const clickMs = [];
  for (let k = 0; k < 5; ++k) {
    clickMs.push(await page.evaluate(() => new Promise((resolve) => {
      const start = performance.now();
      const button = document.querySelector("#rows tr:nth-child(" + (10 + 20 * 1) + ") button[data-action=merge]");
      button.click();
      requestAnimationFrame(() => resolve(performance.now() - start));
    })));
    await page.click("#undo");
  }
  const median = clickMs.sort((a, b) => a - b)[2];
  console.log(`figures: ${sentences} sentences; navigation to interactive ${ready.toFixed(0)} ms ` +
              `(page.goto to ready ${loadMs} ms); click to updated frame median ${median.toFixed(1)} ms of 5`);
  // Wide margins: a loaded CI machine, or a sanitizer build, must not fail this.
  check(ready < 10000, `the page took ${ready} ms to become interactive`);
  check(median < 2000, `a click took ${median} ms to update the page`);
}

async function batchReview(page) {
  const rows = await page.$$eval("#rows tr", (trs) => trs.map((tr) => tr.querySelectorAll(".sentence").length > 1 &&
    tr.querySelector('.sentence[data-side="source"]') !== null && tr.querySelector('.sentence[data-side="target"]') !== null));
  const units = rows.map((bilingual, k) => bilingual ? k + 1 : 0).filter((k) => k > 0);
  check(units.length >= 2, "the pair page has fewer than 2 units");
  // The script shows the labels the page was written with: the run TMX's tuids ("= N" for a
  // repeat, with a title), "–" for rows that are no unit.
  const written = [...fs.readFileSync(pageFile, "utf8").matchAll(/<th scope="row" class="number"(?: title="[^"]*")?>([^<]*)<\/th>/g)]
    .map((match) => match[1]);
  const labels = () => page.$$eval("#rows tr th", (ths) => ths.map((th) => ({ text: th.textContent, title: th.title })));
  let shown = await labels();
  check(same(shown.map((label) => label.text), written), "the script does not show the labels the page was written with");
  check(shown.every((label, k) => units.includes(k + 1) ? /^(\d+|= \d+)$/.test(label.text) : label.text === "–"),
        "a batch page's rows are not labelled with tuids: " + shown.map((label) => label.text).join(" "));
  check(shown.every((label) => !label.text.startsWith("=") || /exact repeat/.test(label.title)), "a repeat's label has no title");
  const first = shown[units[0] - 1].text;
  await page.click(`#rows tr:nth-child(${units[0]}) button[data-action=accept]`);
  await page.click(`#rows tr:nth-child(${units[1]}) button[data-action=reject]`);
  // An accepted unit keeps its tuid; the rejected one's sentences are rows that are no unit.
  shown = await labels();
  check(shown[units[0] - 1].text === first, `the accepted unit lost its label ${first}: ${shown[units[0] - 1].text}`);
  check(shown[units[1] - 1].text === "–" && shown[units[1]].text === "–", "the rejected unit's rows are not labelled –");
  // A unit a change makes is in no memory yet: merging two rows makes one.
  await page.click(`#rows tr:nth-child(${units[0]}) button[data-action=merge]`);
  shown = await labels();
  check(shown[units[0] - 1].text === "new" && /corrections/.test(shown[units[0] - 1].title),
        "a unit made on the page is not labelled new: " + shown[units[0] - 1].text);
  await page.click("#undo");
  const waiting = page.waitForEvent("download");
  await page.click("#export-corrections");
  const download = await waiting;
  const name = download.suggestedFilename();
  check(/^corrections-[0-9a-f]{16}\.json$/.test(name), "the batch page suggests the name " + name);
  await download.saveAs(path.join(outputDir, name));
}

async function index(page) {
  const listed = () => page.$$eval("table.index tbody tr", (trs) => trs.map((tr) => ({
    verdict: tr.dataset.verdict, reviewed: tr.dataset.reviewed, hidden: tr.hidden, text: tr.textContent,
    score: Number(tr.cells[7].dataset.sort), href: tr.querySelector("a") ? tr.querySelector("a").getAttribute("href") : null,
  })));
  let rows = await listed();
  const failed = rows.filter((row) => row.verdict === "failed"), skipped = rows.filter((row) => row.verdict === "skipped");
  check(failed.length === 1 && /is not in the mirror/.test(failed[0].text), "the failed pair is not listed with its reason");
  check(skipped.length === 1 && skipped[0].text.length > 20, "the skipped pair is not listed with its reason");
  const labels = await page.$$eval("svg text.bin-label", (texts) => texts.map((t) => t.textContent));
  check(labels.join(",") === "0-10%,10-20%,20-30%,30-40%,40-50%,50-60%,60-70%,70-80%,80-90%,90-100%",
        "histogram bins are not labelled: " + labels.join(","));
  await page.selectOption("#verdict-filter", "failed");
  rows = await listed();
  check(rows.every((row) => row.hidden === (row.verdict !== "failed")), "the verdict filter shows the wrong rows");
  await page.selectOption("#verdict-filter", "");
  await page.selectOption("#reviewed-filter", "reviewed");
  rows = await listed();
  check(rows.every((row) => row.hidden === (row.reviewed !== "reviewed")), "the review filter shows the wrong rows");
  await page.selectOption("#reviewed-filter", "");
  await page.click("th:nth-child(8) button");  // Score, ascending
  rows = await listed();
  const scores = rows.map((row) => row.score);
  check(scores.every((score, k) => k === 0 || scores[k - 1] <= score), "sorting by score does not order the rows");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(outputDir, "index.png"), fullPage: true });
  // Both ways: index -> pair page -> index.
  const aligned = rows.find((row) => row.href);
  await page.click(`a[href="${aligned.href}"]`);
  await page.waitForSelector("body[data-ready=yes]");
  await page.click("#index-link");
  await page.waitForSelector("table.index");
  check(page.url().endsWith("/index.html"), "the pair page does not link back to the index");
}

(async () => {
  fs.mkdirSync(outputDir, { recursive: true });
  const { context, page, network, errors, profile } = await openBrowser();
  try {
    const loadMs = await load(page);
    if (mode === "review") await review(page);
    else if (mode === "hostile") await hostile(page);
    else if (mode === "timing") await timing(page, loadMs);
    else if (mode === "index") await index(page);
    else if (mode === "batch") await batchReview(page);
    else if (mode === "export") {
      for (const [k, file] of [pageFile, ...morePages].entries()) {
        if (k > 0) await load(page, file);
        await save(page, "export-tmx", path.basename(file, ".html") + ".tmx", false);
      }
    }
    else throw new Error("unknown mode " + mode);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  check(network.length === 0, "network requests: " + network.join(", "));
  for (const error of errors) problems.push("page error: " + error);
  for (const problem of problems) console.error("FAIL: " + problem);
  process.exit(problems.length ? 1 : 0);
})().catch((error) => { console.error("FAIL: " + (error.stack || error)); process.exit(1); });
