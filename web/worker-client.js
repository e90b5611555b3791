// The page's side of the worker protocol documented in worker.js: one
// promise per request, a ready promise, a throughput estimate for the
// progress indicator, and a fresh worker when the Go program has stopped.

export class Annotator {
  // started, when given, is a worker already running and the messages it
  // has sent so far (see boot.js); otherwise the Annotator starts one.
  constructor(url = "worker.js", started = null) {
    this.url = url;
    this.pending = new Map();
    this.nextId = 1;
    // The export formats, from the worker's ready message.
    this.formats = [];
    // Characters per millisecond, updated from every measured run.
    this.throughput = 800;
    this.start(started);
  }

  start(started) {
    this.ready = new Promise((resolve, reject) => {
      this.settleReady = { resolve, reject };
    });
    this.ready.catch(() => {});
    this.worker = started ? started.worker : new Worker(this.url);
    this.worker.onmessage = (event) => this.receive(event.data || {});
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(event.message || "The annotation worker failed to start."));
    };
    if (started) for (const msg of started.early.splice(0)) this.receive(msg);
  }

  receive(msg) {
    if (msg.type === "ready") {
      this.formats = msg.formats || [];
      this.settleReady.resolve();
      return;
    }
    const request = this.pending.get(msg.id);
    if (!request) {
      if (msg.type === "error") this.fail(new Error(msg.message));
      return;
    }
    if (msg.type === "progress") {
      if (request.onProgress) request.onProgress(msg.done, msg.total);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.type === "exported") {
      request.resolve({ blob: msg.blob, filename: msg.filename, ms: msg.ms });
      return;
    }
    if (msg.type === "result") {
      if (request.length > 20000 && msg.ms > 0) this.throughput = 0.5 * this.throughput + 0.5 * (request.length / msg.ms);
      request.resolve({ doc: msg.doc, ms: msg.ms });
      return;
    }
    request.reject(new Error(msg.message));
    if (msg.fatal) this.restart();
  }

  fail(err) {
    this.settleReady.reject(err);
    for (const r of this.pending.values()) r.reject(err);
    this.pending.clear();
  }

  restart() {
    this.worker.terminate();
    this.fail(new Error("The annotator was restarted."));
    this.start(null);
  }

  /** estimateMs is how long annotating length characters should take. */
  estimateMs(length) {
    return length / this.throughput;
  }

  /**
   * export resolves to {blob, filename, ms}: text written by the Go export
   * format (one of this.formats); onProgress(done, total) hears how far a
   * long export got.
   */
  export(text, format, options, onProgress) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress, length: 0 });
      this.worker.postMessage({ id, type: "export", text, format, options });
    });
  }

  /** annotate resolves to {doc, ms} or rejects with the worker's message. */
  annotate(text, options) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, length: text.length });
      this.worker.postMessage({ id, text, options });
    });
  }
}
