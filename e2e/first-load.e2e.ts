/**
 * First-load time of the public entry pages over loopback: median of 5 cold loads each. Reported,
 * not asserted (a shared CI machine's timing is no pass/fail criterion).
 */
import { it } from 'vitest';
import { firstLoad, useBrowser } from './harness.ts';

const e2e = useBrowser();

it('measures the first load of / and /calculator', async () => {
  const kb = (n: number) => `${Math.round(n / 1024)} KiB`;
  for (const path of ['/', '/calculator']) {
    const t = await firstLoad(e2e.browser, path, 5);
    console.log(
      `first load ${path.padEnd(12)} load event ${t.load.toFixed(0)} ms, content ready ${t.ready.toFixed(0)} ms ` +
        `(medians of ${t.runs.length} cold loads; loads: ${t.runs.map((r) => r.load.toFixed(0)).join(', ')} ms); ` +
        `transferred ${kb(t.bytes)}, scripts ${kb(t.scriptBytes)}`,
    );
  }
});
