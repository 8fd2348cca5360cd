/**
 * The report shows everything and invents nothing (issue 19), through the real CLI: every claims
 * file is its own source, a source that contradicts itself shows in every format, a tie is a tie
 * on every side whatever the files are called, each source keeps its own wording, filters that
 * name nothing are refused, and messages say each thing once.
 */
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { header, makeProject, REPO, runCli, seedProject } from "../helpers/project.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

interface Article {
  file: string;
  outlet?: string;
  shortName?: string | undefined;
  published?: string;
  text: string;
  claims: { id: string; subject: string; property: string; value: string | number }[];
}

/** A project of articles; each claim quotes its value's sentence, found in the article. */
function project(articles: Article[]): string {
  const files: Record<string, string> = {};
  for (const a of articles) {
    files[`sources/${a.file}.txt`] = a.text;
    let head = header(`sources/${a.file}.txt`)
      .replace("outlet: Test Outlet", `outlet: ${a.outlet ?? "Test Outlet"}`)
      .replace("published: 2024-02-06", `published: ${a.published ?? "2024-02-06"}`);
    head =
      a.shortName === undefined
        ? head.replace("short_name: Test\n", "")
        : head.replace("short_name: Test", `short_name: ${a.shortName}`);
    files[`claims/${a.file}.yaml`] = `${head}claims:\n${a.claims
      .map(
        (c) =>
          `  - id: ${c.id}\n    subject: ${c.subject}\n    property: ${c.property}\n    value: ${JSON.stringify(c.value)}\n    evidence: ${JSON.stringify(String(c.value))}\n`,
      )
      .join("")}`;
  }
  const root = makeProject(files);
  made.push(root);
  return root;
}

const candidates = (id: string, value: number) => ({
  id,
  subject: "azerbaijan_presidential_election_2024",
  property: "registered_candidates",
  value,
});

describe("1. every claims file is its own source", () => {
  const twoTrends = () =>
    project([
      {
        file: "a",
        shortName: "Trend",
        text: "There are 7 candidates.",
        claims: [candidates("a-1", 7)],
      },
      {
        file: "b",
        shortName: "Trend",
        text: "There are 17 candidates.",
        claims: [candidates("b-1", 17)],
      },
    ]);

  it("a short_name given twice is an error naming both files", () => {
    const r = runCli(["--root", twoTrends(), "validate", "-f", "line"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      /^claims\/b\.yaml:3:\d+: error duplicate-short-name short_name: "Trend" already names claims\/a\.yaml/m,
    );
  });

  it("with --keep-going the two stay two sources: nobody is said to say both", () => {
    const r = runCli(["--root", twoTrends(), "report", "--keep-going", "-f", "json"]);
    const json = JSON.parse(r.stdout);
    expect(json.sources).toHaveLength(2);
    expect(new Set(json.sources.map((s: { shortName: string }) => s.shortName)).size).toBe(2);
    expect(r.stdout).not.toContain("says both");
  });

  it("names made from the outlet are unique: the date is added where an outlet has two", () => {
    const root = project([
      {
        file: "a",
        outlet: "Trend News Agency",
        published: "2024-02-05",
        text: "There are 7 candidates.",
        claims: [candidates("a-1", 7)],
      },
      {
        file: "b",
        outlet: "Trend News Agency",
        published: "2024-02-06",
        text: "There are 7 candidates.",
        claims: [candidates("b-1", 7)],
      },
      {
        file: "c",
        outlet: "Azernews",
        text: "There are 7 candidates.",
        claims: [candidates("c-1", 7)],
      },
    ]);
    const r = runCli(["--root", root, "report", "-f", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const names = JSON.parse(r.stdout).sources.map((s: { shortName: string }) => s.shortName);
    expect(names).toEqual(["Azernews", "Trend News 2024-02-05", "Trend News 2024-02-06"]);
  });
});

describe("2. a source that contradicts itself shows in every format", () => {
  const selfContradicting = () =>
    project([
      {
        file: "a",
        shortName: "Alone",
        text: "There are 7 candidates. Later: 8 candidates.",
        claims: [candidates("a-1", 7), candidates("a-2", 8)],
      },
    ]);

  it("the table shows the conflict and who contradicts itself, and the run fails", () => {
    const r = runCli(["--root", selfContradicting(), "report", "--no-color"], {
      env: { COLUMNS: "140" },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("✗ conflict");
    expect(r.stdout).toContain("contradicts itself: Alone");
    expect(r.stdout).not.toContain("single source");
  });

  it("Markdown and HTML show it too", () => {
    const root = selfContradicting();
    const md = runCli(["--root", root, "report", "-f", "markdown"]).stdout;
    expect(md).toContain("### Conflicts (1)");
    expect(md).toContain("**contradicts itself: Alone**");
    // The review page draws its facts from its data: the conflict names Alone as contradicting
    // itself there, and the page's script says so on the fact's card.
    const html = runCli(["--root", root, "report", "-f", "html"]).stdout;
    const json = /<script type="application\/json" id="claimcheck-data">([\s\S]*?)<\/script>/.exec(
      html,
    )?.[1];
    const data = JSON.parse(json ?? "null") as {
      sources: { n: string }[];
      facts: { self?: number[] }[];
    };
    expect(data.facts.map((f) => (f.self ?? []).map((i) => data.sources[i]?.n))).toEqual([
      ["Alone"],
    ]);
    expect(html).toContain('strongNames("contradicts itself: ", f.self)');
  });

  it("the bundled report's table shows the 2018 article's Ilham/llham", () => {
    const r = runCli(["report"], { env: { COLUMNS: "200" } });
    const row = r.stdout.slice(r.stdout.indexOf("│ Ilham Aliyev"));
    expect(row.slice(0, 2000)).toContain("contradicts itself: Unattrib. 2018");
  });
});

describe("3. a tie is a tie on every side, whatever the files are called", () => {
  const tie = (first: string, second: string) =>
    project([
      {
        file: first,
        shortName: "North",
        text: "There are 7 candidates.",
        claims: [candidates("n-1", 7)],
      },
      {
        file: second,
        shortName: "South",
        text: "There are 8 candidates.",
        claims: [candidates("s-1", 8)],
      },
    ]);

  it("both values are marked, both sources disagree, and renaming the files changes nothing", () => {
    const outputs = [tie("a", "b"), tie("z", "c")].map((root) => {
      const table = runCli(["--root", root, "report", "--no-color"], { env: { COLUMNS: "140" } });
      const json = JSON.parse(runCli(["--root", root, "report", "-f", "json"]).stdout);
      return { table: table.stdout, json };
    });
    const [one, two] = outputs;
    for (const { table, json } of outputs) {
      expect(table).toMatch(/7 ✗ — North/);
      expect(table).toMatch(/8 ✗ .*— South/);
      expect(table).toContain("tie: no majority");
      expect(json.groups[0].tie).toBe(true);
      expect(json.groups[0].standApart).toEqual(["North", "South"]);
      expect(json.agreement.map((a: { rate: number }) => a.rate)).toEqual([0, 0]);
      const messages = json.findings
        .filter((f: { ruleId: string }) => f.ruleId === "conflict")
        .map((f: { message: string }) => f.message);
      expect(messages).toHaveLength(2);
      for (const m of messages) expect(m).toContain("no majority");
    }
    expect(one!.json.groups[0].values.map((v: { display: string }) => v.display)).toEqual(
      two!.json.groups[0].values.map((v: { display: string }) => v.display),
    );
  });
});

describe("4. each source's own wording", () => {
  it("a value merged through an alias lists how each source writes it", () => {
    const root = project([
      {
        file: "a",
        shortName: "Long",
        text: "Commonwealth of Independent States",
        claims: [
          {
            id: "a-1",
            subject: "cis",
            property: "name",
            value: "Commonwealth of Independent States",
          },
        ],
      },
      {
        file: "b",
        shortName: "Short",
        text: "the Commonwealth",
        claims: [{ id: "b-1", subject: "cis", property: "name", value: "the Commonwealth" }],
      },
    ]);
    const json = JSON.parse(runCli(["--root", root, "report", "-f", "json"]).stdout);
    const group = json.groups.find((g: { key: string }) => g.key === "cis/name");
    expect(group.verdict).toBe("agree");
    const forms = group.values.flatMap((v: { forms?: unknown[] }) => v.forms ?? []);
    expect(forms).toEqual([
      { text: "Commonwealth of Independent States", sources: ["Long"] },
      { text: "the Commonwealth", sources: ["Short"] },
    ]);
    const table = runCli(["--root", root, "report", "--no-color"], { env: { COLUMNS: "160" } });
    expect(table.stdout).toContain('"the Commonwealth" — Short');
  });
});

describe("5. filters that name nothing are refused", () => {
  it.each([
    [["--verdict", "conflcit"], /did you mean "conflict"/],
    [["--subject", "cys"], /--subject "cys" names nothing in the project; did you mean "cis"\?/],
    [
      ["--property", "nmae"],
      /--property "nmae" names nothing in the project; did you mean "name"\?/,
    ],
    [["--source", "Trnd"], /--source "Trnd" names nothing in the project; did you mean "Trend"\?/],
  ])("report %j: exit 2, with a did-you-mean", (args, message) => {
    const r = runCli(["--root", REPO, "report", ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });
});

describe("6. messages say each thing once", () => {
  it("no reason is repeated, numbers are grouped alike, and the year mark is per source", () => {
    const seeds = seedProject();
    const r = runCli(["--root", seeds, "report", "-f", "json"]);
    const json = JSON.parse(r.stdout);
    for (const f of json.findings as { message: string }[]) {
      expect(f.message).not.toMatch(
        /different words, different words|do not overlap, .* do not overlap|variant, a .*variant/,
      );
    }
    const date = json.groups.find(
      (g: { key: string }) => g.key === "azerbaijan_presidential_election_2024/date",
    );
    const table = runCli(["--root", seeds, "report"], { env: { COLUMNS: "200" } }).stdout;
    // MENAFN-Trend's text gives the year; the others take it from the publication date.
    const undated = date.values[0].claims
      .filter((c: { yearSource?: string }) => c.yearSource)
      .map((c: { source: string }) => c.source);
    expect(undated).not.toContain("MENAFN-Trend");
    expect(undated.length).toBeGreaterThan(0);
    const row = table.split("\n").find((l) => l.includes("2024-02-07 —"))!;
    expect(row).toMatch(/MENAFN-Trend,/);
    for (const s of undated) expect(row).toContain(`${s} [year from publication]`);

    const big = project([
      { file: "a", shortName: "A", text: "1000 candidates", claims: [candidates("a-1", 1000)] },
      {
        file: "b",
        shortName: "B",
        text: "3000000000 candidates",
        claims: [candidates("b-1", 3000000000)],
      },
    ]);
    const bigJson = JSON.parse(runCli(["--root", big, "report", "-f", "json"]).stdout);
    const shown = bigJson.groups[0].values.map((v: { display: string }) => v.display).sort();
    expect(shown).toEqual(["1,000", "3,000,000,000"]);
  });
});
