// Browser test of `kommunesim compare` on two runs of the default scenario that differ in one unit
// cost, in Debian's Chromium driven by playwright-core:
//   node compare_test.cjs KOMMUNESIM SCENARIO RUN_A WORK_DIR
// Run B is the scenario with the preventive measure's monthly cost raised from 10400 to 12480 DKK
// (the top of its register range). The page must load with no console errors and no network
// requests, be Danish, name that cost with both values, and show every proposal under every set
// with both runs' net values. The page and a screenshot stay in WORK_DIR.
"use strict";
const path = require("path");
const fs = require("fs");
const { execFileSync } = require("child_process");
const { chromium } = require(path.join(__dirname, "../../output/report/node_modules/playwright-core"));

const [kommunesim, scenario, runA, work] = process.argv.slice(2);
const COST = "children_family.preventive.cost_municipality";
const failures = [];
const check = (ok, message) => { if (!ok) failures.push(message); };

(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const changed = path.join(work, "glostrup-like");
  fs.cpSync(scenario, changed, { recursive: true });
  const register = path.join(changed, "parameters", "children_family.toml");
  const text = fs.readFileSync(register, "utf8");
  const entry = text.indexOf(`id = "${COST}"`);
  const at = text.indexOf("value = 10400", entry);
  if (entry < 0 || at < 0) throw new Error(`${register} has no ${COST} of 10400`);
  fs.writeFileSync(register, text.slice(0, at) + "value = 12480" + text.slice(at + "value = 10400".length));
  execFileSync(kommunesim, ["run", changed, "--replicates", "10", "--threads", "2", "--out", path.join(work, "b")], { stdio: "ignore" });
  const page = path.join(work, "compare.html");
  const terminal = execFileSync(kommunesim, ["compare", runA, path.join(work, "b"), "--html", page], { encoding: "utf8" });
  fs.writeFileSync(path.join(work, "compare.txt"), terminal);

  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const tab = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors = [], requests = [];
  tab.on("console", m => { if (m.type() === "error") errors.push(m.text()); });
  tab.on("pageerror", e => errors.push(String(e)));
  tab.on("request", r => { if (!/^(file|data|blob|about):/.test(r.url())) requests.push(r.url()); });
  await tab.goto("file://" + path.resolve(page));
  check(await tab.$eval("html", el => el.lang) === "da", "the compare page is not Danish");
  const inputs = await tab.$$eval("tr", rows => rows.filter(r => r.querySelector("code")).map(r => [...r.cells].map(c => c.textContent)));
  const cost = inputs.find(cells => cells[0] === COST);
  check(cost && cost[1] === "10400" && cost[2] === "12480", `the page does not name ${COST}: 10400 -> 12480 (${JSON.stringify(inputs)})`);
  check(inputs.length === 1, `one input changed, the page lists ${inputs.length}`);
  const results = await tab.$$eval("tr", rows => rows.filter(r => r.cells.length === 7 && r.querySelector("td")).map(r => [...r.cells].map(c => c.textContent)));
  const expected = execFileSync("/usr/bin/python3", ["-c",
    "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM summary').fetchone()[0])",
    path.join(runA, "results.sqlite")], { encoding: "utf8" }).trim();
  check(results.length === +expected, `${results.length} result rows, results.sqlite has ${expected}`);
  check(results.every(cells => /^-?[0-9.]+,[0-9]$/.test(cells[2]) && /^-?[0-9.]+,[0-9]$/.test(cells[3])),
    "a result row lacks a net value in Danish format in either run");
  await tab.screenshot({ path: path.join(work, "compare.png"), fullPage: true });
  check(errors.length === 0, "console errors: " + errors.join(" | "));
  check(requests.length === 0, "network requests: " + requests.join(" "));
  await browser.close();
  if (failures.length) { console.error(failures.join("\n")); process.exit(1); }
  console.log(`compare.html names ${COST} (10400 -> 12480) and ${results.length} proposal x set rows; page in ${work}`);
})().catch(e => { console.error(e); process.exit(1); });
