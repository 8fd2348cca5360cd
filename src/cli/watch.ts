/**
 * `--watch` for any command: run once, then again whenever a claims file, the vocabulary or an
 * article changes. Changes are debounced (an editor's save is several events), a run never
 * overlaps another (a change during a run queues one more run), and a run that fails, say on a
 * half-saved file, is reported and the watching goes on. Ctrl-C stops it with exit code 0.
 */
import { existsSync, type FSWatcher, watch as fsWatch } from "node:fs";
import { join, relative, sep } from "node:path";
import { escapeTerminal } from "../report/escape.js";
import { EXIT } from "./exit-codes.js";
import { fail, type Io } from "./io.js";

export interface WatchOptions {
  /** Absolute path of the repository root. */
  root: string;
  io: Io;
  /** One run of the command; its exit code is ignored while watching. */
  run: () => Promise<unknown>;
  /** Directories to watch, relative to the root. Default: claims and sources. */
  dirs?: readonly string[];
  /** Quiet period after the last change before a run starts, in milliseconds. Default 150. */
  debounceMs?: number;
  /** Stops watching (tests use it; the CLI stops on Ctrl-C). */
  signal?: AbortSignal;
  /** Stop on SIGINT / SIGTERM. Default true. */
  handleSignals?: boolean;
  /** Clear the screen before each run. Default: when stdout is a terminal. */
  clear?: boolean;
  /** The clock, for tests. */
  now?: () => Date;
}

const CLEAR_SCREEN = "\x1b[2J\x1b[3J\x1b[H";

export async function watchAndRun(options: WatchOptions): Promise<number> {
  const { io, root } = options;
  const dirs = options.dirs ?? ["claims", "sources"];
  const debounceMs = options.debounceMs ?? 150;
  const clear = options.clear ?? io.stdoutIsTTY;
  const now = options.now ?? (() => new Date());

  let stopped = false;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  const pending = new Set<string>();
  let resolveDone: (code: number) => void = () => {};
  const done = new Promise<number>((r) => {
    resolveDone = r;
  });

  const runOnce = async (changed: readonly string[]) => {
    running = true;
    if (clear) io.stdout(CLEAR_SCREEN);
    const what =
      changed.length === 0 ? "starting" : `changed: ${changed.map(escapeTerminal).join(", ")}`;
    io.stdout(`[${clock(now())}] ${what}\n`);
    try {
      await options.run();
    } catch (error) {
      // A failed run is reported; the watcher keeps going.
      fail(io, error);
    }
    running = false;
    if (stopped) return;
    io.stdout(
      `[${clock(now())}] watching ${dirs.map((d) => `${d}/`).join(" and ")} for changes (Ctrl-C to stop)\n`,
    );
    if (pending.size > 0) schedule();
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (stopped || running) return;
      const changed = [...pending].sort();
      pending.clear();
      void runOnce(changed);
    }, debounceMs);
  };

  const onEvent = (dir: string) => (_event: string, filename: string | Buffer | null) => {
    if (stopped) return;
    const name = filename === null ? undefined : filename.toString();
    if (name !== undefined && !isInteresting(dir, name)) return;
    pending.add(
      name === undefined
        ? `${dir}/`
        : relative(root, join(root, dir, name))
            .split(sep)
            .join("/"),
    );
    if (!running) schedule();
  };
  // One watcher per folder, and one on the root for the folders themselves: a folder removed
  // and made again is a new folder, which the old watcher never sees.
  const watchers = new Map<string, FSWatcher>();
  /** Watches `dir` afresh; the reason when it cannot. */
  const attach = (dir: string): string | undefined => {
    watchers.get(dir)?.close();
    watchers.delete(dir);
    let watcher: FSWatcher;
    try {
      watcher = startWatcher(join(root, dir), onEvent(dir));
    } catch (error) {
      return (error as Error).message;
    }
    watcher.on("error", (error) => {
      watcher.close();
      if (watchers.get(dir) !== watcher) return;
      watchers.delete(dir);
      // Gone with its folder: attached again when the folder is back (see the root's watcher).
      if (!stopped && existsSync(join(root, dir)) && attach(dir) !== undefined)
        io.stderr(`claimcheck: watching stopped for ${escapeTerminal(dir)}/: ${error.message}\n`);
    });
    watchers.set(dir, watcher);
    return undefined;
  };
  for (const dir of dirs) {
    const why = attach(dir);
    if (why !== undefined) io.stderr(`claimcheck: cannot watch ${escapeTerminal(dir)}/: ${why}\n`);
  }
  if (watchers.size === 0) {
    io.stderr(
      `claimcheck: nothing to watch: none of ${dirs.map((d) => `${d}/`).join(", ")} exists in ${escapeTerminal(root)}\n`,
    );
    return EXIT.invalid;
  }
  let rootWatcher: FSWatcher | undefined;
  try {
    rootWatcher = fsWatch(root, { persistent: true }, (_event, filename) => {
      const name = filename?.toString();
      if (stopped || name === undefined || !dirs.includes(name)) return;
      attach(name);
      pending.add(`${name}/`);
      if (!running) schedule();
    });
    rootWatcher.on("error", () => rootWatcher?.close());
  } catch {
    // The folders are still watched; only their removal goes unnoticed.
  }

  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (timer) clearTimeout(timer);
    for (const w of watchers.values()) w.close();
    rootWatcher?.close();
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    options.signal?.removeEventListener("abort", stop);
    resolveDone(EXIT.ok);
  };
  if (options.handleSignals ?? true) {
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  }
  if (options.signal?.aborted) stop();
  else options.signal?.addEventListener("abort", stop);

  if (!stopped) await runOnce([]);
  return done;
}

/** Recursive where the platform supports it (Node 20 does on Linux, macOS and Windows). */
function startWatcher(
  path: string,
  listener: (event: string, filename: string | Buffer | null) => void,
): FSWatcher {
  try {
    return fsWatch(path, { recursive: true, persistent: true }, listener);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM")
      throw error;
    return fsWatch(path, { persistent: true }, listener);
  }
}

/** Editor backups, swap files and temporary files (ours included) are not changes. */
export function isInteresting(dir: string, filename: string): boolean {
  const base = filename.split(/[\\/]/).pop() ?? filename;
  if (base === "" || base.startsWith(".") || base.endsWith("~") || base.endsWith(".tmp"))
    return false;
  if (/\.(swp|swx|swo|bak|orig)$/i.test(base) || base === "4913" || base.startsWith("#"))
    return false;
  if (dir === "claims") return /\.ya?ml$/i.test(base);
  return true;
}

function clock(d: Date): string {
  return [d.getHours(), d.getMinutes(), d.getSeconds()]
    .map((n) => String(n).padStart(2, "0"))
    .join(":");
}
