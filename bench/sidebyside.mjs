// Side-by-side speed of Lede (the wasm build, run under node exactly as the
// Web Worker runs it: one string in, one JSON string out) and compromise on
// the same texts, in one node process, so both see the same machine load.
//
//   node sidebyside.mjs --texts DIR --dist DIR [--sizes 1MB,10MB] [--compromise-sizes 1MB]
//
// DIR holds articles.json and text-<size>.txt written by `go run ./bench/texts`.
// Prints one JSON object on stdout (read by report.mjs) and progress on stderr.
// Lede runs first, so the peak resident memory read after its phase is its
// own (plus node's baseline); wasm memory never shrinks, so its final size is
// the Go heap's high-water mark.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import nlp from "compromise";

const args = parseArgs(process.argv.slice(2), {
  texts: "",
  dist: "../dist",
  sizes: "1MB,10MB",
  "compromise-sizes": "1MB",
  "min-seconds": "2",
});
const articles = JSON.parse(readFileSync(join(args.texts, "articles.json"), "utf8"));
const minSeconds = Number(args["min-seconds"]);

const lede = await loadLede(args.dist);
const compromise = (text) => {
  const doc = nlp(text);
  return [doc.people().out("array"), doc.places().out("array"), doc.organizations().out("array"), doc.quotations().out("array")];
};

const result = { versions: { node: process.version, compromise: nlp.version } };
result.lede = measure("lede", lede.annotate, args.sizes);
result.lede.wasmMemoryMB = lede.memoryBytes() / 2 ** 20;
result.lede.peakRssMB = peakRssMB();
result.compromise = measure("compromise", compromise, args["compromise-sizes"]);
result.compromise.peakRssMB = peakRssMB();
process.stdout.write(JSON.stringify(result, null, 1) + "\n");
process.exit(0); // the Go program never returns on its own

// measure times run on every article (repeated passes for at least
// minSeconds after one warm-up pass) and once or more on each long text.
function measure(name, run, sizes) {
  const out = { articles: articleStats(name, run), texts: {} };
  for (const size of sizes.split(",").filter(Boolean)) {
    const text = readFileSync(join(args.texts, `text-${size}.txt`), "utf8");
    const bytes = Buffer.byteLength(text);
    const runs = [];
    do {
      runs.push(timed(() => run(text)));
    } while (sum(runs) < minSeconds * 1000 && runs.length < 5);
    const ms = median(runs);
    out.texts[size] = { bytes, ms, runs: runs.length, kbPerS: bytes / 1024 / (ms / 1000) };
    log(`${name} ${size}: ${ms.toFixed(1)} ms, ${(bytes / 1024 / (ms / 1000)).toFixed(0)} KB/s (${runs.length} runs)`);
  }
  return out;
}

function articleStats(name, run) {
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a), 0);
  articles.forEach(run); // warm-up: lazy model loading and the JIT
  const times = [];
  let passes = 0;
  do {
    for (const a of articles) times.push(timed(() => run(a)));
    passes++;
  } while (sum(times) < minSeconds * 1000);
  const total = sum(times);
  const stats = {
    count: articles.length,
    passes,
    meanBytes: bytes / articles.length,
    medianMs: median(times),
    kbPerS: (bytes * passes) / 1024 / (total / 1000),
  };
  log(`${name} articles: median ${stats.medianMs.toFixed(2)} ms/article, ${stats.kbPerS.toFixed(0)} KB/s (${passes} passes of ${articles.length})`);
  return stats;
}

// loadLede starts the Go wasm program and returns its ledeAnnotate.
async function loadLede(dist) {
  await import(pathToFileURL(join(dist, "wasm_exec.js")).href);
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiate(readFileSync(join(dist, "lede.wasm")), go.importObject);
  go.run(instance);
  for (let i = 0; typeof globalThis.ledeAnnotate !== "function"; i++) {
    if (i > 100) throw new Error("lede.wasm did not register globalThis.ledeAnnotate");
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
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

function timed(f) {
  const t = performance.now();
  f();
  return performance.now() - t;
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
