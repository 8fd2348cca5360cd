import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RealPaths } from "../../src/load/real-paths.js";
import { readSourceText } from "../../src/load/source-texts.js";

/** A repository and a place outside it, with links of every kind between and within them. */
function layout(): { root: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), "claimcheck-real-"));
  const root = join(base, "repo");
  const outside = join(base, "elsewhere");
  mkdirSync(join(root, "sources/nested"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, "sources/a.txt"), "inside");
  writeFileSync(join(root, "sources/nested/b.txt"), "nested");
  writeFileSync(join(outside, "secret.txt"), "outside");
  symlinkSync(outside, join(root, "sources/away")); // a directory that leads out
  symlinkSync("nested", join(root, "sources/alias")); // a directory that stays in
  symlinkSync(join(outside, "secret.txt"), join(root, "sources/leak.txt"));
  symlinkSync("a.txt", join(root, "sources/same.txt"));
  symlinkSync("loop.txt", join(root, "sources/loop.txt"));
  symlinkSync("gone.txt", join(root, "sources/dangling.txt"));
  symlinkSync("../sources/alias", join(root, "sources/nested/up")); // a link through a link
  return { root, outside };
}

const PATHS = [
  "sources/a.txt",
  "sources/nested/b.txt",
  "sources/away/secret.txt",
  "sources/alias/b.txt",
  "sources/leak.txt",
  "sources/same.txt",
  "sources/loop.txt",
  "sources/dangling.txt",
  "sources/missing.txt",
  "sources/a.txt/not-a-dir.txt",
  "sources/nested/up/b.txt",
  "sources/away/missing.txt",
];

const resolved = (resolve: () => string): string => {
  try {
    return resolve();
  } catch (error) {
    return `error ${(error as NodeJS.ErrnoException).code}`;
  }
};

describe("RealPaths: real paths with each directory resolved once", () => {
  it("gives what realpath gives, or fails where it fails, for every kind of link", () => {
    const { root } = layout();
    const paths = new RealPaths();
    // Twice over, so that the second round is served from directories resolved in the first.
    for (let round = 0; round < 2; round++)
      for (const path of PATHS) {
        const full = join(root, path);
        const expected = resolved(() => realpathSync.native(full));
        expect(resolved(() => paths.of(full)).startsWith("error"), path).toBe(
          expected.startsWith("error"),
        );
        if (!expected.startsWith("error")) expect(paths.of(full), path).toBe(expected);
      }
  });

  it("refuses an article inside a linked directory that leads out of the repository", () => {
    const { root } = layout();
    const realRoot = realpathSync.native(root);
    const paths = new RealPaths();
    expect(readSourceText(root, realRoot, "sources/alias/b.txt", undefined, paths)).toEqual({
      ok: true,
      text: "nested",
    });
    expect(
      readSourceText(root, realRoot, "sources/away/secret.txt", undefined, paths),
    ).toMatchObject({ ok: false, ruleId: "source-path" });
    expect(readSourceText(root, realRoot, "sources/leak.txt", undefined, paths)).toMatchObject({
      ok: false,
      ruleId: "source-path",
    });
  });

  it("refuses a link that stays in the repository but leads out of sources/", () => {
    const { root } = layout();
    mkdirSync(join(root, ".git"));
    writeFileSync(join(root, ".git/config"), "token");
    writeFileSync(join(root, "README.md"), "readme");
    mkdirSync(join(root, "sources/.hidden"));
    writeFileSync(join(root, "sources/.hidden/c.txt"), "hidden");
    symlinkSync("../.git/config", join(root, "sources/config.txt"));
    symlinkSync("../README.md", join(root, "sources/readme.txt"));
    symlinkSync(".hidden/c.txt", join(root, "sources/c.txt"));
    const realRoot = realpathSync.native(root);
    for (const [path, shown] of [
      ["sources/config.txt", "sources/config.txt is a link that leads out of sources/"],
      ["sources/readme.txt", "sources/readme.txt is a link that leads out of sources/"],
      ["sources/c.txt", "sources/c.txt is a link that leads out of sources/"],
    ] as const) {
      expect(readSourceText(root, realRoot, path)).toEqual({
        ok: false,
        ruleId: "source-path",
        message: shown,
      });
    }
  });
});
