// Prints the one table of `make bench` as Markdown: native Go, wasm under
// node, headless Chromium and compromise side by side, with ratios and the
// targets of issue 8. Every input is optional; a missing one shows as "—".
//
//   node report.mjs --go go-bench.txt --node node.json --browser browser.json
//                   --rss native-rss.txt --dist dist.json
//
// go-bench.txt is `go test -bench -count N` output (medians are taken here),
// node.json comes from sidebyside.mjs, browser.json from e2e/perf_test.go,
// dist.json from e2e/budget_test.go (the brotli total of the app's assets),
// native-rss.txt holds the peak RSS in KB of `lede annotate` on 10 MB.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const args = parseArgs(process.argv.slice(2));
const go = args.go ? goMedians(readFileSync(args.go, "utf8")) : {};
const node = readJSON(args.node);
const browser = readJSON(args.browser);
const nativeRssMB = args.rss && existsSync(args.rss) ? Number(readFileSync(args.rss, "utf8").trim().split("\n").pop()) / 1024 : NaN;
const dist = readJSON(args.dist);

// Rates are in MB/s of 1,000,000 bytes, as Go's benchmarks count them. Each
// cell shows wall-clock time and, in brackets, the same measure over CPU
// time, which other jobs on a shared machine do not stretch. Ratios against
// compromise use CPU time.
const MB = 1e6;
const SIZES = ["10KB", "100KB", "1MB", "10MB"];

// native returns {wall, cpu} MB/s (or ms per op with perOp) of a Go benchmark.
function native(name, perOp = false) {
  const b = go[name];
  if (!b) return null;
  if (perOp) return { wall: b.nsPerOp / 1e6, cpu: b.cpuNsPerOp / 1e6 };
  return { wall: b.mbPerS, cpu: (b.mbPerS * b.nsPerOp) / b.cpuNsPerOp };
}

// fromNode returns {wall, cpu} MB/s (or median ms with perOp) of a
// sidebyside.mjs measurement.
function fromNode(m, perOp = false) {
  if (!m) return null;
  if (perOp) return { wall: m.medianMs, cpu: m.medianCpuMs };
  return { wall: (m.kbPerS * 1024) / MB, cpu: (m.cpuKbPerS * 1024) / MB };
}

const browser1MB = browser?.annotate1MBMs ? { wall: browser.text1MBBytes / MB / (browser.annotate1MBMs / 1000) } : null;
const wasmArticle = fromNode(node?.lede?.articles);
const wasmAgain = fromNode(node?.lede?.articlesAgain);
const cmpArticle = fromNode(node?.compromise?.articles);

// Native article benchmarks cycle through the articles, so they measure the
// "again" case: Lede's lexicon holds the words of the articles before.
const rows = [
  ["1,000-word article, first sight, ms (median)", "—", cell(fromNode(node?.lede?.articles, true), ms), "—",
    cell(fromNode(node?.compromise?.articles, true), ms), ratio(fromNode(node?.compromise?.articles, true), fromNode(node?.lede?.articles, true)), "≤ 3 wasm"],
  ["1,000-word article, again, ms (median)", cell(native("Pipeline/article", true), ms), cell(fromNode(node?.lede?.articlesAgain, true), ms), "—",
    "", ratio(fromNode(node?.compromise?.articles, true), fromNode(node?.lede?.articlesAgain, true)), "≤ 3 wasm"],
  ["seed article (514 words), worker round trip, ms", "", "", ms(browser?.annotateSeedMs), "", "", ""],
  ["articles, first sight, MB/s", "—", cell(wasmArticle, rate), "—", cell(cmpArticle, rate), ratio(wasmArticle, cmpArticle), "≥ 20× compromise"],
  ["articles, again, MB/s", cell(native("Pipeline/article"), rate), cell(wasmAgain, rate), "—", "", ratio(wasmAgain, cmpArticle), "≥ 20× compromise"],
  ...SIZES.map((size) => {
    const wasm = fromNode(node?.lede?.texts?.[size]);
    const cmp = fromNode(node?.compromise?.texts?.[size]);
    return [`${size} text, MB/s`, cell(native(`Pipeline/${size}`), rate), cell(wasm, rate), size === "1MB" ? cell(browser1MB, rate) : "—",
      cell(cmp, rate), ratio(wasm, cmp), size === "1MB" ? "≥ 5 native, ≥ 3 wasm" : "linear: same MB/s"];
  }),
  ["stages on 1MB, MB/s", stageRates(), "", "", "", "", ""],
  ["native ÷ wasm, 1MB text", ratio(native("Pipeline/1MB"), fromNode(node?.lede?.texts?.["1MB"])), "", "", "", "", ""],
  ["peak memory, 10MB text, MB", mb(nativeRssMB, "RSS"), mb(node?.lede?.wasmMemoryMB, "wasm memory"), "—", mb(node?.peakRssMB, "node RSS, both"), "", "< 100"],
  ["wasm start: compile / start Go / 1st call, ms", "", startup(node?.lede?.startup), "", "", "", ""],
  ["allocations, 1MB text", go["Pipeline/1MB"] ? `${fmtInt(go["Pipeline/1MB"].allocsPerOp)} allocs, ${mb(go["Pipeline/1MB"].bytesPerOp / MB)} MB` : "—", "", "", "", "", ""],
  ["page ready after load, ms", "", "", ms(browser?.readyMs), "", "", "≤ 500"],
  ["bytes transferred on load", "", "", kb(browser?.transferBytes), "", "", ""],
  ["dist (html+js+css+wasm), brotli", "", "", dist ? `${kb(dist.brotliBytes)} (raw ${kb(dist.rawBytes)})` : "—", "", "", "≤ 1,200,000 B"],
];

const header = ["measure: wall (CPU)", "native Go", "wasm (node)", "Chromium", "compromise (node)", "Lede wasm ÷ compromise (CPU)", "target"];
console.log(`| ${header.join(" | ")} |`);
console.log(`|${header.map(() => "---").join("|")}|`);
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
const versions = node?.versions ? `node ${node.versions.node}, compromise ${node.versions.compromise}` : "";
if (versions || browser?.browser) console.log(`\n${[versions, browser?.browser].filter(Boolean).join("; ")}`);

// cell formats a {wall, cpu} measure as "wall (cpu)".
function cell(m, format) {
  if (!m) return "—";
  return Number.isFinite(m.cpu) ? `${format(m.wall)} (${format(m.cpu)})` : format(m.wall);
}

// ratio is how many times faster a is than b by CPU time (rates: a/b).
function ratio(a, b) {
  return a && b ? times(a.cpu / b.cpu) : "—";
}

// goMedians reads `go test -bench` lines into the median of each metric per
// benchmark, keyed by name without the Benchmark prefix and -GOMAXPROCS suffix.
function goMedians(text) {
  const runs = {};
  for (const line of text.split("\n")) {
    const m = /^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+(.*)$/.exec(line);
    if (!m) continue;
    const metrics = {};
    for (const [, value, unit] of m[2].matchAll(/([\d.]+) (\S+)/g)) metrics[unit] = Number(value);
    (runs[m[1]] ??= []).push(metrics);
  }
  const out = {};
  for (const [name, list] of Object.entries(runs)) {
    const med = (unit) => median(list.map((x) => x[unit]).filter((x) => x !== undefined));
    out[name] = { nsPerOp: med("ns/op"), cpuNsPerOp: med("cpu-ns/op"), mbPerS: med("MB/s"), bytesPerOp: med("B/op"), allocsPerOp: med("allocs/op") };
  }
  return out;
}

function readJSON(path) {
  return path && existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// stageRates lists every benchmark other than the pipeline's that has a 1MB
// case (the stages' own benchmarks, as their owners add them).
function stageRates() {
  const stages = Object.keys(go)
    .filter((k) => k.endsWith("/1MB") && !k.startsWith("Pipeline"))
    .map((k) => `${k.slice(0, -4)} ${rate(go[k].mbPerS)}`);
  return stages.length ? stages.join(", ") : "—";
}

function startup(s) {
  return s ? [s.compileMs, s.runMs, s.firstCallMs].map(ms).join(" / ") : "—";
}

function ms(x) {
  return Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x.toFixed(0)) : "—";
}

function rate(x) {
  return Number.isFinite(x) ? (x < 1 ? x.toFixed(3) : x.toFixed(1)) : "—";
}

function times(x) {
  return Number.isFinite(x) ? `${x.toFixed(0)}×` : "—";
}

function mb(x, what) {
  return Number.isFinite(x) ? `${x.toFixed(0)}${what ? ` (${what})` : ""}` : "—";
}

function kb(bytes) {
  return Number.isFinite(bytes) ? `${fmtInt(bytes)} B` : "—";
}

function fmtInt(x) {
  return Math.round(x).toLocaleString("en-US");
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i + 1 < argv.length; i += 2) out[argv[i].replace(/^--/, "")] = argv[i + 1];
  return out;
}
