import Table from "cli-table3";
import fc from "fast-check";
import pc from "picocolors";
import stringWidth from "string-width";
import { beforeAll, describe, expect, it } from "vitest";
import {
  displayWidth,
  type GridCell,
  loadWideWidths,
  NARROW_TEXT,
  renderGrid,
  wrapCell,
  wrapCellByWords,
} from "../../src/report/formats/text-grid.js";

const cell = (...lines: string[]): GridCell => lines.map((text) => [{ text }]);
const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, "g");
const count = (line: string, code: string): number => line.split(`${ESC}[${code}m`).length - 1;

beforeAll(loadWideWidths);

describe("the terminal grid", () => {
  it("draws the same table as cli-table3 for plain word-wrapped text", () => {
    // Words narrower than the column, single spaces, no empty lines: where both must agree exactly.
    const word = fc.stringMatching(/^[A-Za-z0-9,.()"-]{1,12}$/);
    const text = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(" "));
    const cellText = fc.array(text, { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cellText, cellText), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 12, max: 40 }),
        (rows, width) => {
          const theirs = new Table({
            head: ["A", "B"],
            colWidths: [width + 2, 14 + 2],
            wordWrap: true,
            wrapOnWordBoundary: true,
            style: { head: [], border: [] },
          });
          for (const [a, b] of rows) theirs.push([a.join("\n"), b.join("\n")]);
          const ours = renderGrid(
            rows.map(([a, b]) => [cell(...a), cell(...b)]),
            { head: ["A", "B"], widths: [width, 14] },
          );
          expect(ours).toBe(theirs.toString());
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it("sizes columns to their widest line like cli-table3 when no widths are given", () => {
    const text = fc.stringMatching(/^[A-Za-z0-9 %.—-]{0,20}$/).map((t) => t.trim());
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, text), { maxLength: 8 }), (rows) => {
        const theirs = new Table({ head: ["Source", "Rate", ""], style: { head: [], border: [] } });
        for (const row of rows) theirs.push([...row]);
        const ours = renderGrid(
          rows.map((row) => row.map((t) => cell(t))),
          { head: ["Source", "Rate", ""] },
        );
        expect(ours).toBe(theirs.toString());
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it("prints a line that fits as it is the same as wrapping it word by word", () => {
    const c = pc.createColors(true);
    const styles = [undefined, c.dim, c.red];
    const piece = fc.record({
      text: fc.stringMatching(/^[ a-zé—·.,]{0,8}$/),
      style: fc.constantFrom(...styles),
    });
    // One style for the whole line (the shortcut's case) or several (wrapped word by word).
    const line = fc.oneof(
      fc
        .tuple(fc.array(fc.stringMatching(/^[ a-z—]{0,8}$/)), fc.constantFrom(...styles))
        .map(([texts, style]) => texts.map((text) => ({ text, style }))),
      fc.array(piece, { maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 3 }), fc.integer({ min: 1, max: 30 }), (cell, w) => {
        expect(wrapCell(cell, w)).toEqual(wrapCellByWords(cell, w));
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it("measures wide characters and never cuts a grapheme", () => {
    const lines = wrapCell(cell("東京都 選挙管理委員会 👍🏽👍🏽👍🏽 done"), 7);
    for (const line of lines) expect(stringWidth(line.text)).toBe(line.width);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(7);
    expect(lines.map((l) => l.text).join("")).toBe("東京都選挙管理委員会👍🏽👍🏽👍🏽done");
    // The skin-tone modifier stays with its thumb.
    expect(lines.some((l) => l.text.includes("👍🏽"))).toBe(true);
    expect(lines.every((l) => !/^\u{1F3FD}/u.test(l.text))).toBe(true);
  });

  it("cuts a word wider than the column into pieces that fit", () => {
    const lines = wrapCell(cell(`x ${"a".repeat(25)} y`), 10);
    expect(lines.map((l) => l.text)).toEqual(["x", "aaaaaaaaaa", "aaaaaaaaaa", "aaaaa y"]);
  });

  it("pads every printed line to the same display width, with wide text and colour", () => {
    const c = pc.createColors(true);
    const grid = renderGrid(
      [
        [
          [[{ text: "Ильхам Алиев" }], [{ text: "имя", style: c.dim }]],
          [
            [
              { text: "選挙", style: c.red },
              { text: " 2024-02-07 — " },
              { text: "Trend", style: c.dim },
            ],
          ],
        ],
        [cell(""), cell()],
      ],
      { head: ["Fact", "Values"], widths: [8, 11], headStyle: c.bold, borderStyle: c.gray },
    );
    const widths = grid.split("\n").map((l) => stringWidth(l.replace(ANSI, "")));
    expect(new Set(widths)).toEqual(new Set([8 + 11 + 7]));
  });

  it("closes every style on the line that opens it, so no colour runs into a border", () => {
    const c = pc.createColors(true);
    const grid = renderGrid(
      [[[[{ text: "a long dimmed phrase that wraps over several lines", style: c.dim }]]]],
      { head: ["H"], widths: [10], borderStyle: c.gray },
    );
    for (const line of grid.split("\n")) {
      expect(count(line, "2")).toBe(count(line, "22"));
    }
    // One run per line: the spaces between words of one style are styled too.
    expect(grid).toContain("\u001b[2ma long\u001b[22m");
  });

  it("keeps an empty line of a cell as a blank printed line", () => {
    expect(wrapCell(cell("a", "", "b"), 5).map((l) => l.text)).toEqual(["a", "", "b"]);
  });
});

describe("display width", () => {
  it("agrees with string-width on every character its fast path takes", () => {
    const disagree: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if (NARROW_TEXT.test(ch) && displayWidth(ch) !== stringWidth(ch)) disagree.push(ch);
    }
    expect(disagree).toEqual([]);
    // Outside the fast path, string-width decides.
    expect(displayWidth("選挙")).toBe(4);
    expect(displayWidth("e\u0301")).toBe(1);
  });
});
