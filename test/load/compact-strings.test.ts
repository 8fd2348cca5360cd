import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compactStrings, holdsWideCharacters } from "../../src/load/compact-strings.js";
import { bundleForNode } from "../helpers/bundle.js";
import { REPO } from "../helpers/project.js";

describe("compactStrings", () => {
  it("keeps every value, in nested arrays and objects", () => {
    const wide = "Aliy\u0430 Alimov";
    const text = `${wide} (person 32) \u{1F600} caf\u00e9`;
    const data = {
      a: text.slice(0, 5),
      nested: { list: [text.slice(13, 28), 7, null, true, [text.slice(29)]] },
      wide,
      emoji: text.slice(27, 29),
      empty: "",
    };
    const expected = structuredClone(data);
    expect(compactStrings(data)).toBe(data);
    expect(data).toEqual(expected);
  });

  it("keeps an own __proto__ key as data, and the prototype as it was", () => {
    const data = JSON.parse('{"__proto__": "x\u0430", "b": {"__proto__": "plain"}}') as Record<
      string,
      unknown
    >;
    compactStrings(data);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(data, "__proto__")?.value).toBe("x\u0430");
    const inner = data.b as Record<string, unknown>;
    expect(Object.getPrototypeOf(inner)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(inner, "__proto__")?.value).toBe("plain");
  });

  it("walks a shared or cyclic node once", () => {
    const shared: Record<string, unknown> = { name: "\u0430b".slice(1) };
    shared.self = shared;
    const data = { first: shared, second: [shared, shared] };
    expect(() => compactStrings(data)).not.toThrow();
    expect(data.second[0]).toBe(shared);
    expect(shared.name).toBe("b");
  });

  it("tells which texts hold characters above U+00FF", () => {
    expect(holdsWideCharacters("caf\u00e9 \u00ff plain")).toBe(false);
    expect(holdsWideCharacters("Aliy\u0430")).toBe(true);
    expect(holdsWideCharacters("smile \u{1F600}")).toBe(true);
    expect(holdsWideCharacters("")).toBe(false);
  });
});

describe("how V8 stores the strings (a child process that can ask it)", () => {
  const work = mkdtempSync(join(tmpdir(), "claimcheck-strings-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("makes one-byte copies of strings read from a file with wide characters", async () => {
    const script = join(work, "child.mjs");
    await bundleForNode(join(REPO, "test/load/string-representation-child.ts"), script);
    const out = execFileSync(process.execPath, ["--expose-externalize-string", script], {
      encoding: "utf8",
    });
    expect(JSON.parse(out)).toEqual({
      // The slice of a two-byte text is two-byte: what the change is for.
      sliceBefore: false,
      sliceAfter: true,
      inArray: true,
      wideKept: true,
      parsed: { shortName: true, id: true, evidence: true, wideValue: false },
    });
  });
});
