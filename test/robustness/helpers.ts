/** Helpers for the robustness tests: the real CLI run asynchronously, and its findings read back. */
import { spawn } from "node:child_process";
import { BIN } from "../helpers/project.js";

export interface SpawnResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the process had to be killed for running past its time limit. */
  timedOut: boolean;
  ms: number;
}

/** Runs `node dist/claimcheck.js ARGS`, killed after `timeoutMs` (a hang fails the test, it never stalls it). */
export function runCliAsync(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<SpawnResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: {
        ...process.env,
        NO_COLOR: "1",
        FORCE_COLOR: undefined,
        GITHUB_STEP_SUMMARY: undefined,
        GITHUB_ACTIONS: undefined,
        CLAIMCHECK_DEBUG: undefined,
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding("utf8").on("data", (s: string) => {
      stderr += s;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 10_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}

/** A line of a JavaScript stack trace, such as `    at parse (file.js:12:5)`. */
export const STACK_TRACE = /\n\s+at .+:\d+/;

export interface TextFinding {
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
  rule: string;
}

/**
 * The findings of `validate`'s text output (without colour): a file name on a line of its own,
 * then one line per finding, `  LINE:COL  severity  message  rule`; indented lines under a
 * finding (diffs, related places) are skipped.
 */
export function parseFindingsText(text: string): TextFinding[] {
  const out: TextFinding[] = [];
  let file = "";
  for (const line of text.split("\n")) {
    const m = /^ {2}(\d+):(\d+) +(error|warning|note) +(.*) {2}([a-z][a-z-]*)$/.exec(line);
    if (m) {
      out.push({
        file,
        line: Number(m[1]),
        column: Number(m[2]),
        severity: m[3]!,
        message: m[4]!,
        rule: m[5]!,
      });
    } else if (line !== "" && !line.startsWith(" ")) {
      file = line;
    }
  }
  return out;
}
