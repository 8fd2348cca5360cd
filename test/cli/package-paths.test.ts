/**
 * What package.json promises exists once the project is built (the test script builds first):
 * an installed package whose command or entry point names a missing file fails only for its users.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/project.js";

const manifest = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as {
  bin?: Record<string, string>;
  main?: string;
  exports?: unknown;
  types?: string;
  files?: string[];
};

describe("package.json", () => {
  it("names only files that the build makes or the repository holds", () => {
    const leaves = (value: unknown): string[] =>
      typeof value === "string"
        ? [value]
        : typeof value === "object" && value !== null
          ? Object.values(value).flatMap(leaves)
          : [];
    const named = [
      ...Object.values(manifest.bin ?? {}),
      ...leaves(manifest.exports),
      ...(manifest.main === undefined ? [] : [manifest.main]),
      ...(manifest.types === undefined ? [] : [manifest.types]),
      ...(manifest.files ?? []),
    ];
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((path) => !existsSync(join(REPO, path)))).toEqual([]);
  });
});
