import { describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { ProgressLine, withProgress } from "../../src/cli/progress.js";
import { timed } from "../../src/pipeline/timing.js";

/** An Io that records what goes to stdout and stderr, and how often stderr's kind is asked. */
function recordingIo(terminal: boolean, env: NodeJS.ProcessEnv = {}) {
  const writes: string[] = [];
  let asked = 0;
  const io: Io = {
    stdout: (t) => writes.push(`out:${String(t)}`),
    stderr: (t) => writes.push(`err:${t}`),
    env,
    stdoutIsTTY: false,
    get stderrIsTTY() {
      asked++;
      return terminal;
    },
    cwd: "/",
  };
  return { io, writes, asked: () => asked };
}

/** A progress line on a clock the test sets with `at(ms)`, writing to a recording Io. */
function lineOn(terminal: boolean, env: NodeJS.ProcessEnv = {}) {
  const recorded = recordingIo(terminal, env);
  let now = 0;
  const line = new ProgressLine(recorded.io, () => now);
  const at = (ms: number) => {
    now = ms;
  };
  return { ...recorded, line, at };
}

/** `stage` starts every `step` ms from `from` until before `to`; then the line ends. */
function startEvery(
  t: ReturnType<typeof lineOn>,
  stage: string,
  [from, to, step]: [number, number, number],
) {
  for (let ms = from; ms < to; ms += step) {
    t.at(ms);
    t.line.stageStarted(stage);
  }
  t.line.end();
}

describe("the progress line", () => {
  // Silent, and how often it asks what stderr is (making process.stderr costs start-up time).
  it.each([
    ["for the first second, without asking what stderr is", true, [0, 1000, 50], 0],
    ["when stderr is not a terminal (a CI log, a pipe), asking once", false, [0, 5000, 100], 1],
  ] as const)("says nothing %s", (_, terminal, times, asks) => {
    const t = lineOn(terminal);
    startEvery(t, "parse and validate YAML", [...times]);
    expect(t.writes).toEqual([]);
    expect(t.asked()).toBe(asks);
  });

  it("then shows the stage, its count and the time, at most every 100 ms, a new stage at once", () => {
    const { io, writes } = recordingIo(true);
    let now = 0;
    const line = new ProgressLine(io, () => now);
    for (let i = 0; i < 30; i++) {
      now = 990 + i * 10; // 990 to 1,280 ms
      line.stageStarted("parse and validate YAML");
    }
    now = 1285;
    line.stageStarted("compare");
    line.end();
    expect(writes).toEqual([
      "err:\r\u001b[Kclaimcheck: parse and validate YAML 2 (1.0 s)",
      "err:\r\u001b[Kclaimcheck: parse and validate YAML 12 (1.1 s)",
      "err:\r\u001b[Kclaimcheck: parse and validate YAML 22 (1.2 s)",
      "err:\r\u001b[Kclaimcheck: compare (1.3 s)",
      "err:\r\u001b[K",
    ]);
  });

  it("counts each stage on its own when two alternate", () => {
    const { io, writes } = recordingIo(true);
    let now = 0;
    const line = new ProgressLine(io, () => now);
    for (now = 1000; now < 1600; now += 200) {
      line.stageStarted("ground quotes");
      line.stageStarted("check values against quotes");
    }
    // Each stage keeps its own count; the second stage of a round falls within the 100 ms.
    expect(writes).toEqual([
      "err:\r\u001b[Kclaimcheck: ground quotes (1.0 s)",
      "err:\r\u001b[Kclaimcheck: check values against quotes (1.0 s)",
      "err:\r\u001b[Kclaimcheck: ground quotes 2 (1.2 s)",
      "err:\r\u001b[Kclaimcheck: ground quotes 3 (1.4 s)",
    ]);
  });

  it("says nothing on a dumb terminal, which cannot clear a line", () => {
    const t = lineOn(true, { TERM: "dumb" });
    startEvery(t, "compare", [5000, 5001, 1]);
    expect(t.writes).toEqual([]);
  });

  it("draws nothing after it ends", () => {
    const t = lineOn(true);
    t.line.end();
    t.at(5000);
    t.line.stageStarted("compare");
    expect(t.writes).toEqual([]);
  });
});

describe("withProgress", () => {
  it("hears the pipeline's stages, and clears the line before the first output", async () => {
    const { io, writes } = recordingIo(true);
    let now = 0;
    const code = await withProgress(
      io,
      async (shown) => {
        timed("read YAML files", () => undefined); // within the quiet second: not shown
        now = 1500;
        timed("compare", () => undefined);
        shown.stdout("report\n");
        timed("render and write", () => undefined); // after output began: not shown
        return 7;
      },
      () => now,
    );
    expect(code).toBe(7);
    expect(writes).toEqual([
      "err:\r\u001b[Kclaimcheck: compare (1.5 s)",
      "err:\r\u001b[K",
      "out:report\n",
    ]);
  });

  it("when stdout is the terminal too, clears the line for each output and draws it again after a whole row", async () => {
    const { io, writes } = recordingIo(true);
    io.stdoutIsTTY = true;
    let now = 0;
    await withProgress(
      io,
      async (shown) => {
        now = 1000;
        timed("format files", () => undefined);
        shown.stdout("claims/a.yaml\n");
        now = 1200;
        timed("format files", () => undefined); // drawn again: the row was ended
        shown.stderr("note: claims/b.yaml kept its comments");
        now = 1400;
        timed("format files", () => undefined); // not drawn: that row is not ended
        shown.stderr("\n");
        now = 1600;
        timed("format files", () => undefined);
        shown.stdout("");
        return 0;
      },
      () => now,
    );
    expect(writes).toEqual([
      "err:\r\u001b[Kclaimcheck: format files (1.0 s)",
      "err:\r\u001b[K",
      "out:claims/a.yaml\n",
      "err:\r\u001b[Kclaimcheck: format files 2 (1.2 s)",
      "err:\r\u001b[K",
      "err:note: claims/b.yaml kept its comments",
      "err:\n",
      "err:\r\u001b[Kclaimcheck: format files 4 (1.6 s)",
      "out:",
      "err:\r\u001b[K",
    ]);
  });

  it("stops hearing stages when the run ends", async () => {
    const { io, writes } = recordingIo(true);
    await withProgress(io, async () => undefined);
    timed("compare", () => undefined);
    expect(writes).toEqual([]);
  });
});
