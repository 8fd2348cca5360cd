/** The CLI's edges: output streams and environment, injectable so tests can run main() in-process. */
import { EXIT } from "./exit-codes.js";

export interface Io {
  /** Text, or UTF-8 bytes (a large report is written as encoded chunks; see utf8Chunks). */
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  cwd: string;
}

export function nodeIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
  };
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
  if (error instanceof UserError) {
    io.stderr(`claimcheck: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`claimcheck: internal error: ${message}\n`);
  if (io.env.CLAIMCHECK_DEBUG && error instanceof Error && error.stack)
    io.stderr(`${error.stack}\n`);
  else io.stderr("This is a bug in claimcheck. Run again with CLAIMCHECK_DEBUG=1 for details.\n");
  return EXIT.internal;
}
