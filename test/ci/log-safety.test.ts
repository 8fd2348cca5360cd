/**
 * A pull request's claims files and articles are written by someone untrusted, and CI prints what
 * claimcheck says about them. Nothing they contain may become a workflow command: not a quote that
 * is not found, not a near-miss diff of an article's text, not a `source:` value, not a file name.
 * Each stream is read the way GitHub's runner reads it (runnerCommands: `::command` at a line
 * start, `##[command]` anywhere, stop-commands honoured), with the exact strings of the review
 * that found the holes, through the real CLI, with and without GITHUB_ACTIONS.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommandNeutraliser, neutraliseCommands, PLAIN } from "../../src/report/escape.js";
import { runnerCommands } from "../formats/helpers.js";
import { header, makeProject } from "../helpers/project.js";
import { runCliAsync, STACK_TRACE } from "../robustness/helpers.js";

const NOT_FOUND = "zz ##[set-output name=pwned;]x ##[add-mask]Azerbaijan";
const SPOOFED_SOURCE = "::error title=Spoofed::forged/../sources/a.txt";
const HOSTILE_NAME = "##[set-output name=file;]x ::warning::y";
/** Article text that a near-miss diff shows: the quote differs from it by one letter. */
const ARTICLE_LINE = "::error::article ##[add-mask]Baku said Ilham Aliyev on Monday.";

let root = "";
beforeAll(() => {
  root = makeProject({
    "sources/a.txt": `Intro.\n${ARTICLE_LINE}\n`,
    [`sources/${HOSTILE_NAME}.txt`]: "Ilham Aliyev\n",
    "claims/quotes.yaml": `${header("sources/a.txt").replace("short_name: Test", "short_name: Quotes")}claims:
  - id: q-not-found
    subject: ilham_aliyev
    property: name
    value: Ilham Aliyev
    evidence: ${JSON.stringify(NOT_FOUND)}
  - id: q-near-miss
    subject: ilham_aliyev
    property: name
    value: Ilham Aliyev
    evidence: ${JSON.stringify("::error::article ##[add-mask]Baku said Ilham Aliyev on Munday.")}
`,
    "claims/spoof.yaml": `${header(SPOOFED_SOURCE).replace("short_name: Test", "short_name: Spoof")}claims: []\n`,
    [`claims/${HOSTILE_NAME}.yaml`]: `${header(`sources/${HOSTILE_NAME}.txt`).replace(
      "short_name: Test",
      "short_name: Named",
    )}claims:
  - id: n-missing
    subject: ilham_aliyev
    property: name
    value: Ilham Aliyev
    evidence: not in the article at all
`,
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const RUNS: [string, string[]][] = [
  ["validate", ["validate"]],
  ["report (table)", ["report"]],
  ["report --keep-going", ["report", "--keep-going"]],
  ["report -f line", ["report", "--keep-going", "-f", "line"]],
  ["report -f github", ["report", "--keep-going", "-f", "github"]],
  ["report -f json", ["report", "--keep-going", "-f", "json"]],
  ["report -f sarif", ["report", "--keep-going", "-f", "sarif"]],
  ["report -f markdown", ["report", "--keep-going", "-f", "markdown"]],
  ["report -f junit", ["report", "--keep-going", "-f", "junit"]],
  ["report -f html", ["report", "--keep-going", "-f", "html"]],
];

/** Commands claimcheck itself may give the runner; everything else would come from the files. */
function expectOnlyOwnCommands(stream: string, where: string): void {
  for (const cmd of runnerCommands(stream)) {
    const own =
      cmd.name === "stop-commands" ||
      /^[0-9a-f]{32}$/.test(cmd.name) ||
      cmd.name === "group" ||
      cmd.name === "endgroup" ||
      (["error", "warning", "notice"].includes(cmd.name) &&
        !cmd.legacy &&
        (cmd.props.file === undefined || /^claims\//.test(cmd.props.file)) &&
        !cmd.props.title?.includes("Spoofed"));
    expect(own, `${where}: the runner would execute ${JSON.stringify(cmd.line)}`).toBe(true);
  }
}

describe.each([
  ["outside GitHub Actions", {}],
  ["under GitHub Actions", { GITHUB_ACTIONS: "true" }],
])("%s", (_label, env) => {
  it.each(RUNS)("%s: the runner executes nothing from the files", async (name, args) => {
    const r = await runCliAsync(["--root", root, ...args], { env, timeoutMs: 20_000 });
    expect(r.timedOut).toBe(false);
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr).not.toContain("internal error");
    expectOnlyOwnCommands(r.stdout, `${name} stdout`);
    expectOnlyOwnCommands(r.stderr, `${name} stderr`);
    // No legacy command anywhere, on either stream (a finding of the file shows `##\u{5b}`).
    for (const line of `${r.stdout}\n${r.stderr}`.split(/\r\n|\r|\n/))
      expect(line, name).not.toMatch(/##[a-z]*\[/i);
  });
});

describe("what the reader sees", () => {
  it("validate names each problem, with the hostile text visible and inert", async () => {
    const r = await runCliAsync(["--root", root, "validate"], { timeoutMs: 20_000 });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("zz ##\\u{5b}set-output name=pwned;]x ##\\u{5b}add-mask]Azerbaijan");
    // The spoofed source is refused where it is written, with the path it should have been.
    expect(r.stdout).toMatch(
      /claims\/spoof\.yaml\n\s+1:9\s+error\s+source: "::error title=Spoofed::forged\/\.\.\/sources\/a\.txt" has a "\.\." part: a source is a plain path under sources\/; write sources\/a\.txt/,
    );
    // The near-miss diff shows the article's own line, inert.
    expect(r.stdout).toContain("article: \\u{3a}:error::article ##\\u{5b}add-mask]Baku said");
  });

  it("under GitHub Actions, plain text on stdout sits in one stop-commands block", async () => {
    const r = await runCliAsync(["--root", root, "validate"], {
      env: { GITHUB_ACTIONS: "true" },
      timeoutMs: 20_000,
    });
    const lines = r.stdout.trimEnd().split("\n");
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0]!)?.[1];
    expect(token, lines[0]).toBeDefined();
    expect(lines.at(-1)).toBe(`::${token}::`);
    expect(lines.filter((l) => l.includes(token!))).toHaveLength(2);
  });

  it("under GitHub Actions, each message on stderr sits in a block of its own", async () => {
    const r = await runCliAsync(["--root", root, "init", `sources/${HOSTILE_NAME}.txt`], {
      env: { GITHUB_ACTIONS: "true" },
      timeoutMs: 20_000,
    });
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0]!)?.[1];
    expect(token).toBeDefined();
    expect(lines.at(-1)).toBe(`::${token}::`);
    expect(r.stderr).toContain("##\\u{5b}set-output name=file;]x ::warning::y");
  });

  it("init shows a file name's escape sequences as text (an OSC 52 clipboard write here)", async () => {
    const name = "osc\u001b]52;c;ZXZpbA==\u0007";
    const project = makeProject({ [`sources/${name}.txt`]: "Ilham Aliyev met Sergey Lebedev.\n" });
    try {
      const r = await runCliAsync(["--root", project, "init", `sources/${name}.txt`], {
        timeoutMs: 20_000,
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("osc\\u{1b}]52;c;ZXZpbA==\\u{7}");
      // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw ESC or BEL may get through
      expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u0007]/);
      const again = await runCliAsync(["--root", project, "init", `sources/${name}.txt`], {
        timeoutMs: 20_000,
      });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain("osc\\u{1b}]52;c;ZXZpbA==\\u{7}");
      // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw ESC or BEL may get through
      expect(again.stderr).not.toMatch(/[\u001b\u0007]/);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it("a redirect to a file gets no block: it is not the log", async () => {
    const { spawnSync } = await import("node:child_process");
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const out = join(mkdtempSync(join(tmpdir(), "claimcheck-redirect-")), "out.txt");
    const { BIN } = await import("../helpers/project.js");
    spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" --root "${root}" validate > "${out}"`], {
      env: { ...process.env, GITHUB_ACTIONS: "true", NO_COLOR: "1" },
    });
    const text = readFileSync(out, "utf8");
    expect(text).toContain("error");
    expect(text).not.toContain("::stop-commands::");
  });
});

describe("the neutraliser", () => {
  const samples = [
    NOT_FOUND,
    SPOOFED_SOURCE,
    `a\n  ${SPOOFED_SOURCE}\r::warning::b\n\u200b::error::c #\u200b#[add-mask]d ##vso[task.x]e`,
    "::",
    "x:\n:",
  ];

  it("gives the same text whole or cut into pieces anywhere", () => {
    for (const text of samples) {
      const whole = neutraliseCommands(text, PLAIN);
      for (let cut = 0; cut <= text.length; cut++) {
        for (let cut2 = cut; cut2 <= text.length; cut2 += 3) {
          const n = new CommandNeutraliser();
          const pieces =
            n.write(text.slice(0, cut)) +
            n.write(text.slice(cut, cut2)) +
            n.write(text.slice(cut2));
          // A lone colon at the end of a piece is escaped at once, since the next piece may
          // bring the second: the streamed text may escape more, never less.
          expect(runnerCommands(pieces), JSON.stringify([text, cut, cut2])).toEqual([]);
          expect(pieces.replace(/\\u\{3a\}/g, ":"), JSON.stringify([text, cut])).toBe(
            whole.replace(/\\u\{3a\}/g, ":"),
          );
        }
      }
    }
  });

  it("leaves text without commands as it is, and is idempotent", () => {
    for (const text of [...samples, "plain: text, with [brackets] and # hashes", "a::b"]) {
      const once = neutraliseCommands(text, PLAIN);
      expect(neutraliseCommands(once, PLAIN)).toBe(once);
      expect(runnerCommands(once)).toEqual([]);
    }
    expect(neutraliseCommands("plain: text, with [brackets] and # hashes", PLAIN)).toBe(
      "plain: text, with [brackets] and # hashes",
    );
    expect(neutraliseCommands("a::b", PLAIN)).toBe("a::b");
  });
});
