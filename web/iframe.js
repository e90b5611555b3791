// Iframe mode: a page on another origin that frames the Lede app can send it
// an article and get the document back, by postMessage only:
//
//   frame.contentWindow.postMessage({type: "lede:annotate", id: 1, text, options}, "https://lede.example");
//   → {type: "lede:result", id: 1, doc}  or  {type: "lede:error", id: 1, message}
//
// Only origins on the allow-list may ask: those in
// <meta name="lede-allowed-origins" content="https://cms.example.org ..."> and
// those the server was configured with (GET api/config). The app's own
// origin is always allowed, since it can script the page anyway. Answers go
// to the asking window at its exact origin, never "*". Messages from other
// origins are ignored.
//
// The framed page also shows the article it was sent, highlighted, with its
// lists, and tells the window that sent it what the reader selects there:
//
//   → {type: "lede:select", item: {id, layer, name, mentions: [{start, end}], current}}  (item null when cleared)
//
// current is the index in mentions the reader's navigator is on; each step
// (Next, Prev) posts the item again with the new index.
//
// Offsets are UTF-16, into the text as sent (line breaks made "\n").

import { annotator } from "./app.js";

const allowList = loadAllowList();

async function loadAllowList() {
  const origins = new Set([location.origin]);
  const meta = document.querySelector('meta[name="lede-allowed-origins"]');
  for (const o of (meta?.content || "").split(/[\s,]+/)) if (o) origins.add(normalize(o));
  try {
    const response = await fetch(new URL("api/config", document.baseURI), { headers: { Accept: "application/json" } });
    if (response.ok) for (const o of (await response.json()).allowedOrigins || []) origins.add(normalize(o));
  } catch {
    // Served without the API (a static host): the meta tag is the list.
  }
  return origins;
}

// normalize matches the server's: lower case, no trailing slash.
function normalize(origin) {
  return origin.toLowerCase().replace(/\/$/, "");
}

async function isAllowed(origin) {
  const origins = await allowList;
  return origins.has("*") || origins.has(normalize(origin));
}

window.addEventListener("message", async (event) => {
  const request = event.data;
  if (!request || request.type !== "lede:annotate" || !event.source) return;
  // An opaque origin ("null": sandboxed frames, files) cannot be answered
  // without "*", so it is never answered.
  if (event.origin === "null" || !(await isAllowed(event.origin))) {
    console.warn(`Lede: ignored a message from ${event.origin}, which is not in the allowed origins`);
    return;
  }
  const reply = (message) => event.source.postMessage({ id: request.id, ...message }, event.origin);
  if (typeof request.text !== "string") {
    reply({ type: "lede:error", message: "text must be a string" });
    return;
  }
  asker = { window: event.source, origin: event.origin };
  window.dispatchEvent(new CustomEvent("lede-show", { detail: request.text }));
  try {
    // The page's own annotator (one Web Worker, not a second one).
    await annotator.ready;
    reply({ type: "lede:result", doc: (await annotator.annotate(request.text, request.options || {})).doc });
  } catch (err) {
    reply({ type: "lede:error", message: err.message || String(err) });
  }
});

// asker is the window that sent the article shown: it hears the selections.
let asker = null;
window.addEventListener("lede-select", (event) => {
  if (asker) asker.window.postMessage({ type: "lede:select", item: event.detail }, asker.origin);
});
