import { enableTiming, timingReport } from "../pipeline/timing.js";
import { fail, nodeIo } from "./io.js";
import { guardOutput } from "./log-guard.js";
import { main } from "./main.js";

const timing = Boolean(process.env.CLAIMCHECK_TIMING);
if (timing) enableTiming();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    if (timing) {
      process.stderr.write(
        `${timingReport()}total (since node started)  ${performance.now().toFixed(0)} ms\n`,
      );
    }
  },
  (error: unknown) => {
    const guarded = guardOutput(nodeIo());
    process.exitCode = fail(guarded.io, error);
    guarded.end();
  },
);
