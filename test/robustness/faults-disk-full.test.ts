/**
 * A full disk, simulated: every write to a file under one folder fails with ENOSPC (node's own
 * promise-based file API, wrapped, as node:fs/promises and as node:fs's `promises`). The CLI runs in-process through main(): a clear error, exit code 2, and
 * neither the output file nor a temporary file left; the atomic writer leaves the old file whole.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { writeFileAtomic } from "../../src/edit/atomic-write.js";
import { copyBundled } from "../helpers/project.js";

/** Writes to files under `dir` fail as on a full disk, while `dir` is set. */
const disk = vi.hoisted(() => ({ fullUnder: "" }));

/** Node's promise-based file API with writes under `disk.fullUnder` failing. */
const failingWrites = vi.hoisted(() => (real: typeof import("node:fs/promises")) => {
  const full = (path: unknown) => disk.fullUnder !== "" && String(path).startsWith(disk.fullUnder);
  const enospc = () =>
    Promise.reject(
      Object.assign(new Error("ENOSPC: no space left on device, write"), {
        code: "ENOSPC",
        errno: -28,
        syscall: "write",
      }),
    );
  const open = (async (...args: Parameters<typeof real.open>) => {
    const handle = await real.open(...args);
    if (!full(args[0])) return handle;
    return new Proxy(handle, {
      get(target, key) {
        if (key === "write" || key === "writeFile" || key === "appendFile") return enospc;
        const value = Reflect.get(target, key, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }) as typeof real.open;
  const writeFile = ((path: Parameters<typeof real.writeFile>[0], ...rest: unknown[]) =>
    full(path)
      ? enospc()
      : (real.writeFile as (...a: unknown[]) => Promise<void>)(
          path,
          ...rest,
        )) as typeof real.writeFile;
  const appendFile = ((path: Parameters<typeof real.appendFile>[0], ...rest: unknown[]) =>
    full(path)
      ? enospc()
      : (real.appendFile as (...a: unknown[]) => Promise<void>)(
          path,
          ...rest,
        )) as typeof real.appendFile;
  return { ...real, open, writeFile, appendFile };
});

// The API is reached both as node:fs/promises and as node:fs's `promises` (loaded only when used).
vi.mock("node:fs/promises", async (importOriginal) => {
  const mocked = failingWrites(await importOriginal<typeof import("node:fs/promises")>());
  return { ...mocked, default: mocked };
});
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  const promises = failingWrites(real.promises);
  return { ...real, promises, default: { ...real, promises } };
});

const made: string[] = [];
afterAll(() => {
  disk.fullUnder = "";
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function fullDisk(): string {
  const dir = mkdtempSync(join(tmpdir(), "claimcheck-full-"));
  made.push(dir);
  disk.fullUnder = dir;
  return dir;
}

async function runMain(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => {
      stdout += typeof t === "string" ? t : Buffer.from(t).toString("utf8");
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { NO_COLOR: "1" },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe("a full disk", () => {
  it("report -o: a clear error, exit 2, no output file and no temporary file", async () => {
    const root = copyBundled();
    made.push(root);
    const dir = fullDisk();
    const out = join(dir, "report.json");
    const run = await runMain([
      "--root",
      root,
      "report",
      "--fail-on",
      "never",
      "-f",
      "json",
      "-o",
      out,
    ]);
    disk.fullUnder = "";
    expect(run.stderr).toBe(`claimcheck: cannot write json output to ${out}: the disk is full\n`);
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("report -o over an old report: the old report stays as it was", async () => {
    const root = copyBundled();
    made.push(root);
    const dir = fullDisk();
    disk.fullUnder = "";
    const out = join(dir, "report.json");
    writeFileSync(out, "the previous report\n");
    disk.fullUnder = dir;
    const run = await runMain([
      "--root",
      root,
      "report",
      "--fail-on",
      "never",
      "-f",
      "json",
      "-o",
      out,
    ]);
    disk.fullUnder = "";
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the disk is full");
    expect(readFileSync(out, "utf8")).toBe("the previous report\n");
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });

  it("the atomic writer: the error reaches the caller, the old file stays whole, no temporary file", async () => {
    const dir = fullDisk();
    disk.fullUnder = "";
    const file = join(dir, "claims.yaml");
    writeFileSync(file, "old: text\n");
    disk.fullUnder = dir;
    await expect(writeFileAtomic(file, "new: text\n")).rejects.toMatchObject({ code: "ENOSPC" });
    disk.fullUnder = "";
    expect(readFileSync(file, "utf8")).toBe("old: text\n");
    expect(readdirSync(dir)).toEqual(["claims.yaml"]);
  });

  it("fmt: a clear error, not a stack trace, and the claims file unchanged", async () => {
    const root = mkdtempSync(join(tmpdir(), "claimcheck-full-fmt-"));
    made.push(root);
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(root, "claims"));
    const before = "title: x\nsource:    sources/a.txt\nclaims: []\n";
    writeFileSync(join(root, "claims/a.yaml"), before);
    disk.fullUnder = join(root, "claims");
    const run = await runMain(["--root", root, "fmt", "claims/a.yaml"]);
    disk.fullUnder = "";
    expect(readFileSync(join(root, "claims/a.yaml"), "utf8")).toBe(before);
    expect(readdirSync(join(root, "claims"))).toEqual(["a.yaml"]);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+/);
    expect(run.stderr).toMatch(/disk is full|ENOSPC/);
    expect(run.code).toBe(2);
  });
});
