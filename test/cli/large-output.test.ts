import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, REPO } from "../helpers/project.js";

/**
 * A report of several megabytes is written in chunks whose memory is filled again once standard
 * output has taken the last one. Whatever standard output is (a file, a pipe read slowly, a file
 * named with -o), the bytes must be the same.
 */
describe("a report of several megabytes", () => {
  let root = "";
  const args = ["report", "--format", "json"];

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "claimcheck-large-"));
    const made = spawnSync(process.execPath, ["test/bench/generate.mjs", "6000", root], {
      cwd: REPO,
      encoding: "utf8",
    });
    expect(made.status, made.stderr).toBe(0);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** The report with standard output going straight into a file. */
  function toFile(): Buffer {
    const path = join(root, "stdout.json");
    const fd = openSync(path, "w");
    try {
      const r = spawnSync(process.execPath, [BIN, ...args], {
        cwd: root,
        stdio: ["ignore", fd, "pipe"],
      });
      expect(r.status).toBe(1);
    } finally {
      closeSync(fd);
    }
    return readFileSync(path);
  }

  /** The report read from a pipe by a reader that pauses after every read. */
  function throughSlowPipe(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        cwd: root,
        stdio: ["ignore", "pipe", "inherit"],
      });
      const parts: Buffer[] = [];
      child.stdout.on("data", (d: Buffer) => {
        parts.push(d);
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 2);
      });
      child.on("error", reject);
      child.on("close", (code) => {
        if (code === 1) resolve(Buffer.concat(parts));
        else reject(new Error(`exit code ${code}`));
      });
    });
  }

  it("is the same through a file, a slow pipe and --output", async () => {
    const viaFile = toFile();
    // Several chunks of a megabyte, so that a chunk's memory is filled more than once.
    expect(viaFile.length).toBeGreaterThan(2.5 * 2 ** 20);
    const report = JSON.parse(viaFile.toString("utf8")) as { sources: { claims: number }[] };
    expect(report.sources.reduce((sum, s) => sum + s.claims, 0)).toBe(6000);

    expect((await throughSlowPipe()).equals(viaFile)).toBe(true);

    const named = join(root, "named.json");
    const r = spawnSync(process.execPath, [BIN, ...args, "--output", named], { cwd: root });
    expect(r.status).toBe(1);
    expect(readFileSync(named).equals(viaFile)).toBe(true);
  });
});
