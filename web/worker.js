// Lede annotation worker: runs the Go annotator (lede.wasm) off the main
// thread so the page never freezes. Shared by the page (app.js) and the
// embeddable JS API (lede.js); keep this contract stable.
//
// Protocol (a classic worker: new Worker("worker.js"), same folder as
// wasm_exec.js and lede.wasm):
//   worker → page  {type: "ready", formats}             the annotator is loaded;
//                  formats: the export formats [{name, label, ext, mediaType, bundle}]
//   worker → page  {type: "error", message}             loading failed
//   page → worker  {id, text, options}                  annotate text; options is
//                  an object or JSON string: {offsets: "utf16"|"byte"|"codepoint",
//                  layers: ["entities","quotes","issues"]}, both optional
//   worker → page  {id, type: "result", doc, ms}        doc: the document object
//   worker → page  {id, type: "error", message, fatal}  fatal: the Go program has
//                  stopped and the worker must be replaced
//   page → worker  {id, type: "export", text, format, options}  export text in a
//                  format of the list; options also take {text: bool, base, source}
//   worker → page  {id, type: "progress", done, total}  now and then during an export
//   worker → page  {id, type: "exported", blob, filename, ms}
// Requests sent before "ready" are queued. One request is answered at a time,
// in order. A Go panic becomes an error result; the worker keeps serving.

const WASM_URL = "lede.wasm";
// Fetch the wasm while the Go loader script is read and run.
const wasmResponse = fetch(WASM_URL);
importScripts("wasm_exec.js");

let stopped = false;

async function load() {
  const go = new Go();
  // Past 56 MiB of heap the Go GC works harder rather than grow the wasm
  // memory, which never shrinks while the page is open: a 10 MB text from
  // the JS API then peaks at 82-95 MB instead of 90-100 MB (60 MiB),
  // 100-110 MB (64 MiB) or 125 MB (none), for a few per cent more time; a
  // 1 MB text pays about nothing. (The peak varies with when the GC runs.)
  go.env = { GOMEMLIMIT: "56MiB" };
  const response = await wasmResponse;
  if (!response.ok) throw new Error(`${WASM_URL}: HTTP ${response.status}`);
  const wasmType = /^application\/wasm\b/i.test(response.headers.get("Content-Type") || "");
  // instantiateStreaming needs the application/wasm type; a server that sends
  // another one still works through the slower arrayBuffer path.
  const { instance } =
    wasmType && WebAssembly.instantiateStreaming
      ? await WebAssembly.instantiateStreaming(response, go.importObject)
      : await WebAssembly.instantiate(await response.arrayBuffer(), go.importObject);
  go.run(instance).then(() => {
    stopped = true;
  });
  if (typeof globalThis.ledeAnnotate !== "function") throw new Error("lede.wasm did not register ledeAnnotate");
}

// exportText writes text in an export format through the Go writers; the
// chunks Go hands over become one Blob, which crosses to the page without
// a copy of its bytes.
function exportText({ id, text, format, options }) {
  if (stopped) return { id, type: "error", message: "The annotator stopped; reload the page.", fatal: true };
  const opts = typeof options === "string" ? options : options ? JSON.stringify(options) : "";
  const t0 = performance.now();
  let out;
  try {
    out = globalThis.ledeExport(String(text ?? ""), String(format), opts, (done, total) => postMessage({ id, type: "progress", done, total }));
  } catch (err) {
    return { id, type: "error", message: `The export failed: ${err.message || err}`, fatal: stopped };
  }
  if (out.error) return { id, type: "error", message: out.error };
  const blob = new Blob(out.chunks, { type: out.mediaType });
  return { id, type: "exported", blob, filename: out.filename, ms: performance.now() - t0 };
}

const loaded = load();
loaded.then(
  () => {
    postMessage({ type: "ready", formats: JSON.parse(globalThis.ledeFormats()) });
    warmUp();
  },
  (err) => postMessage({ type: "error", message: `Could not load the annotator: ${err.message || err}` }),
);

// warmUp annotates one sentence right after "ready": the annotator sets up
// its tables on first use, and this way the user's first text does not wait.
function warmUp() {
  try {
    globalThis.ledeAnnotate("“We met in Paris,” said Anna Smith of the United Nations.", "");
  } catch {
    // A failure shows up, with its message, on the first real request.
  }
}

function annotate({ id, text, options }) {
  if (stopped) return { id, type: "error", message: "The annotator stopped; reload the page.", fatal: true };
  const opts = typeof options === "string" ? options : options ? JSON.stringify(options) : "";
  const t0 = performance.now();
  let out;
  try {
    out = JSON.parse(globalThis.ledeAnnotate(String(text ?? ""), opts));
  } catch (err) {
    return { id, type: "error", message: `The annotator failed: ${err.message || err}`, fatal: stopped };
  }
  if (out.error) return { id, type: "error", message: out.error };
  return { id, type: "result", doc: out, ms: performance.now() - t0 };
}

let queue = Promise.resolve();
self.onmessage = (event) => {
  const request = event.data || {};
  queue = queue
    .then(() => loaded)
    .then(
      () => postMessage(request.type === "export" ? exportText(request) : annotate(request)),
      (err) => postMessage({ id: request.id, type: "error", message: `Could not load the annotator: ${err.message || err}`, fatal: true }),
    );
};
