// Browser test of report.html in Debian's Chromium, driven by playwright-core:
//   node report_test.cjs RUN_DIR ARTIFACT_DIR
// The report must load with no console errors and no network requests; show, on the first screen
// at 1366x768 and at 1920x1080, every proposal's rank, verdict and deciding assumption under the
// budget view; render every chart with no label cut off and no chart text under 16 px; carry no
// English text on the Danish page (the visible strings are listed in ARTIFACT_DIR); recompute the
// engine's net values from its embedded flows; change the net values when the discount-rate
// slider moves; keep a view built with the sliders in the page address and restore it; and
// reproduce a flip of the flip table when the sliders (discount rate, horizon, perspective,
// outcome prices, equity weights) are moved from one normative set's valuation to another's; and
// print the proposal sheets to PDF in one A4 page each, their budget forms the engine's figures;
// and show the cross-silo picture of the engine's figures.
// Screenshots go to ARTIFACT_DIR.
"use strict";
const path = require("path");
const fs = require("fs");
const { chromium } = require(path.join(__dirname, "../../output/report/node_modules/playwright-core"));

const [runDir, artifactDir] = process.argv.slice(2);
const failures = [];
const check = (ok, message) => { if (!ok) failures.push(message); };

// Sets an <input> and fires its input event, as a user's drag would.
async function setInput(page, selector, value) {
  await page.$eval(selector, (el, v) => {
    if (el.type === "checkbox") el.checked = v; else el.value = String(v);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}
async function selectBase(page, index) {
  await page.selectOption("#custom-base", String(index));
}
// The custom view's table: per proposal id, mean net value, rank and verdict as shown.
async function shown(page) {
  return page.$$eval("#custom-table tr[data-arm]", rows => Object.fromEntries(rows.map(r => [r.dataset.arm, {
    mean: +r.querySelector("[data-field=net-mean]").dataset.value,
    rank: +r.querySelector("[data-field=rank]").dataset.value,
    sign: r.querySelector("[data-field=sign]").dataset.value }])));
}

// The English catalogue's texts (output/texts_en.cpp), cut into the fragments between their
// placeholders and tags: none may show on the Danish page.
function englishFragments() {
  const source = fs.readFileSync(path.join(__dirname, "../../output/texts_en.cpp"), "utf8");
  const texts = JSON.parse(source.slice(source.indexOf('R"json(') + 7, source.indexOf(')json"')));
  delete texts.glossary;
  const all = [];
  const walk = v => typeof v === "string" ? all.push(v) : Object.values(v).forEach(walk);
  walk(texts);
  return [...new Set(all.flatMap(v => v.split(/\{\}|<[^>]*>/)).map(f => f.trim().replace(/^[.,;:()]+|[.,;:()]+$/g, "").trim())
    .filter(f => f.length >= 8 && / [a-z]/.test(f)))];
}

// The first screen at one size: the answer table's rows in rank order under the budget view, each
// with the engine's verdict, and the rank, verdict and deciding assumption inside the screen.
async function firstScreen(browser, url, data, width, height) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on("pageerror", e => failures.push(`${width}x${height}: ${e}`));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 60000 });
  const rows = await page.$$eval("#answer-table tbody tr", trs => trs.map(tr => {
    const bottom = el => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect().bottom; };
    const decides = tr.querySelector("[data-field=decides]");
    return { arm: tr.dataset.arm, verdict: tr.dataset.verdict, rank: parseInt(tr.cells[0].textContent, 10),
      verdictText: tr.cells[2].textContent, decides: decides.textContent,
      bottom: Math.max(bottom(tr.cells[0]), bottom(tr.cells[1]), bottom(tr.cells[2]), bottom(tr.cells[3]), bottom(decides)) };
  }));
  const budget = data.scenario.budget_norm, proposals = data.arms.length - 1;
  check(rows.length === proposals, `${width}x${height}: the answer lists ${rows.length} of ${proposals} proposals`);
  rows.forEach((r, i) => {
    const s = data.summaries.find(s => s.norm === budget && data.arms[s.arm].id === r.arm);
    check(s && r.rank === s.rank && r.rank === i + 1, `${width}x${height}: ${r.arm} shown at rank ${r.rank} in row ${i + 1}, engine ${s && s.rank}`);
    check(s && r.verdict === s.verdict && r.verdictText.startsWith(data.texts.verdicts[s.verdict]), `${width}x${height}: ${r.arm} verdict "${r.verdictText}"`);
    check(r.decides.trim().length > 10, `${width}x${height}: ${r.arm} has no deciding assumption`);
    check(r.bottom <= height, `${width}x${height}: ${r.arm}'s rank, verdict or deciding assumption ends at ${Math.round(r.bottom)} px, below the first screen`);
  });
  await page.screenshot({ path: path.join(artifactDir, `first-screen-${width}x${height}.png`) });
  return page;
}

// Every chart's text drawn whole (no "…" of a cut label, inside its chart), at least 16 px, and
// no two texts of a chart on top of each other.
async function chartText(page) {
  const problems = await page.$$eval(".chart svg", svgs => svgs.flatMap(svg => {
    const box = svg.getBoundingClientRect(), id = svg.closest(".chart").id;
    const texts = [...svg.querySelectorAll("text")].filter(t => t.textContent.trim());
    const boxes = texts.map(t => t.getBoundingClientRect());
    const out = texts.flatMap((t, i) => {
      const b = boxes[i], size = parseFloat(getComputedStyle(t).fontSize), found = [];
      if (t.textContent.includes("…")) found.push(`${id}: "${t.textContent}" is cut off`);
      if (b.left < box.left - 1 || b.right > box.right + 1 || b.top < box.top - 1 || b.bottom > box.bottom + 1)
        found.push(`${id}: "${t.textContent}" lies outside its chart`);
      if (size < 16) found.push(`${id}: "${t.textContent}" at ${size} px`);
      return found;
    });
    // Overlap by more than 2 px both ways (a line's text and the next line's may touch).
    for (let i = 0; i < boxes.length; ++i)
      for (let j = i + 1; j < boxes.length; ++j) {
        const a = boxes[i], b = boxes[j];
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2)
          out.push(`${id}: "${texts[i].textContent}" and "${texts[j].textContent}" overlap`);
      }
    return out;
  }));
  for (const p of problems.slice(0, 20)) check(false, p);
}

// The proposal sheets: each sheet's budget form holds the engine's figures in 1.000 kr. (the
// total its sum), and printed to PDF the sheets take one A4 page each.
async function printedSheets(browser, url, data) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on("pageerror", e => failures.push(`sheets: ${e}`));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 60000 });
  // A number as the page writes it: Danish 1.234,5, English 1,234.5.
  const parse = text => data.language === "da" ? +text.replace(/\./g, "").replace(",", ".").replace("−", "-")
    : +text.replace(/,/g, "").replace("−", "-");
  const sheets = await page.$$eval(".sheet", els => els.map(e => ({ arm: e.dataset.arm,
    rows: [...e.querySelectorAll("tr[data-department]")].map(r => ({ department: r.dataset.department, type: +r.dataset.type,
      values: [...r.querySelectorAll("td.num")].map(c => c.textContent) })),
    total: [...e.querySelectorAll("tr.total td.num")].map(c => c.textContent) })));
  check(sheets.length === data.arms.length - 1, `${sheets.length} proposal sheets for ${data.arms.length - 1} proposals`);
  for (const sheet of sheets) {
    const a = data.arms.findIndex(x => x.id === sheet.arm);
    const lines = data.budget_form.filter(l => l.arm === a);
    check(sheet.rows.length === lines.length, `${sheet.arm}: ${sheet.rows.length} budget lines for ${lines.length}`);
    for (const l of lines) {
      const row = sheet.rows.find(r => r.department === data.departments[l.department].id && r.type === l.type);
      check(row && l.dkk.every((v, y) => Math.abs(parse(row.values[y]) - v / 1000) <= 0.05 + 1e-9),
        `${sheet.arm}: ${data.departments[l.department].id} type ${l.type} shows ${row && row.values} for ${l.dkk}`);
    }
    sheet.total.forEach((text, y) => {
      const sum = lines.reduce((s, l) => s + l.dkk[y], 0) / 1000;
      check(Math.abs(parse(text) - sum) <= 0.05 + 1e-9, `${sheet.arm}: total ${text} in year ${y} for ${sum}`);
    });
  }
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  fs.writeFileSync(path.join(artifactDir, "proposal-sheets.pdf"), pdf);
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) || []).length;
  check(pages === data.arms.length - 1, `the proposal sheets print on ${pages} A4 pages for ${data.arms.length - 1} proposals`);
  await page.close();
}

(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  fs.mkdirSync(artifactDir, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const consoleErrors = [], requests = [];
  page.on("console", m => { if (m.type() === "error") consoleErrors.push(m.text()); });
  page.on("pageerror", e => consoleErrors.push(String(e)));
  page.on("request", r => { if (!/^(file|data|blob|about):/.test(r.url())) requests.push(r.url()); });
  await page.goto("file://" + path.resolve(runDir, "report.html"));
  await page.waitForSelector("body[data-ready=true]", { timeout: 60000 });

  // Every chart rendered as SVG.
  const charts = await page.$$eval(".chart", els => els.map(e => ({ id: e.id, state: e.dataset.rendered, svg: !!e.querySelector("svg") })));
  check(charts.length >= 6, `expected at least 6 charts, found ${charts.length}`);
  for (const c of charts) check(c.state === "true" && c.svg, `chart ${c.id} did not render (${c.state})`);

  // The page's valuation reproduces the engine's mean net value under every set.
  const data = await page.evaluate(() => D);
  for (let n = 0; n < data.norms.length; ++n) {
    await selectBase(page, n);
    const values = await shown(page);
    for (const s of data.summaries.filter(s => s.norm === n)) {
      const id = data.arms[s.arm].id, engine = s.net[0];
      check(Math.abs(values[id].mean - engine) <= 50 * data.scenario.horizon_years + 1e-6 * Math.abs(engine),
        `${id} under ${data.norms[n].id}: page ${values[id].mean}, engine ${engine}`);
      check(values[id].rank === s.rank, `${id} under ${data.norms[n].id}: page rank ${values[id].rank}, engine ${s.rank}`);
      // The page's verdict rule (for slider views) gives the engine's verdict on its own sets.
      check(values[id].sign === s.verdict, `${id} under ${data.norms[n].id}: page verdict ${values[id].sign}, engine ${s.verdict}`);
    }
  }

  // The flip table and the decision figures show the engine's verdict words, the same words as
  // summary.csv, the workbook and the terminal.
  const words = data.texts.verdicts;
  const cells = await page.$$eval("#flip-table td[data-verdict]", els => els.map(e => ({ arm: e.dataset.arm, norm: e.dataset.norm, verdict: e.dataset.verdict, text: e.textContent })));
  check(cells.length === data.summaries.length, `flip table: ${cells.length} cells for ${data.summaries.length} summaries`);
  for (const c of cells) {
    const s = data.summaries.find(s => data.arms[s.arm].id === c.arm && data.norms[s.norm].id === c.norm);
    check(s && c.verdict === s.verdict && c.text.startsWith(words[s.verdict]), `flip table ${c.arm} under ${c.norm}: "${c.text}" for ${s && s.verdict}`);
  }
  const figures = await page.$$eval("#decision-figures tr[data-arm]", els => els.map(e => ({ arm: e.dataset.arm, verdict: e.dataset.verdict, text: e.children[1].textContent })));
  for (const f of figures) {
    const s = data.summaries.find(s => data.arms[s.arm].id === f.arm && s.norm === data.scenario.budget_norm);
    check(f.verdict === s.verdict && f.text === words[s.verdict], `decision figures ${f.arm}: "${f.text}" for ${s.verdict}`);
  }

  // The cross-silo picture: the baseline's first year shows the engine's combinations, most
  // centres first; the families' members add up to the persons; some family is known to two or
  // more centres; a proposal adds the change from the baseline.
  const cross = await page.$$eval("#cross-table tbody tr", trs => trs.map(tr => ({ count: +tr.dataset.centres,
    persons: +tr.dataset.persons, members: +tr.dataset.members, households: +tr.dataset.households })));
  const crossFirst = data.cross_silo.filter(r => r.arm === 0 && r.year === data.scenario.base_year);
  check(cross.length > 0 && cross.length === crossFirst.length, `cross-silo table: ${cross.length} rows, the engine ${crossFirst.length}`);
  check(cross.every((r, i) => i === 0 || r.count <= cross[i - 1].count), "cross-silo table: not most centres first");
  const crossTotal = f => cross.reduce((x, r) => x + r[f], 0);
  check(Math.abs(crossTotal("persons") - crossTotal("members")) <= 1e-6 * crossTotal("persons"),
    `cross-silo table: ${crossTotal("members")} family members against ${crossTotal("persons")} persons`);
  check(cross.some(r => r.count >= 2 && r.households > 0), "cross-silo table: no family known to two or more centres");
  check(/\d/.test(await page.$eval("#cross-summary", e => e.textContent)), "cross-silo summary holds no figure");
  await page.selectOption("#cross-arm", "1");
  check(await page.$$eval("#cross-table thead th", ths => ths.length) === 8, "cross-silo table: a proposal shows no change column");
  await page.selectOption("#cross-arm", "0");

  // Moving the discount-rate slider changes the net values shown.
  const longest = data.norms.reduce((b, n, i) => n.horizon_years > data.norms[b].horizon_years ? i : b, 0);
  await selectBase(page, longest);
  const before = await shown(page);
  await setInput(page, "#discount-rate", 0.05);
  const after = await shown(page);
  check(Object.keys(before).some(id => Math.abs(before[id].mean - after[id].mean) > 1),
    "moving the discount rate to 5 % changed no net value");

  // A flip of the flip table, reproduced with the sliders: start from set A and move discount
  // rate, horizon, perspective and outcome prices to set B's values (a pair that differs in the
  // discount rate and shares its simulation; B's rate constant within its horizon); every sign
  // and rank then matches the engine's B.
  const rate = n => n.discount.length ? n.discount[0][1] : 0;
  const constantRate = n => n.discount.every((b, i) => i === 0 || b[0] >= n.horizon_years);
  const flip = data.flips.find(f => f.sign && data.norms[f.a].group === data.norms[f.b].group &&
    constantRate(data.norms[f.b]) && rate(data.norms[f.a]) !== rate(data.norms[f.b]) &&
    !data.norms[f.a].owning_department_only && !data.norms[f.b].owning_department_only);
  check(flip, "the flip table has no sign flip between sets that differ in the discount rate");
  if (flip) {
    const A = data.norms[flip.a], B = data.norms[flip.b];
    await selectBase(page, flip.a);
    await setInput(page, "#discount-rate", rate(B));
    await setInput(page, "#horizon", B.horizon_years);
    for (let p = 0; p < data.payers.length; ++p) await setInput(page, "#payer-" + p, B.perspective[p]);
    for (let m = 0; m < data.measures.length; ++m)
      if (await page.$("#price-" + m)) await setInput(page, "#price-" + m, B.measure_values[m]);
    for (let g = 0; g < data.equity_groups.length; ++g)
      if (await page.$("#equity-" + g)) await setInput(page, "#equity-" + g, B.equity_weights[g]);
    const moved = await shown(page);
    for (const s of data.summaries.filter(s => s.norm === flip.b)) {
      const id = data.arms[s.arm].id;
      check(moved[id].sign === s.verdict, `${id}: from ${A.id} to ${B.id}'s values the page shows ${moved[id].sign}, the engine ${s.verdict}`);
      check(moved[id].rank === s.rank, `${id}: from ${A.id} to ${B.id}'s values the page ranks it ${moved[id].rank}, the engine ${s.rank}`);
    }
    console.log(`flip reproduced: ${data.arms[flip.arm].id}, ${A.id} -> ${B.id}`);
  }

  // A view built with the sliders is kept in the page address: opened there, the page shows it;
  // the reset button returns to the budget view.
  await selectBase(page, longest);
  await setInput(page, "#discount-rate", 0.01);
  await setInput(page, "#horizon", Math.max(1, data.norms[longest].horizon_years - 1));
  const kept = await shown(page), address = page.url();
  check(/#view=/.test(address), "moving a slider left the page address unchanged");
  const other = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  other.on("pageerror", e => failures.push(`kept view: ${e}`));
  await other.goto(address);
  await other.waitForSelector("body[data-ready=true]", { timeout: 60000 });
  const restored = await shown(other);
  for (const id of Object.keys(kept))
    check(restored[id] && Math.abs(restored[id].mean - kept[id].mean) < 1e-6, `${id}: the kept view shows ${restored[id] && restored[id].mean}, the view ${kept[id].mean}`);
  check(await other.$eval("#horizon", el => +el.value) === Math.max(1, data.norms[longest].horizon_years - 1), "the kept view's horizon was not restored");
  await other.click("#custom-reset");
  check(await other.$eval("#custom-base", el => +el.value) === data.scenario.budget_norm && !/#view=/.test(other.url()),
    "reset did not return to the budget view");
  await other.close();

  // The Danish page carries no English text: its visible strings, listed as an artifact, hold no
  // fragment of the English catalogue.
  if (data.language === "da") {
    await page.$eval("#assumptions-details", d => { d.open = true; });
    const visible = await page.evaluate(() => document.body.innerText);
    fs.writeFileSync(path.join(artifactDir, "visible-strings.txt"), visible);
    // The scenario's own descriptions and sources keep the language they are written in.
    const pageWords = await page.evaluate(() => {
      const hidden = [...document.querySelectorAll(".scenario-text")];
      hidden.forEach(el => { el.dataset.display = el.style.display; el.style.display = "none"; });
      const text = document.body.innerText;
      hidden.forEach(el => { el.style.display = el.dataset.display; });
      return text;
    });
    const english = englishFragments().filter(f => pageWords.includes(f));
    check(english.length === 0, "English text on the Danish page: " + english.join(" | "));
  }

  // Charts read right on a 1920x1080 projector, and the first screen answers at both sizes.
  const wide = await firstScreen(browser, "file://" + path.resolve(runDir, "report.html"), data, 1920, 1080);
  await chartText(wide);
  await wide.screenshot({ path: path.join(artifactDir, "report-1920.png"), fullPage: true });
  await wide.close();
  await (await firstScreen(browser, "file://" + path.resolve(runDir, "report.html"), data, 1366, 768)).close();

  await printedSheets(browser, "file://" + path.resolve(runDir, "report.html"), data);

  check(consoleErrors.length === 0, "console errors: " + consoleErrors.join(" | "));
  check(requests.length === 0, "network requests: " + requests.join(" "));
  await selectBase(page, 0);
  await page.screenshot({ path: path.join(artifactDir, "report.png"), fullPage: true });
  await browser.close();
  if (failures.length) { console.error(failures.join("\n")); process.exit(1); }
  console.log(`report.html: ${charts.length} charts rendered, valuation matches the engine under ${data.norms.length} sets; screenshot in ${artifactDir}`);
})().catch(e => { console.error(e); process.exit(1); });
