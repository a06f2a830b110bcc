/**
 * Runs a task module's default export in a worker thread, so reading a large upload never stalls
 * the API's thread, and a file that would exhaust memory ends the worker (its heap is capped), not
 * the process. The worker runs the TypeScript sources through tsx, as the command line does.
 * A SheetError thrown in the worker comes back as one; any other error as an Error of the same name.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SheetError } from './sheets.ts';

const tsxApi = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/package.json')
    .replace(/package\.json$/, 'dist/esm/api/index.mjs'),
).href;

type Outcome<O> =
  | { ok: O }
  | { sheet: ConstructorParameters<typeof SheetError> }
  | { fault: { name: string; message: string; stack: string } };

/** Inside the worker: the task's outcome, or its error in a form that crosses threads. */
const bootstrap = (task: string) => `
const { parentPort, workerData } = require('node:worker_threads');
import(${JSON.stringify(tsxApi)})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(task)}); })
  .then((m) => m.default(workerData))
  .then(
    (ok) => parentPort.postMessage({ ok }),
    (e) => parentPort.postMessage(e && e.name === 'SheetError'
      ? { sheet: [e.status, e.code, e.text.zh, e.text.en] }
      : { fault: { name: String(e && e.name), message: String(e && e.message || e), stack: String(e && e.stack) } }),
  );`;

export interface OffThreadOptions {
  /** The worker's heap cap: past it the worker ends, and the task fails with `tooLarge`. */
  heapMb: number;
  tooLarge: () => Error;
}

export function offThread<I, O>(task: URL, input: I, options: OffThreadOptions): Promise<O> {
  return new Promise<O>((resolve, reject) => {
    const worker = new Worker(bootstrap(task.href), {
      eval: true,
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb, maxYoungGenerationSizeMb: 64 },
    });
    let settled = false;
    worker.once('message', (m: Outcome<O>) => {
      settled = true;
      if ('ok' in m) resolve(m.ok);
      else if ('sheet' in m) reject(new SheetError(...m.sheet));
      else reject(Object.assign(new Error(m.fault.message), m.fault));
      void worker.terminate();
    });
    worker.once('error', (e: Error & { code?: string }) => {
      settled = true;
      reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? options.tooLarge() : e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the worker thread for ${task.pathname} ended (${code}) without an answer`));
    });
  });
}
