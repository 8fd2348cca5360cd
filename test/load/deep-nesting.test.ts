/**
 * A document that nests deeper than the parser's stack allows is refused with one finding whose
 * place depends on the text alone: not on how much stack the caller left, which differs between
 * the main thread and a worker, between callers, and between Node versions.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { carefulParse, deepestPoint, parseYamlFile } from "../../src/load/yaml-file.js";
import { REPO } from "../helpers/project.js";

const fixture = (name: string) =>
  readFileSync(join(REPO, "test/fixtures/bad-inputs", name, "claims/a.yaml"), "utf8");

/** Calls `work` with about `frames` more frames on the stack. */
function withStackUsed<T>(frames: number, work: () => T): T {
  return frames === 0 ? work() : withStackUsed(frames - 1, work);
}

describe("nesting too deep to parse", () => {
  for (const name of ["yaml-deep-flow-nesting", "yaml-deep-block-nesting"]) {
    it(`${name}: one finding, at the same place whatever stack is left`, () => {
      const text = fixture(name);
      const results = [0, 300, 1500, 3000].map((frames) =>
        withStackUsed(frames, () => parseYamlFile("claims/a.yaml", text)),
      );
      for (const result of results) {
        expect(result.failed).toBe(true);
        expect(result.findings).toHaveLength(1);
        expect(result.findings[0]?.message).toMatch(/nests too deeply/);
        expect(result.findings).toEqual(results[0]?.findings);
      }
    });
  }

  it("places the finding where the document is deepest", () => {
    const text = fixture("yaml-deep-flow-nesting");
    const result = carefulParse("claims/a.yaml", text);
    const offset = deepestPoint(text);
    expect(text[offset]).toBe("[");
    expect(
      text
        .slice(offset + 1)
        .replace(/\s/g, "")
        .startsWith("]"),
    ).toBe(true);
    expect(result.findings[0]?.location.line).toBe(text.slice(0, offset).split("\n").length);
  });

  it("finds the deepest point of block sequences opened on one line", () => {
    const text = "a:\n  - b\n  - - - - x\n  - c\n";
    expect(deepestPoint(text)).toBe(text.indexOf("- x"));
  });
});
