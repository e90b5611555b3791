// Starts the annotation worker the moment the page starts loading. Loading
// and compiling the wasm is the longest step before the page is ready, so it
// must not wait for the app's other modules: index.html runs this module
// (which imports nothing) with `async`, and app.js adopts the worker, with
// any message it sent in the meantime, through an Annotator.

export const started = { worker: new Worker("worker.js"), early: [] };
started.worker.onmessage = (event) => started.early.push(event.data || {});
started.worker.onerror = (event) => {
  event.preventDefault();
  started.early.push({ type: "error", message: event.message || "The annotation worker failed to start." });
};
