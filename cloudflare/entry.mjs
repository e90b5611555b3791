// The Worker's entry point. It does the job of the worker.mjs that
// syumai/workers generates (load the Go program, hand it each request), but
// starts the Go program once per isolate and reuses it for every request:
// the generated one starts a fresh Go runtime, and so decodes Lede's models
// again, for every single request.
import "./build/wasm_exec.js";
import { createRuntimeContext, loadModule } from "./build/runtime.mjs";

// syumai/workers' Go code calls this helper to catch JS exceptions.
globalThis.tryCatch = (fn) => {
  try {
    return { result: fn() };
  } catch (error) {
    return { error };
  }
};

/** @type {Promise<{handleRequest: (req: Request) => Promise<Response>}> | null} */
let program = null;

async function start(env, ctx) {
  const binding = {};
  const go = new Go();
  let ready;
  const isReady = new Promise((resolve) => (ready = resolve));
  const instance = new WebAssembly.Instance(await loadModule(), {
    ...go.importObject,
    workers: { ready: () => ready() },
  });
  // If the Go program ever exits, the next request starts a new one.
  go.run(instance, createRuntimeContext({ env, ctx, binding })).finally(() => (program = null));
  await isReady;
  return binding;
}

export default {
  async fetch(request, env, ctx) {
    program ??= start(env, ctx);
    return (await program).handleRequest(request);
  },
};
