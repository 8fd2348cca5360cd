/**
 * A progress line on stderr for a run that takes more than a second, when stderr is a terminal:
 * the stage the run is in, how many times it has started (files, articles) and the time so far.
 * A stage seen for the first time is shown at once; otherwise the line is redrawn at most every
 * 100 ms.
 * Quick runs, and runs whose stderr is a file or a pipe (CI logs), print nothing. Only the names
 * of our own stages are printed, never text from claims or articles.
 */
import { withThousands } from "../compare/group-findings.js";
import { watchStages } from "../pipeline/timing.js";
import type { Io } from "./io.js";

/** Milliseconds on a clock that only goes forward (not `performance`, which loads perf_hooks). */
const monotonicMs = () => Number(process.hrtime.bigint() / 1_000_000n);

const QUIET_MS = 1000;
const REDRAW_MS = 100;
const CLEAR_LINE = "\r\u001b[K";

export class ProgressLine {
  private readonly started: number;
  private onTerminal: boolean | undefined;
  /** How many times each stage has started. */
  private readonly starts = new Map<string, number>();
  private drawnAt = Number.NEGATIVE_INFINITY;
  private shown = false;
  private ended = false;
  /** Other output has left the cursor inside a row: drawing there would erase it. */
  private held = false;

  constructor(
    private readonly io: Io,
    private readonly clock: () => number = monotonicMs,
  ) {
    this.started = clock();
  }

  /** A stage has started (again, for stages run once per file). */
  stageStarted(stage: string): void {
    if (this.ended) return;
    const starts = (this.starts.get(stage) ?? 0) + 1;
    this.starts.set(stage, starts);
    const now = this.clock();
    if (now - this.started < QUIET_MS) return;
    // Asked only now: making process.stderr costs start-up time that quick runs need not pay.
    // A dumb terminal cannot clear a line, so it gets no progress line either.
    this.onTerminal ??= this.io.stderrIsTTY && this.io.env.TERM !== "dumb";
    if (!this.onTerminal || this.held || (starts > 1 && now - this.drawnAt < REDRAW_MS)) return;
    this.drawnAt = now;
    this.shown = true;
    const count = starts > 1 ? ` ${withThousands(starts)}` : "";
    const seconds = ((now - this.started) / 1000).toFixed(1);
    this.io.stderr(`${CLEAR_LINE}claimcheck: ${stage}${count} (${seconds} s)`);
  }

  /**
   * Clears the line, if it was drawn, for other output to take its row. The line comes back at
   * the next stage, unless that output did not end its row (`endsRow` false).
   */
  clear(endsRow: boolean): void {
    if (this.shown) this.io.stderr(CLEAR_LINE);
    this.shown = false;
    this.drawnAt = Number.NEGATIVE_INFINITY;
    this.held = !endsRow;
  }

  /** Clears the line, if it was drawn; nothing is drawn after this. */
  end(): void {
    this.clear(true);
    this.ended = true;
  }
}

/**
 * Runs `run` with a progress line. The Io it is given clears the line before any output, so that
 * no output starts on the progress line's row. Output to stdout ends the line, unless stdout is
 * the terminal too: a pipe may lead to a pager that has taken the terminal over.
 */
export async function withProgress<T>(
  io: Io,
  run: (io: Io) => Promise<T>,
  clock: () => number = monotonicMs,
): Promise<T> {
  const line = new ProgressLine(io, clock);
  const stop = watchStages((stage) => line.stageStarted(stage));
  const { stdoutDrained } = io;
  const clearing: Io = {
    stdout: (text, kind) => {
      if (!io.stdoutIsTTY) line.end();
      else if (text.length > 0) line.clear(endsRow(text));
      io.stdout(text, kind);
    },
    stderr: (text) => {
      if (text.length > 0) line.clear(endsRow(text));
      io.stderr(text);
    },
    ...(stdoutDrained ? { stdoutDrained: () => stdoutDrained.call(io) } : {}),
    env: io.env,
    stdoutIsTTY: io.stdoutIsTTY,
    // A getter, like nodeIo's, so that nothing makes process.stderr before it is needed.
    get stderrIsTTY() {
      return io.stderrIsTTY;
    },
    get stdoutIsFile() {
      return io.stdoutIsFile;
    },
    get stderrIsFile() {
      return io.stderrIsFile;
    },
    cwd: io.cwd,
  };
  try {
    return await run(clearing);
  } finally {
    stop();
    line.end();
  }
}

/** Whether output leaves the cursor at the start of a row. */
function endsRow(text: string | Uint8Array): boolean {
  return typeof text === "string" ? text.endsWith("\n") : text[text.length - 1] === 0x0a;
}
