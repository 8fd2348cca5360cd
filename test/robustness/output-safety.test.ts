/**
 * Output safety: text from claims files and articles is untrusted. One test per sink with hostile
 * strings, through the real CLI where the sink is a format (terminal table and validate output,
 * GitHub workflow commands, Markdown, JUnit XML, HTML, SARIF/JSON, line), and property tests on
 * the escape functions themselves (src/report/escape.ts).
 */
import { rmSync } from "node:fs";
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  escapeHtml,
  escapeMarkdownCell,
  escapeTerminal,
  escapeWorkflowData,
  escapeWorkflowProperty,
  escapeXml,
  escapeXmlAttribute,
  visibleControls,
} from "../../src/report/escape.js";
import { header, makeProject } from "../helpers/project.js";
import { ESCAPE_RUNS } from "./figures.js";
import { runCliAsync, type SpawnResult, STACK_TRACE } from "./helpers.js";

// ---------------------------------------------------------------------------------------------
// Hostile strings

const TERMINAL = {
  clearScreen: "\u001b[2J",
  setTitle: "\u001b]0;pwned\u0007",
  hyperlink: "\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007",
  c1Csi: "\u009b31m",
  backspaces: "ok\b\b\bno",
  carriageReturn: "shown\rhidden",
  rightToLeft: "\u202eevil\u202c",
  arabicLetterMark: "a\u061cb",
  zeroWidth: "zero\u200bwidth",
  // Characters that render as nothing: tags, soft hyphen, Mongolian vowel separator, deprecated
  // format characters, interlinear annotation, the Hangul filler, line and paragraph separators.
  invisible: "in\u{e0041}\u{e007f}\u00ad\u180e\u206a\u206f\ufff9\ufffb\u3164\u2028\u2029visible",
};
const WORKFLOW = {
  newlineCommand: "\n::set-output name=pwned::1",
  encodedNewline: "%0A::add-mask::secret",
  legacy: "##[set-output name=pwned;]1",
  stopCommands: "::stop-commands::x",
};
const MARKUP = {
  script: "<script>alert(1)</script>",
  image: '<img src=x onerror="alert(1)">',
  cdataEnd: "]]>",
  entity: "&amp;&lt;",
  attributeBreak: "\"' onmouseover='alert(1)",
  markdown: "| cell | `code` [link](javascript:alert(1)) **bold** # heading",
};
const ALL = { ...TERMINAL, ...WORKFLOW, ...MARKUP };

/** A YAML double-quoted scalar of any string. */
const q = (s: string) => JSON.stringify(s);

const NAMES = [
  `Ilham ${TERMINAL.clearScreen}${TERMINAL.setTitle}${TERMINAL.c1Csi} Aliyev ${MARKUP.script} ${WORKFLOW.newlineCommand}`,
  `Ilham ${TERMINAL.rightToLeft}${TERMINAL.arabicLetterMark} Aliyev ${MARKUP.image} ${WORKFLOW.legacy} ${TERMINAL.hyperlink}`,
];
const TITLE = `Title ${Object.values(ALL).join(" ")}`;

/**
 * Two articles naming one person with two hostile names (a conflict, so the names show in every
 * format with diffs and highlights); a claims file whose claims quote each hostile string, none
 * of them in its article (one finding per string, each message showing it); and a claims file
 * with a hostile unknown key. The last two make the report partial.
 */
function hostileProject(): string {
  const files: Record<string, string> = {};
  NAMES.forEach((name, i) => {
    files[`sources/${i}.txt`] = `President ${name} said.\n`;
    files[`claims/${i}.yaml`] = `${header(`sources/${i}.txt`)
      .replace("short_name: Test", `short_name: S${i}`)
      .replace(
        "title: A test article",
        `title: ${q(TITLE)}`,
      )}claims:\n  - id: s${i}-name\n    subject: ilham_aliyev\n    property: name\n    value: ${q(name)}\n    evidence: ${q(name)}\n`;
  });
  files["sources/quotes.txt"] = "Nothing here.\n";
  files["claims/quotes.yaml"] = `${header("sources/quotes.txt").replace(
    "short_name: Test",
    "short_name: Quotes",
  )}claims:\n${Object.values(ALL)
    .map(
      (payload, i) =>
        `  - id: quote-${i}\n    subject: ilham_aliyev\n    property: name\n    value: Ilham Aliyev\n    evidence: ${q(`not there ${payload}`)}\n`,
    )
    .join("")}`;
  files["sources/key.txt"] = "Ilham Aliyev\n";
  files["claims/key.yaml"] = `${header("sources/key.txt").replace(
    "short_name: Test",
    "short_name: Key",
  )}claims:\n  - id: key-1\n    subject: ilham_aliyev\n    property: name\n    value: Ilham Aliyev\n    evidence: Ilham Aliyev\n    ${q(`key${TERMINAL.clearScreen}${MARKUP.script}${WORKFLOW.newlineCommand}`)}: x\n`;
  const root = makeProject(files);
  made.push(root);
  return root;
}

const made: string[] = [];
let root = "";
beforeAll(() => {
  root = hostileProject();
});
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<SpawnResult> {
  const result = await runCliAsync(["--root", root, ...args], { env, timeoutMs: 20_000 });
  expect(result.timedOut).toBe(false);
  expect(result.stdout + result.stderr).not.toMatch(STACK_TRACE);
  expect(result.stderr).not.toContain("internal error");
  return result;
}

// ---------------------------------------------------------------------------------------------
// The terminal

/** Characters a terminal would act on, or that hide or reorder text. */
const TERMINAL_UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/u;

function expectTerminalSafe(text: string, options: { colour?: boolean } = {}): void {
  // With colour, the only escape sequences are SGR colour codes that claimcheck writes itself.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing colour codes
  const plain = options.colour ? text.replace(/\u001b\[[0-9;]*m/g, "") : text;
  const bad = TERMINAL_UNSAFE.exec(plain);
  expect(
    bad,
    bad
      ? `U+${bad[0].codePointAt(0)?.toString(16)} at ${bad.index}: ${JSON.stringify(plain.slice(Math.max(0, bad.index - 40), bad.index + 40))}`
      : "",
  ).toBeNull();
}

describe("terminal", () => {
  it("validate: control characters and escape sequences are shown, not sent", async () => {
    const r = await run(["validate"]);
    expect(r.code).toBe(2);
    expectTerminalSafe(r.stdout);
    // Shown as escapes (\u{…}, or JSON's \u00…/\b inside a quoted quote), never as the characters.
    expect(r.stdout).toMatch(/\\u(\{1b\}|001b)\[2J/);
    expect(r.stdout).toMatch(/\\u(\{1b\}|001b)\]0;pwned\\u(\{7\}|0007)/);
    expect(r.stdout).toContain("\\u{9b}31m");
    expect(r.stdout).toContain("\\u{202e}evil\\u{202c}");
    expect(r.stdout).toContain("a\\u{61c}b");
    expect(r.stdout).toContain("zero\\u{200b}width");
    // (Grounding reads the line and paragraph separators as spaces, so the quote shows them so.)
    expect(r.stdout).toContain(
      "in\\u{e0041}\\u{e007f}\\u{ad}\\u{180e}\\u{206a}\\u{206f}\\u{fff9}\\u{fffb}\\u{3164} visible",
    );
    expect(r.stdout).toMatch(/ok(\\b|\\u\{8\}){3}no/);
    // The hostile key is one finding line, whatever newlines it holds.
    expect(r.stdout).toMatch(
      /unknown key "key\\u\{1b\}\[2J<script>alert\(1\)<\/script>\\n::set-output/,
    );
  });

  it("the report table, without colour", async () => {
    const r = await run(["report", "--keep-going"]);
    expect(r.stdout).toContain("✗ conflict");
    expectTerminalSafe(r.stdout);
    expect(r.stdout).toContain("\\u{1b}[2J");
  });

  it("the report table, with colour forced: only claimcheck's own colour codes", async () => {
    const r = await run(["report", "--keep-going"], { NO_COLOR: undefined, FORCE_COLOR: "1" });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are expected here
    expect(r.stdout).toMatch(/\u001b\[[0-9;]*m/);
    expectTerminalSafe(r.stdout, { colour: true });
  });

  it("the line format", async () => {
    const r = await run(["report", "--keep-going", "-f", "line"]);
    expectTerminalSafe(r.stdout);
    // One finding per line: the hostile newline did not start a line of its own.
    expect(r.stdout.split("\n").some((l) => l.startsWith("::set-output"))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// GitHub workflow commands

describe("GitHub workflow commands", () => {
  it("nothing from the files becomes a command: annotations are escaped, the rest is inside stop-commands", async () => {
    const r = await run(["report", "--keep-going", "-f", "github"]);
    expect(r.stdout).toContain("::error ");
    const lines = r.stdout.split("\n");
    const start = lines.findIndex((l) => l.startsWith("::stop-commands::"));
    expect(start).toBeGreaterThan(0);
    const token = lines[start]!.slice("::stop-commands::".length);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const end = lines.indexOf(`::${token}::`);
    expect(end).toBeGreaterThan(start);
    // The token is random and appears nowhere else, so nothing inside can end the block early.
    expect(lines.filter((l) => l.includes(token))).toHaveLength(2);

    const outside = [...lines.slice(0, start), ...lines.slice(end + 1)].filter((l) => l !== "");
    for (const line of outside) {
      // The runner trims leading whitespace, so what it sees is this.
      const seen = line.trimStart();
      const known =
        /^::(error|warning|notice)( [a-zA-Z]+=[^,:]*(,[a-zA-Z]+=[^,:]*)*)?::/.test(seen) ||
        seen === "::group::claimcheck report" ||
        seen === "::endgroup::";
      expect(known, `a command line claimcheck did not write: ${line}`).toBe(true);
      expect(line).not.toContain("\r");
      // A legacy command is read anywhere in a line that is not a ::command.
      if (!seen.startsWith("::")) expect(line).not.toContain("##[");
    }
    // Messages decode back to the (visible) hostile text: %0A is a line break inside one annotation.
    const messages = outside
      .filter((l) => l.startsWith("::error"))
      .map((l) =>
        l
          .replace(/^::[^:]*::/, "")
          .replace(/%0D/g, "\r")
          .replace(/%0A/g, "\n")
          .replace(/%25/g, "%"),
      )
      .join("\n");
    expect(messages).toContain("%0A::add-mask::secret");
    expect(messages).toContain("\n\\u{3a}:set-output name=pwned::1");
    expect(messages).toContain("\\u{1b}[2J");
  });
});

// ---------------------------------------------------------------------------------------------
// Markdown, XML, HTML, JSON

describe("Markdown", () => {
  it("no raw HTML, links or table breaks from the files", async () => {
    const r = await run(["report", "--keep-going", "-f", "markdown"]);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stdout).not.toContain("<script");
    expect(r.stdout).not.toContain("<img");
    expect(r.stdout).not.toContain("](javascript:");
    expectTerminalSafe(r.stdout.replace(/\t/g, " "));
    // Every table row has as many cells as its table's header.
    let columns = 0;
    for (const line of r.stdout.split("\n")) {
      if (!line.startsWith("|")) {
        columns = 0;
        continue;
      }
      const cells = line.split(/(?<!\\)\|/).length;
      if (columns === 0) columns = cells;
      expect(cells, line).toBe(columns);
    }
  });
});

describe("JUnit XML", () => {
  it("is well-formed, and the hostile text is text, not markup", async () => {
    const r = await run(["report", "--keep-going", "-f", "junit"]);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(r.stdout);
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(/"script"\s*:/);
    expect(json).not.toMatch(/"img"\s*:/);
    expect(json).toContain("<script>alert(1)</script>");
    expect(r.stdout).not.toContain("<script>");
  });
});

describe("HTML", () => {
  it("hidden characters are shown on the page and in the data its tooltips read", async () => {
    const r = await run(["report", "--keep-going", "-f", "html"]);
    const data = /<script type="application\/json" id="claimcheck-data">(.*?)<\/script>/s.exec(
      r.stdout,
    );
    expect(data).not.toBeNull();
    const strings: string[] = [];
    JSON.parse(data![1]!, (_key, value) => {
      if (typeof value === "string") strings.push(value);
      return value;
    });
    expect(strings.some((t) => t.includes("\\u{202e}evil"))).toBe(true);
    // The page's script draws these strings as element text, where a line break, a carriage
    // return or a tab is only white space: as in the markup below, they may stay.
    for (const t of strings) expectTerminalSafe(t.replace(/[\n\r\t]/g, " "));
    // The page's own text: every hidden character from the files shows as \u{…}.
    const body = r.stdout.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, "");
    expectTerminalSafe(body.replace(/[\n\r\t]/g, " "));
  });

  it("the files' text is escaped: no element or attribute of theirs", async () => {
    const r = await run(["report", "--keep-going", "-f", "html"]);
    expect(r.stdout).toContain("<!DOCTYPE html>");
    expect(r.stdout).not.toContain("<script>alert(1)");
    expect(r.stdout).not.toContain("<img src=x");
    // The files' text travels as data in JSON elements, which no string can close: no `<` in
    // them. The markup around them holds none of it, and the data holds all of it, intact.
    const elements = [
      ...r.stdout.matchAll(/<script type="application\/json" id="[^"]+">([\s\S]*?)<\/script>/g),
    ].map((m) => m[1]!);
    expect(elements.length).toBeGreaterThan(0);
    for (const text of elements) expect(text).not.toContain("<");
    const markup = r.stdout.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, "$1</script>");
    expect(markup).not.toContain("onmouseover='alert(1)");
    expect(markup).not.toContain("alert(1)");
    const strings: string[] = [];
    for (const text of elements)
      JSON.parse(text, (_key, value) => {
        if (typeof value === "string") strings.push(value);
        return value;
      });
    for (const hostile of [MARKUP.script, MARKUP.image, MARKUP.attributeBreak])
      expect(strings.some((t) => t.includes(hostile))).toBe(true);
  });
});

describe("JSON and SARIF", () => {
  it("parse, and keep the hostile text exactly", async () => {
    const json = await run(["report", "--keep-going", "-f", "json"]);
    const report = JSON.parse(json.stdout) as { sources: { title: string }[] };
    expect(report.sources.some((s) => s.title === TITLE)).toBe(true);
    const sarif = await run(["report", "--keep-going", "-f", "sarif"]);
    expect(() => JSON.parse(sarif.stdout)).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// The escape functions, on any string

const anyString = fc.oneof(
  fc.string({ unit: "binary" }),
  fc
    .array(fc.constantFrom(...Object.values(ALL), "%", "\r", "\n", ":", ",", "&", "<", ">", "x"))
    .map((a) => a.join("")),
);

describe("escape functions", () => {
  it("escapeTerminal leaves nothing a terminal would act on", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(TERMINAL_UNSAFE.test(escapeTerminal(s).replace(/\n/g, " "))).toBe(false);
        expect(escapeTerminal(s)).not.toContain("\n");
      }),
      { numRuns: ESCAPE_RUNS },
    );
  });

  it("visibleControls keeps line breaks and tabs and nothing else of the kind", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(TERMINAL_UNSAFE.test(visibleControls(s).replace(/[\n\t]/g, " "))).toBe(false);
      }),
      { numRuns: ESCAPE_RUNS },
    );
  });

  /** What the runner does with an escaped value (actions/runner ActionCommand.cs). */
  const unescapeData = (s: string) =>
    s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
  const unescapeProperty = (s: string) =>
    s
      .replace(/%0D/g, "\r")
      .replace(/%0A/g, "\n")
      .replace(/%3A/g, ":")
      .replace(/%2C/g, ",")
      .replace(/%25/g, "%");

  it("escapeWorkflowData: one line, and the runner reads back exactly the text", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const e = escapeWorkflowData(s);
        expect(e).not.toMatch(/[\r\n]/);
        expect(unescapeData(e)).toBe(s);
      }),
      { numRuns: ESCAPE_RUNS },
    );
  });

  it("escapeWorkflowProperty: no line break, comma or colon, and it reads back exactly", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const e = escapeWorkflowProperty(s);
        expect(e).not.toMatch(/[\r\n,:]/);
        expect(unescapeProperty(e)).toBe(s);
      }),
      { numRuns: ESCAPE_RUNS },
    );
  });

  it("escapeHtml: no markup characters, and entities decode back to the text", () => {
    const decode = (s: string) =>
      s
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&#58;/g, ":")
        .replace(/&#91;/g, "[")
        .replace(/&amp;/g, "&");
    fc.assert(
      fc.property(anyString, (s) => {
        const e = escapeHtml(s);
        expect(e).not.toMatch(/[<>"']/);
        expect(e.replace(/&(amp|lt|gt|quot|#39|#58|#91);/g, "")).not.toContain("&");
        expect(decode(e)).toBe(s);
      }),
      { numRuns: ESCAPE_RUNS },
    );
  });

  it("escapeXml and escapeXmlAttribute: always well-formed XML", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const xml = `<a b="${escapeXmlAttribute(s)}">${escapeXml(s)}</a>`;
        expect(XMLValidator.validate(xml)).toBe(true);
      }),
      { numRuns: ESCAPE_RUNS },
    );
  });

  it("escapeMarkdownCell: one line, no raw HTML, no unescaped pipe or backtick", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const e = escapeMarkdownCell(s);
        expect(e).not.toMatch(/[\r\n<>]/);
        expect(e).not.toMatch(/(?<!\\)[|`]/);
        // A tab is harmless in a cell; nothing else of the kind gets through.
        expect(TERMINAL_UNSAFE.test(e.replace(/\t/g, " "))).toBe(false);
      }),
      { numRuns: ESCAPE_RUNS },
    );
  });
});
