/**
 * An article's text cut for marking its evidence spans: spans that overlap, nest, share a start or
 * are empty; offsets in code points (astral characters count once). And the small helpers behind
 * the page: ids from untrusted names, JSON for a script element.
 *
 * The segments are shown here as the page's script turns them into elements (a mark per covered
 * segment, an empty anchor per id that cannot sit on a mark), text escaped as HTML would be.
 */
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/report/escape.js";
import { articleSegments, type Segment } from "../../src/report/formats/html/article.js";
import { html, IdMaker, jsonForScript } from "../../src/report/formats/html/text.js";
import type { ArticleText } from "../../src/report/report-result.js";

function article(text: string, spans: [string, number, number][]): ArticleText {
  return {
    shortName: "A",
    claimsFile: "claims/a.yaml",
    sourcePath: "sources/a.txt",
    text,
    spans: spans.map(([claimId, start, end]) => ({ claimId, start, end, line: 1 })),
  };
}

/** The segments as elements: ids `ev-<claim>`, as the page's script builds them. */
function show(segments: Segment[], claims: string[]): string {
  const id = (i: number) => `ev-${claims[i]}`;
  return segments
    .map((seg) => {
      if (typeof seg === "string") return escapeHtml(seg);
      const [text, covering, owner, anchors] = seg;
      const before = anchors
        .map((a) => `<span id="${id(a)}" data-claims="${id(a)}"></span>`)
        .join("");
      if (covering.length === 0) return before + escapeHtml(text);
      const ownId = owner >= 0 ? ` id="${id(owner)}"` : "";
      return `${before}<mark${ownId} data-claims="${covering.map(id).join(" ")}">${escapeHtml(text)}</mark>`;
    })
    .join("");
}

function render(text: string, spans: [string, number, number][]): string {
  const claims: string[] = [];
  const segments = articleSegments(article(text, spans), (claimId) => {
    const known = claims.indexOf(claimId);
    if (known >= 0) return known;
    claims.push(claimId);
    return claims.length - 1;
  });
  expect(segments.map((seg) => (typeof seg === "string" ? seg : seg[0])).join("")).toBe(text);
  return show(segments, claims);
}

describe("marking evidence spans in an article", () => {
  it.each([
    ["one span", "abcdef", [["x", 1, 3]], 'a<mark id="ev-x" data-claims="ev-x">bc</mark>def'],
    [
      "two apart",
      "abcdef",
      [
        ["x", 0, 1],
        ["y", 4, 6],
      ],
      '<mark id="ev-x" data-claims="ev-x">a</mark>bcd<mark id="ev-y" data-claims="ev-y">ef</mark>',
    ],
    [
      "overlapping",
      "abcdef",
      [
        ["x", 0, 4],
        ["y", 2, 6],
      ],
      '<mark id="ev-x" data-claims="ev-x">ab</mark><mark id="ev-y" data-claims="ev-x ev-y">cd</mark><mark data-claims="ev-y">ef</mark>',
    ],
    [
      "nested",
      "abcdef",
      [
        ["x", 0, 6],
        ["y", 2, 4],
      ],
      '<mark id="ev-x" data-claims="ev-x">ab</mark><mark id="ev-y" data-claims="ev-x ev-y">cd</mark><mark data-claims="ev-x">ef</mark>',
    ],
    [
      "sharing a start: the second gets an anchor",
      "abcdef",
      [
        ["x", 1, 5],
        ["y", 1, 3],
      ],
      'a<span id="ev-y" data-claims="ev-y"></span><mark id="ev-x" data-claims="ev-x ev-y">bc</mark><mark data-claims="ev-x">de</mark>f',
    ],
    [
      "the same span twice",
      "abc",
      [
        ["x", 0, 3],
        ["y", 0, 3],
      ],
      '<span id="ev-y" data-claims="ev-y"></span><mark id="ev-x" data-claims="ev-x ev-y">abc</mark>',
    ],
    ["empty span", "abc", [["x", 1, 1]], 'a<span id="ev-x" data-claims="ev-x"></span>bc'],
    [
      "empty span at the end",
      "abc",
      [["x", 3, 3]],
      'abc<span id="ev-x" data-claims="ev-x"></span>',
    ],
    [
      "out of range, clamped",
      "abc",
      [["x", 2, 99]],
      'ab<mark id="ev-x" data-claims="ev-x">c</mark>',
    ],
    ["no spans", "a<b>", [], "a&lt;b&gt;"],
  ] as [string, string, [string, number, number][], string][])(
    "%s",
    (_name, text, spans, expected) => {
      expect(render(text, spans)).toBe(expected);
    },
  );

  it("counts offsets in code points, so astral characters stay whole", () => {
    // "😀" is one code point and two UTF-16 units; the span [1, 3) is "é𝒳".
    expect(render("😀é𝒳z", [["x", 1, 3]])).toBe('😀<mark id="ev-x" data-claims="ev-x">é𝒳</mark>z');
  });

  it("escapes markup inside and outside the marks", () => {
    const text = "a <script>x</script> \"b\" & 'c'";
    const out = render(text, [["x", 2, 10]]);
    expect(out).toBe(
      'a <mark id="ev-x" data-claims="ev-x">&lt;script&gt;</mark>x&lt;/script&gt; &quot;b&quot; &amp; &#39;c&#39;',
    );
  });

  it("lists every claim covering a segment, and names each claim once", () => {
    const claims: string[] = [];
    const segments = articleSegments(
      article("abcdef", [
        ["x", 0, 4],
        ["y", 2, 6],
        ["x", 0, 4],
      ]),
      (claimId) => {
        claims.push(claimId);
        return claims.length - 1;
      },
    );
    expect(segments).toEqual([
      ["ab", [0, 2], 0, [2]],
      ["cd", [0, 2, 1], 1, []],
      ["ef", [1], -1, []],
    ]);
  });
});

describe("html text helpers", () => {
  it("escapes markup and shows invisible and control characters", () => {
    expect(html(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
    expect(html("a\u202eb\u200bc\u0000d\u001b[31m")).toBe(
      "a\\u{202e}b\\u{200b}c\\u{0}d\\u{1b}[31m",
    );
    expect(html("line\nnext\ttab")).toBe("line\nnext\ttab");
    expect(html(42)).toBe("42");
  });

  it("builds ids only from safe characters, never twice the same, the same for the same key", () => {
    const ids = new IdMaker("ev-");
    expect(ids.id("k1", "a-claim_1")).toBe("ev-a-claim_1");
    expect(ids.id("k2", '"><img src=x>')).toBe("ev-___img_src_x_");
    expect(ids.id("k3", "a claim.1")).toBe("ev-a_claim_1");
    expect(ids.id("k4", "a_claim_1")).toBe("ev-a_claim_1-2");
    expect(ids.id("k5", "")).toBe("ev-x");
    expect(ids.id("k1", "ignored")).toBe("ev-a-claim_1");
    expect(ids.get("k3")).toBe("ev-a_claim_1");
    expect(ids.get("nope")).toBeUndefined();
  });

  it("writes JSON a script element cannot be closed by, which parses back to the same data", () => {
    const data = {
      s: "</script><script>alert(1)</script>",
      c: "<!-- x -->",
      a: "a & b",
      h: "##[set-output name=x]y",
    };
    const json = jsonForScript(data);
    expect(json).not.toMatch(/[<>&]|##\[/);
    expect(JSON.parse(json)).toEqual(data);
  });

  it("shows hidden characters in the data the tooltips read, as the page's text does", () => {
    const json = jsonForScript({ l: "a\u2028b\u2029c", bidi: "x\u202ey", c1: "\u009b31m" });
    expect(json).not.toMatch(/[\u2028\u2029\u202e\u009b]/);
    expect(JSON.parse(json)).toEqual({
      l: "a\\u{2028}b\\u{2029}c",
      bidi: "x\\u{202e}y",
      c1: "\\u{9b}31m",
    });
  });
});
