/**
 * dist/claimcheck.js runs the CLI bundle with the V8 code cache the build made (src/cli/launch.ts).
 * The cache may only make a start faster: a missing, foreign or damaged one must change nothing
 * the user sees. Each case runs a copy of dist/ inside the repository (so the bundle still finds
 * node_modules) with its cache replaced.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Script } from "node:vm";
import { crc32 } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/project.js";

const outputDir = join(REPO, "test/output");
mkdirSync(outputDir, { recursive: true });
const work = mkdtempSync(join(outputDir, "code-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CACHE = "claimcheck-cli.v8cache";

function distCopy(name: string, cache: Buffer | undefined): string {
  const dir = join(work, name);
  cpSync(join(REPO, "dist"), dir, { recursive: true });
  rmSync(join(dir, CACHE), { force: true });
  if (cache !== undefined) writeFileSync(join(dir, CACHE), cache);
  return dir;
}

function report(dist: string) {
  const r = spawnSync(
    process.execPath,
    [join(dist, "claimcheck.js"), "report", "--format", "json"],
    {
      cwd: REPO,
      encoding: "utf8",
      env: { ...process.env, CLAIMCHECK_TIMING: "1", NO_COLOR: "1" },
      timeout: 60_000,
    },
  );
  const loadLine = r.stderr.split("\n")[0] ?? "";
  return {
    code: r.status,
    stdout: r.stdout,
    cache: /^load code \(cache (.+?)\)/.exec(loadLine)?.[1],
  };
}

describe("the V8 code cache", () => {
  const built = readFileSync(join(REPO, "dist", CACHE));
  const firstLine = built.subarray(0, built.indexOf(10) + 1);
  const headerLength = built.indexOf(10, firstLine.length) + 1;
  /** A cache file: the build's line, the data's CRC-32, the data. */
  const cacheFile = (build: Buffer, data: Buffer) =>
    Buffer.concat([
      build,
      Buffer.from(`crc32 ${crc32(data).toString(16).padStart(8, "0")}\n`),
      data,
    ]);
  const reference = report(join(REPO, "dist"));

  it("is made by the build, for this bundle, and used", () => {
    expect(firstLine.toString()).toMatch(/^\/\/ claimcheck build [0-9a-f]{16}\n$/);
    const data = built.subarray(headerLength);
    expect(built.subarray(0, headerLength)).toEqual(
      cacheFile(firstLine, data).subarray(0, headerLength),
    );
    expect(
      readFileSync(join(REPO, "dist/claimcheck-cli.cjs")).subarray(0, firstLine.length),
    ).toEqual(firstLine);
    expect(reference.cache).toBe("used");
    expect(reference.code).toBe(1); // the bundled articles conflict
    expect(JSON.parse(reference.stdout).summary.verdicts.conflict).toBeGreaterThan(0);
  });

  // The build saves the bytecode compiled by the end of a warm-up report. A warm-up that ends
  // early (a usage error: two outputs to one file) saves only what parsing the arguments compiled,
  // a third of the size, and a report then compiles the rest from source.
  it("holds the code of a whole report, not only of the argument parsing", () => {
    const dir = distCopy("early-exit", undefined);
    const early = spawnSync(
      process.execPath,
      [join(dir, "claimcheck.js"), "report", "--output", "json=out", "--output", "table=out"],
      { cwd: REPO, encoding: "utf8", env: { ...process.env, CLAIMCHECK_BUILD_CODE_CACHE: "1" } },
    );
    expect(early.status).toBe(2);
    const earlyCache = readFileSync(join(dir, CACHE));
    expect(built.length).toBeGreaterThan(2 * earlyCache.length);
  });

  it("changes nothing when it is missing", () => {
    const r = report(distCopy("missing", undefined));
    expect(r.cache).toBe("none");
    expect([r.code, r.stdout]).toEqual([reference.code, reference.stdout]);
  });

  it("is ignored when it was made for another build", () => {
    const other = cacheFile(
      Buffer.from("// claimcheck build 0000000000000000\n"),
      built.subarray(headerLength),
    );
    const r = report(distCopy("other-build", other));
    expect(r.cache).toBe("none");
    expect([r.code, r.stdout]).toEqual([reference.code, reference.stdout]);
  });

  // V8 does not check a cache's bytes: without the CRC-32 this run ends in a segmentation fault.
  it("is ignored when its bytes are damaged", () => {
    const damaged = Buffer.from(built);
    for (let i = headerLength + 64; i < damaged.length; i += 97)
      damaged.writeUInt8(255 - damaged.readUInt8(i), i);
    const r = report(distCopy("damaged", damaged));
    expect(r.cache).toBe("none");
    expect([r.code, r.stdout]).toEqual([reference.code, reference.stdout]);
  });

  it("is refused by V8, harmlessly, when its data belongs to other code", () => {
    const otherCode = new Script("(function () { return 1; })").createCachedData();
    const r = report(distCopy("other-code", cacheFile(firstLine, otherCode)));
    expect(r.cache).toBe("refused by V8");
    expect([r.code, r.stdout]).toEqual([reference.code, reference.stdout]);
  });

  it("is refused when it is shorter than its first line", () => {
    const r = report(distCopy("truncated", firstLine.subarray(0, 10)));
    expect(r.cache).toBe("none");
    expect([r.code, r.stdout]).toEqual([reference.code, reference.stdout]);
  });
});
