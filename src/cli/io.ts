/** The CLI's edges: output streams and environment, injectable so tests can run main() in-process. */
import { fstatSync } from "node:fs";
import { visibleControls } from "../report/escape.js";
import { EXIT } from "./exit-codes.js";

/**
 * What is written, for the guard that keeps CI logs safe (see log-guard.ts): plain `text` for a
 * reader, a `document` in a format that escapes itself (JSON, SARIF, XML, HTML, Markdown), or
 * `commands`: claimcheck's own GitHub workflow commands, every value in them escaped.
 */
export type OutputKind = "text" | "document" | "commands";

export interface Io {
  /** Text, or UTF-8 bytes (a large report is written as encoded chunks; see utf8Chunks). */
  stdout(text: string | Uint8Array, kind?: OutputKind): void;
  stderr(text: string): void;
  /**
   * Whether everything given to stdout so far has left the process, so that the memory of a
   * chunk given to it may be used again. Without it, chunks are never reused.
   */
  stdoutDrained?(): boolean;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Whether a stream is a regular file (a shell redirect), not a terminal, pipe or log. */
  readonly stdoutIsFile?: boolean;
  readonly stderrIsFile?: boolean;
  cwd: string;
}

let stdoutClosed = false;
let watchingStdout = false;

/**
 * A reader that stops early (`claimcheck report | head`) closes the pipe: the rest of the output
 * has nowhere to go, which is not a failure of the run, so it is dropped and the run ends with its
 * own exit code. Any other write error is reported without a stack trace.
 */
function watchStdout(): void {
  if (watchingStdout) return;
  watchingStdout = true;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (stdoutClosed) return;
    stdoutClosed = true;
    if (error.code === "EPIPE") return;
    process.stderr.write(
      `claimcheck: cannot write to standard output (${error.code ?? error.message})\n`,
    );
    process.exitCode = EXIT.invalid;
  });
}

export function nodeIo(): Io {
  watchStdout();
  return {
    stdout: (t) => {
      if (!stdoutClosed) process.stdout.write(t);
    },
    stderr: (t) => process.stderr.write(t),
    // A write that completes at once (a file, a pipe with room) leaves nothing queued.
    stdoutDrained: () => stdoutClosed || process.stdout.writableLength === 0,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    // Asked only by the commands that colour stderr: making process.stderr loads Node's
    // networking modules when it is a pipe, a few milliseconds of every start.
    get stderrIsTTY() {
      return process.stderr.isTTY === true;
    },
    get stdoutIsFile() {
      return isRegularFile(1);
    },
    get stderrIsFile() {
      return isRegularFile(2);
    },
    cwd: process.cwd(),
  };
}

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

/** Thrown for a problem the user can fix (bad argument, unwritable output): message, exit 2, no stack. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.invalid,
  ) {
    super(message);
  }
}

export function fail(io: Io, error: unknown): number {
  // Messages name files and quote what the user wrote: hidden characters are shown, not sent.
  if (error instanceof UserError) {
    io.stderr(`claimcheck: ${visibleControls(error.message)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`claimcheck: internal error: ${visibleControls(message)}\n`);
  if (io.env.CLAIMCHECK_DEBUG && error instanceof Error && error.stack)
    io.stderr(`${error.stack}\n`);
  else io.stderr("This is a bug in claimcheck. Run again with CLAIMCHECK_DEBUG=1 for details.\n");
  return EXIT.internal;
}
