/**
 * A claims folder that cannot be listed (EACCES), simulated: as root, chmod does not stop a
 * listing (reading.test.ts has the real case, skipped as root). The CLI runs in-process.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { copyBundled } from "../helpers/project.js";

/** Listing this folder fails with EACCES, while set. */
const unlistable = vi.hoisted(() => ({ dir: "" }));

vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  const readdirSync = ((path: Parameters<typeof real.readdirSync>[0], ...rest: unknown[]) => {
    if (unlistable.dir !== "" && String(path) === unlistable.dir)
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), {
        code: "EACCES",
      });
    return (real.readdirSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof real.readdirSync;
  return { ...real, readdirSync, default: { ...real, readdirSync } };
});

const made: string[] = [];
afterAll(() => {
  unlistable.dir = "";
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function runMain(argv: string[]) {
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

describe("a claims folder that cannot be listed", () => {
  it("validate: a located error, never '0 claims files: all valid'", async () => {
    const root = copyBundled();
    made.push(root);
    unlistable.dir = join(root, "claims");
    const run = await runMain(["--root", root, "validate"]);
    unlistable.dir = "";
    expect(run.stdout).toContain(
      "claims/\n  1:1      error    claims/ cannot be listed (EACCES): its claims files are not read  source-missing",
    );
    expect(run.stdout).not.toContain("all valid");
    expect(run.code).toBe(2);
  });

  it("fmt and init: the reason, exit 2", async () => {
    const root = copyBundled();
    made.push(root);
    writeFileSync(join(root, "sources/new.txt"), "A new article.\n");
    unlistable.dir = join(root, "claims");
    const fmt = await runMain(["--root", root, "fmt"]);
    const init = await runMain(["--root", root, "init", join(root, "sources/new.txt")]);
    unlistable.dir = "";
    expect(fmt.stderr).toBe("claimcheck: claims/ cannot be listed (EACCES)\n");
    expect(fmt.code).toBe(2);
    // Whether a claims file annotates the article already cannot be told: refused.
    expect(init.stderr).toBe("claimcheck: claims/ cannot be listed (EACCES)\n");
    expect(init.code).toBe(2);
  });
});
