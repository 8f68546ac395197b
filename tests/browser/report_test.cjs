// Browser test of report.html in Debian's Chromium, driven by playwright-core:
//   node report_test.cjs RUN_DIR ARTIFACT_DIR
// The report must load with no console errors and no network requests, render every chart,
// recompute the engine's net values from its embedded flows, change the net values when the
// discount-rate slider moves, and reproduce a flip of the flip table when the sliders (discount
// rate, horizon, perspective, outcome prices, equity weights) are moved
// from one normative set's valuation to another's. A screenshot goes to ARTIFACT_DIR.
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

(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
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
  const words = { net_gain: "net gain", net_cost: "net cost", break_even: "about break-even", too_close_to_call: "too close to call" };
  const cells = await page.$$eval("#flip-table td[data-verdict]", els => els.map(e => ({ arm: e.dataset.arm, norm: e.dataset.norm, verdict: e.dataset.verdict, text: e.textContent })));
  check(cells.length === data.summaries.length, `flip table: ${cells.length} cells for ${data.summaries.length} summaries`);
  for (const c of cells) {
    const s = data.summaries.find(s => data.arms[s.arm].id === c.arm && data.norms[s.norm].id === c.norm);
    check(s && c.verdict === s.verdict && c.text.startsWith(words[s.verdict]), `flip table ${c.arm} under ${c.norm}: "${c.text}" for ${s && s.verdict}`);
  }
  const figures = await page.$$eval("#decision-figures tr[data-arm]", els => els.map(e => ({ arm: e.dataset.arm, verdict: e.dataset.verdict, text: e.children[1].textContent })));
  for (const f of figures) {
    const s = data.summaries.find(s => data.arms[s.arm].id === f.arm && s.norm === 0);
    check(f.verdict === s.verdict && f.text === words[s.verdict], `decision figures ${f.arm}: "${f.text}" for ${s.verdict}`);
  }

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

  check(consoleErrors.length === 0, "console errors: " + consoleErrors.join(" | "));
  check(requests.length === 0, "network requests: " + requests.join(" "));
  await selectBase(page, 0);
  fs.mkdirSync(artifactDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactDir, "report.png"), fullPage: true });
  await browser.close();
  if (failures.length) { console.error(failures.join("\n")); process.exit(1); }
  console.log(`report.html: ${charts.length} charts rendered, valuation matches the engine under ${data.norms.length} sets; screenshot in ${artifactDir}`);
})().catch(e => { console.error(e); process.exit(1); });
