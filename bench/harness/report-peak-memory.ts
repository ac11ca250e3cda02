/**
 * Preloaded with `node --require` into a process a benchmark starts: at exit it writes the process's
 * peak resident memory, in bytes, to the file named by the environment variable below. Does nothing
 * when the variable is unset.
 */
import { writeFileSync } from 'node:fs';

export const PEAK_MEMORY_FILE_VARIABLE = 'IAM_ATLAS_BENCH_PEAK_MEMORY_FILE';

const target = process.env[PEAK_MEMORY_FILE_VARIABLE];
if (target) {
  process.on('exit', () => {
    // maxRSS is in kilobytes.
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
