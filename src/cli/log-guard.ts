/**
 * Everything claimcheck prints may end up in a CI log, and a CI runner acts on some lines of its
 * log: GitHub's runner executes a line that starts with `::` (after leading space) and a legacy
 * `##[command]` anywhere in a line, on stdout and on stderr alike. Text from claims files and
 * articles comes from whoever wrote the pull request, so:
 *
 * - plain text (the table, validate's findings, messages) is neutralised on its way out, piece
 *   by piece (CommandNeutraliser): no line of it can be read as a command, whatever it holds;
 * - documents (JSON, SARIF, JUnit, HTML, Markdown) neutralise themselves, in their own syntax,
 *   and pass unchanged, so that `report -f json | jq` still reads JSON;
 * - under GitHub Actions (GITHUB_ACTIONS=true), plain text on stdout is also printed inside a
 *   `::stop-commands::TOKEN` … `::TOKEN::` block with a random token, closed before claimcheck's
 *   own workflow commands (the github format's annotations) and at the end of the run; each
 *   message on stderr gets a block of its own. Output to a regular file (a shell redirect) gets
 *   no block: it is not the log.
 */
import { nodeCrypto } from "../load/lazy-node-modules.js";
import { CommandNeutraliser } from "../report/escape.js";
import type { Io, OutputKind } from "./io.js";

export interface GuardedIo {
  io: Io;
  /** Closes an open stop-commands block; call once, when the command has finished. */
  end(): void;
}

/** 16 random bytes: a token nothing in the files can guess, fresh for every run. */
const randomToken = () => nodeCrypto().randomBytes(16).toString("hex");

export function guardOutput(inner: Io, newToken: () => string = randomToken): GuardedIo {
  const github = inner.env.GITHUB_ACTIONS === "true";
  const stdoutText = new CommandNeutraliser();
  const stderrText = new CommandNeutraliser();
  // Asked once, when first needed: a block is for the log, not for a file the shell writes.
  let stdoutBlocks: boolean | undefined;
  let stderrBlocks: boolean | undefined;
  let stderrToken: string | undefined;
  let openToken: string | undefined;
  let stdoutAtLineStart = true;

  const raw = (data: string | Uint8Array, kind: OutputKind) => {
    if (data.length === 0) return;
    inner.stdout(data, kind);
    stdoutAtLineStart = endsLine(data);
  };
  const startLine = () => {
    if (!stdoutAtLineStart) raw("\n", "commands");
  };
  const closeBlock = () => {
    if (openToken === undefined) return;
    startLine();
    raw(`::${openToken}::\n`, "commands");
    openToken = undefined;
  };

  const io: Io = {
    stdout(data, kind = "text") {
      if (data.length === 0) return;
      if (kind === "commands") {
        closeBlock();
        raw(data, kind);
        stdoutText.passed(stdoutAtLineStart);
        return;
      }
      const text = kind === "text" && typeof data === "string" ? stdoutText.write(data) : data;
      if (typeof data !== "string" || kind === "document") stdoutText.passed(endsLine(data));
      if (text.length === 0) return;
      stdoutBlocks ??= github && !isRegularFile(inner, "stdout");
      if (kind === "text" && stdoutBlocks && openToken === undefined) {
        startLine();
        openToken = newToken();
        raw(`::stop-commands::${openToken}\n`, "commands");
      }
      raw(text, kind);
    },
    stderr(text) {
      const safe = stderrText.write(text);
      if (safe.length === 0) return;
      stderrBlocks ??= github && !isRegularFile(inner, "stderr");
      if (!stderrBlocks) {
        inner.stderr(safe);
        return;
      }
      stderrToken ??= newToken();
      const close = safe.endsWith("\n") ? "" : "\n";
      inner.stderr(`::stop-commands::${stderrToken}\n${safe}${close}::${stderrToken}::\n`);
    },
    env: inner.env,
    stdoutIsTTY: inner.stdoutIsTTY,
    // Getters, like nodeIo's, so that nothing makes process.stderr before it is needed.
    get stderrIsTTY() {
      return inner.stderrIsTTY;
    },
    get stdoutIsFile() {
      return inner.stdoutIsFile;
    },
    get stderrIsFile() {
      return inner.stderrIsFile;
    },
    cwd: inner.cwd,
  };
  if (inner.stdoutDrained) {
    const drained = inner.stdoutDrained;
    io.stdoutDrained = () => drained.call(inner);
  }
  return { io, end: closeBlock };
}

function endsLine(data: string | Uint8Array): boolean {
  if (data.length === 0) return false;
  const last = typeof data === "string" ? data.charCodeAt(data.length - 1) : data[data.length - 1];
  return last === 0x0a || last === 0x0d;
}

function isRegularFile(io: Io, stream: "stdout" | "stderr"): boolean {
  return (stream === "stdout" ? io.stdoutIsFile : io.stderrIsFile) === true;
}
