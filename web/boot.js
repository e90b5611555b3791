// Starts the annotation worker the moment the page starts loading. Loading
// and compiling the wasm is the longest step before the page is ready, so it
// should not wait for the rest of the app's modules: index.html loads this
// module with `async`, and app.js imports the same, already started, instance.

import { Annotator } from "./annotator.js";

export const annotator = new Annotator("worker.js");
