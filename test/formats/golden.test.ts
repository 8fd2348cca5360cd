/**
 * Each CI format on the bundled articles against a golden file in test/golden/. A mismatch fails;
 * after a deliberate change to a format (or to the bundled claims), look at the diff and update:
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/formats
 *
 * The stop-commands token and the version are fixed in the test context, so the files are stable.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FormatName } from "../../src/report/formats/index.js";
import { REPO } from "../helpers/project.js";
import { bundledReport, render } from "./helpers.js";

const GOLDEN: Record<string, string> = {
  github: "bundled.github.txt",
  markdown: "bundled.md",
  sarif: "bundled.sarif",
  junit: "bundled.junit.xml",
  line: "bundled.line.txt",
};

const UPDATE = process.env.UPDATE_GOLDEN === "1";

describe("golden files for the bundled articles", { timeout: 30_000 }, () => {
  for (const [format, file] of Object.entries(GOLDEN)) {
    it(`${format} matches test/golden/${file}`, async () => {
      const actual = await render(format as FormatName, await bundledReport());
      const path = join(REPO, "test/golden", file);
      if (UPDATE) {
        writeFileSync(path, actual);
        return;
      }
      const how = `test/golden/${file} differs from the ${format} output. If the change is intended, review it and run: UPDATE_GOLDEN=1 npx vitest run test/formats`;
      expect(existsSync(path), `missing ${path}. ${how}`).toBe(true);
      expect(actual, how).toBe(readFileSync(path, "utf8"));
    });
  }
});
