import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { isTimeStamp } from "../../src/assist/dates.js";
import { formatYaml } from "../../src/edit/format-yaml.js";
import { guessHeader, scaffoldClaimsFile } from "../../src/edit/scaffold.js";
import { REPO } from "../helpers/project.js";

const article = (name: string) => readFileSync(join(REPO, "sources", name), "utf8");

describe("guessHeader on the bundled articles", () => {
  const cases: [
    string,
    { published?: string; title?: string; dateline?: object; outlet?: string },
  ][] = [
    [
      "2018-04-12_unattributed_aliyev-receives-sco-secretary-general.txt",
      {
        published: "2018-04-12",
        title: "President Ilham Aliyev receives SCO Sec-Gen",
        outlet: "unattributed",
      },
    ],
    [
      "2024-02-05_trend_prosecutor-general-meets-cis-observers.txt",
      {
        published: "2024-02-05",
        dateline: { place: "Baku", date: "--02-05", evidence: "BAKU, Azerbaijan, February 5" },
        outlet: "trend",
      },
    ],
    [
      "2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation.txt",
      {
        published: "2024-02-06",
        dateline: { place: "Baku", date: "--02-05", evidence: "BAKU, Azerbaijan, February 5" },
        outlet: "menafn-trend",
      },
    ],
    [
      "2024-02-08_unattributed_aliyev-receives-cis-secretary-general.txt",
      {
        published: "2024-02-08",
        title:
          "President Ilham Aliyev receives Secretary General of Commonwealth of Independent States",
      },
    ],
    [
      "2024-02-06_azernews_bayramov-receives-cis-secretary-general.txt",
      { published: "2024-02-06" },
    ],
  ];
  it.each(cases)("%s", (name, expected) => {
    const guess = guessHeader(article(name), name);
    if (expected.published) expect(guess.published?.value).toBe(expected.published);
    if (expected.title) expect(guess.title?.value).toBe(expected.title);
    if (expected.dateline) expect(guess.dateline).toMatchObject(expected.dateline);
    else expect(guess.dateline).toBeUndefined();
    if (expected.outlet) expect(guess.outletHint).toBe(expected.outlet);
  });

  it("says where each guess came from", () => {
    const menafn = guessHeader(
      article("2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation.txt"),
      "x.txt",
    );
    expect(menafn.published?.from).toBe('line 1: "date 2024-02-06"');
    expect(menafn.titleProblem).toMatch(/line 1 reads like body text/);
    const u18 = guessHeader(
      article("2018-04-12_unattributed_aliyev-receives-sco-secretary-general.txt"),
      "x.txt",
    );
    expect(u18.published?.from).toBe('line 5: "12 April 2018"');
    const azn = guessHeader(
      article("2024-02-06_azernews_bayramov-receives-cis-secretary-general.txt"),
      "2024-02-06_azernews_x.txt",
    );
    expect(azn.published?.from).toMatch(/file name/);
  });
});

describe("guessHeader on made-up articles", () => {
  it.each([
    [
      "NEW YORK, Feb. 5, 2024 — The council met.",
      { place: "New York", date: "2024-02-05", evidence: "NEW YORK, Feb. 5, 2024" },
    ],
    [
      "(Agency) ST. PETERSBURG, Russia, December 19. Text.",
      { place: "St. Petersburg", date: "--12-19", evidence: "ST. PETERSBURG, Russia, December 19" },
    ],
    [
      "BAKU, Azerbaijan, FEBRUARY 5. Text.",
      { place: "Baku", date: "--02-05", evidence: "BAKU, Azerbaijan, FEBRUARY 5" },
    ],
  ])("finds the dateline in %j", (text, dateline) => {
    expect(guessHeader(`Headline\n${text}\n`, "a.txt").dateline).toEqual({
      ...dateline,
      from: "line 2",
    });
  });

  it.each([
    "Baku, Azerbaijan, February 5. Not in capitals.",
    "The CIS, Azerbaijan, February 35 is no date.",
    "BAKU, Azerbaijan, Febtober 5.",
  ])("finds no dateline in %j", (text) => {
    expect(guessHeader(`Headline\n${text}\n`, "a.txt").dateline).toBeUndefined();
  });

  it("has no date when the text and the file name show none", () => {
    const guess = guessHeader("Headline\n\nSome text on a Tuesday at 09:11.\n", "article.txt");
    expect(guess.published).toBeUndefined();
    expect(guess.title?.value).toBe("Headline");
  });

  it("skips blank lines, bullets and a date marker before the title", () => {
    expect(guessHeader("\n\n  • date 2024-01-02 My headline\n", "a.txt")).toMatchObject({
      title: { value: "My headline", from: "line 3" },
      published: { value: "2024-01-02" },
    });
  });

  it("handles an empty article", () => {
    expect(guessHeader("", "a.txt")).toEqual({});
  });

  it.each([
    "6 Feb. 10:30 (UTC+3 MSK)",
    "# 24 January 2024 18:12 (UTC +04:00)",
    "- 05 Feb 2024 13:38",
    "4 February 2020, 21:20",
    "06.02.2024",
    "2025-10-12 17:20:00, Kosova & Bota CNA",
    "Beyza Binnur Donmez | 22.10.2023 - Update : 23.10.2023",
    "Last Updated : Feb 18 2013 | 2:15 AM IST",
  ])("takes the time stamp %j for no title, and the headline after it", (stamp) => {
    expect(isTimeStamp(stamp)).toBe(true);
    expect(
      guessHeader(`${stamp}\n\nCIS observers arrive in Baku\n\nText.\n`, "a.txt").title,
    ).toEqual({ value: "CIS observers arrive in Baku", from: "line 3" });
  });

  it.each([
    "Election to be held on 7 February",
    "President Ilham Aliyev receives SCO Sec-Gen",
    "12 candidates registered by 10:00",
    "2025-10-12 17:20, Kosova & Bota CNA",
    "Results updated Feb 18 2013 as votes come in",
  ])("takes the headline %j for a headline, not a time stamp", (headline) => {
    expect(isTimeStamp(headline)).toBe(false);
  });

  it("takes no title when the first line only has dates and times", () => {
    expect(guessHeader("6 Feb. 10:30 (UTC+3 MSK)\n", "a.txt")).toMatchObject({
      titleProblem: "the first lines hold only dates and times",
    });
  });

  it.each([
    [
      "(MENAFN- AzerNews) The mission of observers from the Commonwealth of Independent\nStates (CIS) in Azerbaijan's early presidential election will be\n",
      /starts with an agency tag/,
    ],
    [
      "The mission of observers from the Commonwealth of Independent\nstates in Azerbaijan's early presidential election will be\n",
      /stops mid-sentence and the next line goes on/,
    ],
    ["BAKU, Azerbaijan, January 12. Deputy Chairman of the Senate met.\n", /holds a dateline/],
    [
      "The SCO mission led by Rashid Alimov ended its work on February 8.\n",
      /ends with a full stop/,
    ],
  ])("takes no title from the body's first line %j", (text, problem) => {
    const guess = guessHeader(text, "a.txt");
    expect(guess.title).toBeUndefined();
    expect(guess.titleProblem).toMatch(problem);
  });
});

describe("scaffoldClaimsFile", () => {
  it("writes a formatted file with the schema line, the guessed header and TODOs", () => {
    const name = "2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation.txt";
    const { yaml } = scaffoldClaimsFile(`sources/${name}`, article(name));
    expect(yaml.split("\n")[0]).toBe("# yaml-language-server: $schema=../claims.schema.json");
    expect(formatYaml(yaml)).toMatchObject({ ok: true, changed: false });
    expect(parse(yaml)).toEqual({
      source: `sources/${name}`,
      outlet: "TODO: the outlet's name",
      published: "2024-02-06",
      dateline: { place: "Baku", date: "--02-05", evidence: "BAKU, Azerbaijan, February 5" },
      claims: null,
    });
    expect(yaml).toContain(
      '# title: none found (line 1 reads like body text, not a headline); without one, the report names the article "Cec chairman meets cis delegation", from its file name',
    );
    expect(yaml).toContain("  # - id: menafn-trend-01");
  });

  it("quotes a title that YAML would misread, and keeps odd text out of comments", () => {
    const { yaml } = scaffoldClaimsFile(
      "sources/a.txt",
      'Breaking: 50% #1 "news"\n08 February 2024\u001b[31m\n',
    );
    expect(parse(yaml).title).toBe('Breaking: 50% #1 "news"');
    expect(yaml).not.toContain("\u001b");
    expect(formatYaml(yaml)).toMatchObject({ ok: true, changed: false });
  });
});
