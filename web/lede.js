// Lede's JavaScript API for other pages and apps:
//
//   import { annotate } from "https://lede.example/lede.js";
//   const doc = await annotate(text, { layers: ["entities", "quotes"] });
//
// The annotator (lede.wasm) runs in the app's own Web Worker (worker.js,
// driven through worker-client.js as on the app page), started lazily on the
// first call from the folder this module was loaded from, so the embedding
// page never freezes. Calls may overlap: the worker answers them one at a
// time, in order.

import { Annotator } from "./worker-client.js";

const BASE = new URL("./", import.meta.url);

/** @type {Annotator | null} */
let annotator = null;

/**
 * Annotates text and resolves to the Lede document (see lede.d.ts).
 * @param {string} text the article
 * @param {{offsets?: "utf16"|"byte"|"codepoint", layers?: string[], lexicon?: object}} [options]
 *   lexicon: a newsroom lexicon, {entities: [{name, type, canonical?, role?}], ignore: [...]} (docs/format.md)
 * @returns {Promise<object>}
 */
export async function annotate(text, options = {}) {
  if (typeof text !== "string") throw new TypeError("annotate(text): text must be a string");
  const { doc } = await (await ready()).annotate(text, options);
  return doc;
}

/** Loads the annotator ahead of the first call; resolves when it is ready. */
export async function preload() {
  await ready();
}

// ready resolves to a loaded annotator. One that failed to load is dropped,
// so that the next call tries again instead of waiting forever.
async function ready() {
  annotator ??= new Annotator(workerURL());
  const current = annotator;
  try {
    await current.ready;
  } catch (err) {
    if (annotator === current) {
      current.worker.terminate();
      annotator = null;
    }
    throw new Error(`Lede could not load from ${BASE.href}: ${err.message}`);
  }
  return current;
}

// The bootstrap blob is made once per page and reused by restarts.
let bootstrapURL = null;

// workerURL is worker.js beside this module. Browsers refuse a Worker whose
// script is on another origin, so when lede.js is embedded cross-origin the
// worker starts from a same-origin blob that resolves the relative URLs
// worker.js uses (wasm_exec.js, lede.wasm) against BASE and then runs it.
// Those files are served with CORS for this reason.
function workerURL() {
  const script = new URL("worker.js", BASE);
  if (script.origin === location.origin) return script.href;
  bootstrapURL ??= URL.createObjectURL(
    new Blob(
      [
        // A function scope, as worker.js shares the global one.
        `((base, importAll, get) => {
  self.importScripts = (...urls) => importAll(...urls.map((u) => new URL(u, base).href));
  self.fetch = (input, init) => get(typeof input === "string" ? new URL(input, base).href : input, init);
})(${JSON.stringify(BASE.href)}, self.importScripts.bind(self), self.fetch.bind(self));
self.importScripts("worker.js");`,
      ],
      { type: "text/javascript" },
    ),
  );
  return bootstrapURL;
}
