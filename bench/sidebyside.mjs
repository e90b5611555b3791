// Side-by-side speed of Lede (the wasm build, run under node exactly as the
// Web Worker runs it: one string in, one JSON string out) and compromise on
// the same texts, in one node process. The two are interleaved text by text,
// so both see the same machine load (the machines here are shared).
//
//   node sidebyside.mjs --texts DIR --dist DIR [--sizes 1MB,10MB] [--compromise-sizes 1MB]
//
// DIR holds articles.json, warmup.json and text-<size>.txt written by
// `go run ./bench/texts`.
// Prints one JSON object on stdout (read by report.mjs) and progress on stderr.
// Lede's memory is its wasm linear memory, which never shrinks: its final size
// is the Go heap's high-water mark.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import nlp from "compromise";

const args = parseArgs(process.argv.slice(2), {
  texts: "",
  dist: "../dist",
  sizes: "1MB,10MB",
  "compromise-sizes": "1MB",
  "lede-runs": "5",
});
const articles = JSON.parse(readFileSync(join(args.texts, "articles.json"), "utf8"));
const warmup = JSON.parse(readFileSync(join(args.texts, "warmup.json"), "utf8"));
const ledeRuns = Number(args["lede-runs"]);

const lede = await loadLede(args.dist);
const firstCallMs = timed(() => lede.annotate(warmup[0])).ms;
const engines = {
  lede: lede.annotate,
  compromise(text) {
    const doc = nlp(text);
    return [doc.people().out("array"), doc.places().out("array"), doc.organizations().out("array"), doc.quotations().out("array")];
  },
};
// Lede is fast enough to time several runs per long text; compromise gets one.
const runsOf = { lede: ledeRuns, compromise: 1 };
const longRunMs = 10_000;
// Lede runs a short text for at least this long: five runs of 3 ms on the
// 10 KB text would be timed while V8 still collects compromise's garbage on
// its other threads, which process CPU time counts.
const minRunMs = { lede: 1_000, compromise: 0 };
const maxRuns = 300;
const batchSize = 10; // articles each engine annotates in its turn

const result = { versions: { node: process.version, compromise: nlp.version }, lede: {}, compromise: {} };
measureArticles();
for (const size of args.sizes.split(",").filter(Boolean)) {
  const withCompromise = args["compromise-sizes"].split(",").includes(size);
  measureText(size, withCompromise ? ["lede", "compromise"] : ["lede"]);
}
result.lede.startup = { ...lede.startup, firstCallMs };
result.lede.wasmMemoryMB = lede.memoryBytes() / 2 ** 20;
result.peakRssMB = peakRssMB();
process.stdout.write(JSON.stringify(result, null, 1) + "\n");
process.exit(0); // the Go program never returns on its own

// measureArticles first runs both engines on other news (warmup.json: the
// JIT compiles their hot paths, and Lede's lexicon fills with the words of
// other articles, as in a session). Then each engine annotates each article
// once: "first sight", as a newsroom annotates each new story. The engines
// take turns batch by batch: turns article by article would have each start
// every article with the processor's caches full of the other's data, which
// neither meets in a page of its own. Last Lede annotates each article again
// several times, as an editor does after each change ("again"; compromise
// keeps nothing from one call to the next, so its first-sight times stand).
function measureArticles() {
  for (const a of warmup) engines.lede(a);
  for (const a of warmup.slice(0, 40)) engines.compromise(a);
  const times = { lede: [], compromise: [], ledeAgain: [] }; // of timed()
  for (let i = 0; i < articles.length; i += batchSize) {
    const batch = articles.slice(i, i + batchSize);
    for (const name in engines) for (const a of batch) times[name].push(timed(() => engines[name](a)));
  }
  for (const a of articles) for (let i = 0; i < ledeRuns; i++) times.ledeAgain.push(timed(() => engines.lede(a)));
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a), 0);
  const stats = (runs) => {
    const kb = (bytes * (runs.length / articles.length)) / 1024;
    return {
      count: articles.length,
      meanBytes: bytes / articles.length,
      medianMs: median(runs.map((t) => t.ms)),
      medianCpuMs: median(runs.map((t) => t.cpuMs)),
      kbPerS: kb / (sum(runs.map((t) => t.ms)) / 1000),
      cpuKbPerS: kb / (sum(runs.map((t) => t.cpuMs)) / 1000),
    };
  };
  result.lede.articles = stats(times.lede);
  result.lede.articlesAgain = stats(times.ledeAgain);
  result.compromise.articles = stats(times.compromise);
  for (const [name, m] of [["lede", result.lede.articles], ["lede again", result.lede.articlesAgain], ["compromise", result.compromise.articles]]) {
    log(`${name} articles: median ${m.medianMs.toFixed(2)} ms/article, ${m.kbPerS.toFixed(0)} KB/s (CPU: ${m.cpuKbPerS.toFixed(0)} KB/s)`);
  }
}

// measureText times the engines one after the other on one long text: the
// median of Lede's runs (at least five, and at least minRunMs of them, up to
// longRunMs or maxRuns) and compromise's single run.
function measureText(size, names) {
  const text = readFileSync(join(args.texts, `text-${size}.txt`), "utf8");
  const bytes = Buffer.byteLength(text);
  for (const name of names) {
    const runs = [];
    // Stop early on long runs: the 10 MB text alone can take many seconds.
    for (let ms = 0; (runs.length < runsOf[name] || ms < minRunMs[name]) && ms < longRunMs && runs.length < maxRuns; ms += runs.at(-1).ms) {
      runs.push(timed(() => engines[name](text)));
    }
    const ms = median(runs.map((t) => t.ms));
    const cpuMs = median(runs.map((t) => t.cpuMs));
    const kbPerS = bytes / 1024 / (ms / 1000);
    const cpuKbPerS = bytes / 1024 / (cpuMs / 1000);
    (result[name].texts ??= {})[size] = { bytes, ms, cpuMs, runs: runs.length, kbPerS, cpuKbPerS };
    log(`${name} ${size}: ${ms.toFixed(1)} ms, ${kbPerS.toFixed(0)} KB/s, CPU ${cpuKbPerS.toFixed(0)} KB/s (${runs.length} runs)`);
  }
}

// loadLede starts the Go wasm program and returns its ledeAnnotate, with
// how long compiling and starting it took (the browser's ready time is
// these plus the download).
async function loadLede(dist) {
  await import(pathToFileURL(join(dist, "wasm_exec.js")).href);
  const bytes = readFileSync(join(dist, "lede.wasm"));
  let start = performance.now();
  const module = await WebAssembly.compile(bytes);
  const compileMs = performance.now() - start;
  const go = new globalThis.Go();
  go.env = { GOMEMLIMIT: "56MiB" }; // as web/worker.js starts it
  start = performance.now();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  go.run(instance);
  for (let i = 0; typeof globalThis.ledeAnnotate !== "function"; i++) {
    if (i > 1000) throw new Error("lede.wasm did not register globalThis.ledeAnnotate");
    await new Promise((r) => setTimeout(r, 1));
  }
  const runMs = performance.now() - start;
  return {
    startup: { compileMs, runMs },
    annotate(text) {
      const json = globalThis.ledeAnnotate(text, "");
      if (json.startsWith('{"error"')) throw new Error(json);
      return json;
    },
    memoryBytes: () => instance.exports.mem.buffer.byteLength,
  };
}

function peakRssMB() {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 2 ** 20;
}

// timed runs f and returns its wall time and the process's CPU time (user
// and system, all threads: V8's GC and compiler threads count), in ms. Other
// jobs on a shared machine stretch the first, not the second.
function timed(f) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  f();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

function sum(xs) {
  return xs.reduce((a, b) => a + b, 0);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function log(msg) {
  process.stderr.write(msg + "\n");
}

function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in defaults) || i + 1 >= argv.length) throw new Error(`unknown or incomplete flag ${argv[i]}`);
    out[key] = argv[i + 1];
  }
  if (!out.texts) throw new Error("--texts DIR is required");
  return out;
}
