import { describe, expect, it } from "vitest";
import { assistSources, suggestFor } from "../../src/assist/project.js";
import { idPrefix, type Suggestion, suggestionIdPrefix } from "../../src/assist/suggest.js";
import { Article } from "../../src/ground/ground-project.js";
import { locateQuote } from "../../src/ground/locate-quote.js";
import type { Evidence } from "../../src/model/project.js";
import { checkProject } from "../../src/pipeline/check.js";
import { header, makeProject } from "../helpers/project.js";
import { guessedSubject } from "./helpers.js";

/**
 * Suggestions for one article, in a temporary project with the bundled vocabulary: with
 * TODOs (every draft as a claim), so that these tests see each guess; the split into proposals
 * and leads has tests of its own.
 */
async function suggest(
  article: string,
  claims = "claims: []\n",
  extra: Record<string, string> = {},
) {
  return (await suggestions(article, claims, extra, { withTodos: true })).proposed;
}

async function suggestions(
  article: string,
  claims = "claims: []\n",
  extra: Record<string, string> = {},
  options: { withTodos?: boolean } = {},
) {
  const root = makeProject({
    "sources/a.txt": article,
    "claims/a.yaml": header("sources/a.txt") + claims,
    ...extra,
  });
  const result = await checkProject({ root });
  const errors = result.findings.filter((f) => f.severity === "error");
  expect(errors).toEqual([]);
  const assisted = assistSources(
    result.project,
    result.grounding,
    (s) => s.claimsFile === "claims/a.yaml",
  );
  return suggestFor(result.project, assisted[0]!, undefined, options);
}

function evidenceOf(s: Suggestion): Evidence {
  const e = s.claim.evidence;
  return typeof e === "string" ? { quote: e } : e;
}

/** The quote occurs once (with its context) and holds the value's span. */
function expectGrounded(article: string, s: Suggestion) {
  const text = new Article(article);
  const found = locateQuote(text.normalized, evidenceOf(s));
  expect(found.matches).toHaveLength(1);
  const span = text.span(found.matches[0]!.start, found.matches[0]!.end);
  expect(span.start).toBeLessThanOrEqual(s.span.start);
  expect(span.end).toBeGreaterThanOrEqual(s.span.end);
}

describe("suggest: typed values", () => {
  it("a date without a year: resolved against the publication date, marked as assumed", async () => {
    const date =
      // The country is named: the vocabulary's election is "… Azerbaijani presidential election".
      (
        await suggest(
          "Azerbaijan's extraordinary presidential election will take place on February 7.\n",
        )
      ).find((x) => x.kind === "date");
    expect(date?.claim).toMatchObject({
      subject: "azerbaijan_presidential_election_2024",
      property: "date",
      value: "2024-02-07",
      qualifiers: { year: "publication" },
      status: "suggested",
    });
    expect(date?.claim.qualifiers?.note).toMatch(/gives no year: 2024 is the year closest/);
  });

  it("a date with its year keeps it, with no qualifiers", async () => {
    const s = (await suggest("On December 7, 2023, the President signed a decree.\n")).find(
      (x) => x.kind === "date",
    );
    expect(s?.claim).toMatchObject({
      subject: "decree_extraordinary_election_2024",
      property: "date",
      value: "2023-12-07",
    });
    expect(s?.claim.qualifiers).toBeUndefined();
  });

  it("number words become numbers; the noun picks the property", async () => {
    const [s] = await suggest(
      "Azerbaijan has registered seven candidates to run in the extraordinary presidential election.\n",
    ).then((all) => all.filter((x) => x.kind === "number"));
    expect(s?.claim).toMatchObject({ property: "registered_candidates", value: 7 });
    // The election is named after the count: the guess is offered, not proposed.
    expect(s?.claim.subject).toBe("TODO");
    expect(s && guessedSubject(s)).toBe("azerbaijan_presidential_election_2024");
  });

  it("a hedge becomes qualifiers.approximate", async () => {
    const all = await suggest(
      "The SCO mission monitored the voting in nearly 400 polling stations.\n",
      "claims: []\n",
    );
    const s = all.find((x) => x.kind === "number");
    expect(s?.claim.value).toBe(400);
    expect(s?.claim.qualifiers).toMatchObject({ approximate: "nearly" });
    expect(s?.claim.property).toBe("polling_stations_observed");
  });

  it("'exceeds three billion people': more than, 3e9, the property with unit people", async () => {
    const all = await suggest(
      "Highlighting the importance of the Shanghai Cooperation Organization, he said the population of its member states exceeds three billion people.\n",
    );
    const s = all.find((x) => x.kind === "number");
    // Whose population: the name before it suggests, the annotator confirms.
    expect(s && guessedSubject(s)).toBe("sco");
    expect(s?.claim).toMatchObject({
      property: "member_states_population",
      value: 3_000_000_000,
      qualifiers: { approximate: "more than" },
    });
  });

  it("a percentage: the property's unit when it has one, else qualifiers.unit", async () => {
    const all = await suggest(
      "The mission observed the polling stations in the regions, which makes seven percent of the polling stations. Turnout reached 76 percent.\n",
    );
    const [share, turnout] = all.filter((x) => x.kind === "percent");
    expect(share?.claim).toMatchObject({
      property: "share_of_polling_stations_observed",
      value: 7,
    });
    expect(share?.claim.qualifiers?.unit).toBeUndefined();
    expect(turnout?.claim.value).toBe(76);
    expect(turnout?.claim.qualifiers?.unit).toBe("percent");
  });

  it("a name with its acronym in parentheses: a name claim and an acronym claim, quoting the pair", async () => {
    const all = await suggest(
      "Officials of the Commonwealth of Independent States (CIS) arrived.\n",
    );
    expect(
      all.map((s) => [s.claim.subject, s.claim.property, s.claim.value, s.claim.evidence]),
    ).toEqual([
      [
        "cis",
        "name",
        "Commonwealth of Independent States",
        "Commonwealth of Independent States (CIS)",
      ],
      ["cis", "acronym", "CIS", "Commonwealth of Independent States (CIS)"],
    ]);
  });

  it("a title names its holder, and the quote shows both", async () => {
    const all = await suggest("Azerbaijan's Prosecutor General Kamran Aliyev met the guests.\n");
    const title = all.find((s) => s.kind === "title");
    expect(title?.claim).toMatchObject({
      subject: "kamran_aliyev",
      property: "position",
      value: "Prosecutor General",
      evidence: "Prosecutor General Kamran Aliyev",
    });
  });

  it("event status: scheduled or held, as of the publication date", async () => {
    const all = await suggest(
      "Azerbaijan's extraordinary presidential election is to be held soon.\n",
    );
    const s = all.find((x) => x.kind === "status");
    expect(s?.claim).toMatchObject({
      subject: "azerbaijan_presidential_election_2024",
      property: "status",
      value: "scheduled",
      qualifiers: { as_of: "2024-02-06" },
    });
  });

  it("no guess: TODO with the reason in the comment, never a wrong id", async () => {
    const all = await suggest("Read: 551\n");
    expect(all).toHaveLength(1);
    expect(all[0]?.claim).toMatchObject({ subject: "TODO", property: "TODO", value: 551 });
    expect(all[0]?.todo.subject).toMatch(/choose an entity id/);
    expect(all[0]?.todo.property).toMatch(/choose a property id/);
  });

  it("a date beside an event the vocabulary does not know gets no subject", async () => {
    const all = await suggest(
      "They would hold a concert on February 9 for the election observation mission.\n",
    );
    expect(all.find((s) => s.kind === "date")?.claim.subject).toBe("TODO");
  });

  it.each([
    "They would hold a concert today for the election observation mission.\n",
    "Today, the SCO covers one-third of the territory of Eurasia.\n",
  ])("a relative date with nothing to date is not suggested: %j", async (text) => {
    expect((await suggest(text)).filter((s) => s.kind === "date")).toEqual([]);
  });
});

describe("suggest: evidence quotes", () => {
  const article =
    "Azerbaijan has registered seven candidates to run in the extraordinary presidential election.\n\n" +
    "On December 19, the Central Election Commission (CEC) of Azerbaijan approved the candidacy, nominated by the ruling New Azerbaijan Party (YAP), for participation in the election.\n\n" +
    "During the meeting, close to 170 observers arrived, and the election is to be held on February 7, 2024.\n";

  it("every quote is verbatim, unique and holds its value; short phrases, not sentences", async () => {
    const all = await suggest(article);
    expect(all.length).toBeGreaterThan(8);
    for (const s of all) {
      expectGrounded(article, s);
      expect(evidenceOf(s).quote.split(" ").length).toBeLessThanOrEqual(14);
    }
    const date = all.find((s) => s.span.text === "December 19");
    expect(date?.claim.evidence).toBe("On December 19, the Central Election Commission");
    const observers = all.find((s) => s.span.text === "close to 170");
    expect(observers?.claim.evidence).toBe("During the meeting, close to 170 observers arrived");
  });

  it("quotes and names keep the article's own characters; runs of spaces become one", async () => {
    const article =
      "The \u201cElection 2024\u201d Independent Media Center opened.\n\nAzerbaijan`s  vote  is on February 7.\n";
    const all = await suggest(article);
    const name = all.find((s) => s.kind === "name");
    expect(name?.claim.value).toBe("\u201cElection 2024\u201d Independent Media Center");
    const date = all.find((s) => s.kind === "date");
    expect(date?.claim.evidence).toBe("Azerbaijan`s vote is on February 7");
    for (const s of all) expectGrounded(article, s);
  });

  it("a phrase the article repeats gets a prefix (or suffix) that picks one occurrence", async () => {
    const repeated =
      "Intro one. The vote is on February 7, 2024.\n\nIntro two. The vote is on February 7, 2024.\n";
    const claims = `claims:\n  - id: t-vote\n    subject: azerbaijan_presidential_election_2024\n    property: date\n    value: "2024-02-07"\n    evidence:\n      quote: The vote is on February 7, 2024\n      prefix: Intro one.\n`;
    const all = await suggest(repeated, claims);
    const date = all.find((s) => s.kind === "date");
    expect(date?.span.line).toBe(3);
    expect(date?.claim.evidence).toEqual({
      quote: "The vote is on February 7, 2024",
      prefix: "two.",
    });
    expectGrounded(repeated, date!);
  });
});

describe("suggest: ids and what is skipped", () => {
  it("ids take the file's own prefix and never collide with any id in the project", async () => {
    const claims = `claims:\n  - id: ab-one\n    subject: cis\n    property: acronym\n    value: CIS\n    evidence: CIS\n`;
    const other = {
      "sources/b.txt": "Nothing here.\n",
      "claims/b.yaml": `${header("sources/b.txt").replace("short_name: Test", "short_name: Test B")}claims:\n  - id: ab-a-s1\n    subject: cis\n    property: name\n    value: x\n    evidence: Nothing here\n    status: suggested\n`,
    };
    const all = await suggest("The CIS met Sergey Lebedev and Rashid Alimov.\n", claims, other);
    // b.yaml's ids share the prefix "ab": a.yaml's ids carry its name too, and skip the one used.
    expect(all.map((s) => s.claim.id)).toEqual(["ab-a-s2", "ab-a-s3"]);
  });

  it("without claims, the prefix comes from the file name", () => {
    expect(
      idPrefix({
        claimsFile: "claims/2024-02-06_azernews_x.yaml",
        claims: [],
        shortName: "Azernews",
      }),
    ).toBe("azernews");
    expect(idPrefix({ claimsFile: "claims/notes.yaml", claims: [], shortName: "My Notes" })).toBe(
      "my-notes",
    );
  });

  it.each([
    [[], "trend"],
    [["2024-02-06_trend_cis-mission-arrives"], "trend-asanov"],
    [["2024-01-12_trend_asanov-visits-baku"], "trend-asanov-named"],
    [["2024-01-13_trend_asanov-named-coordinator"], "trend-asanov-named-coordinator-20240112"],
    [["2024-01-12_azernews_asanov-named-coordinator"], "trend"],
  ])(
    "a prefix another file shares gets a tag from the file name: beside %j, %s",
    (others, want) => {
      const file = (stem: string) => ({
        claimsFile: `claims/${stem}.yaml`,
        claims: [],
        shortName: "x",
      });
      expect(
        suggestionIdPrefix(
          file("2024-01-12_trend_asanov-named-coordinator"),
          others.map((o) => file(o)),
        ),
      ).toBe(want);
    },
  );

  it("statements already covered, or covered by a suggested claim, get nothing", async () => {
    const claims = `claims:\n  - id: t-1\n    subject: sergey_lebedev\n    property: name\n    value: Sergey Lebedev\n    evidence: Sergey Lebedev\n  - id: t-2\n    subject: rashid_alimov\n    property: name\n    value: Rashid Alimov\n    evidence: Rashid Alimov\n    status: suggested\n`;
    expect(
      await suggest("Sergey Lebedev met Rashid Alimov. Sergey Lebedev left.\n", claims),
    ).toEqual([]);
  });

  it("a fact the file already claims at another mention is not proposed again; another value, subject or as-of date is", async () => {
    const article =
      "Azerbaijan's extraordinary presidential election will take place on February 7.\n" +
      "Voters go to the polls on February 7.\n";
    const claimed = (value: string, extra = "") =>
      `claims:\n  - id: t-1\n    subject: azerbaijan_presidential_election_2024\n    property: date\n    value: "${value}"\n${extra}    evidence: will take place on February 7\n`;
    const datesOf = (found: { proposed: Suggestion[] }) =>
      found.proposed.filter((s) => s.kind === "date").map((s) => s.claim.value);
    // The body's day, claimed at its first mention: the second mention restates it.
    const same = await suggestions(article, claimed("2024-02-07"));
    expect(datesOf(same)).toEqual([]);
    expect(same.restated).toBe(1);
    // Near misses: the claim says another day, or the day as of another date: both proposed.
    for (const claims of [
      claimed("2024-02-08"),
      claimed("2024-02-07", "    qualifiers: {as_of: '2024-01-01'}\n"),
    ]) {
      const other = await suggestions(article, claims);
      expect(datesOf(other)).toEqual(["2024-02-07"]);
      expect(other.restated).toBe(0);
    }
  });

  it("a place named by an alias ('Azerbaijan') is checkable but not suggested", async () => {
    expect(await suggest("It happened in Azerbaijan.\n")).toEqual([]);
  });
});

describe("validation of suggested claims", () => {
  const todoClaim = (status: string) =>
    `claims:\n  - id: t-s1\n    subject: TODO # TODO: choose\n    property: TODO\n    value: 551\n    evidence: "551"\n${status}`;

  it("a TODO subject or property in a suggested claim is a note, not an error", async () => {
    const root = makeProject({
      "sources/a.txt": "Read: 551\n",
      "claims/a.yaml": header("sources/a.txt") + todoClaim("    status: suggested\n"),
    });
    const { findings } = await checkProject({ root });
    expect(findings.map((f) => [f.ruleId, f.severity, f.path])).toEqual([
      ["suggestion-todo", "note", "claims[0].subject"],
      ["suggestion-todo", "note", "claims[0].property"],
    ]);
  });

  it("once accepted (no status), TODO is an unknown subject and property again", async () => {
    const root = makeProject({
      "sources/a.txt": "Read: 551\n",
      "claims/a.yaml": header("sources/a.txt") + todoClaim(""),
    });
    const { findings } = await checkProject({ root });
    expect(findings.map((f) => f.ruleId).sort()).toEqual(["unknown-property", "unknown-subject"]);
  });
});

describe("suggest: what it used to propose wrongly (seen on real articles)", () => {
  const dates = (all: Suggestion[]) => all.filter((s) => s.kind === "date");
  const counts = (all: Suggestion[]) => all.filter((s) => s.kind === "number");

  it('"since 2004" is no date of the election: a lead whose subject and property are open', async () => {
    const { proposed, leads } = await suggestions(
      "The SCO has carried out 45 election observer missions since 2004, mostly in member countries.\n",
    );
    expect(dates(proposed)).toEqual([]);
    expect(
      leads
        .filter((l) => l.kind === "date")
        .map((l) => `${l.claim.value} ${l.claim.subject} ${l.claim.property}`),
    ).toEqual(["2004 TODO TODO"]);
  });

  it.each<[string, string[]]>([
    ["Polling stations closed today in most regions.\n", ["2024-02-06"]],
    ["Twenty-four European observers arrived in the country today.\n", ["2024-02-06"]],
    ["The mission opened its office yesterday.\n", ["2024-02-05"]],
    // Nothing done on the day, or a day counted from something else than the publication.
    ["Today, the SCO covers one-third of the territory of Eurasia.\n", []],
    ["They would hold a concert today for the election observation mission.\n", []],
    ["The election was held, and the count finished a week later.\n", []],
  ])("'today' with something done on it is a lead: %j", async (text, expected) => {
    const { proposed, leads } = await suggestions(text);
    expect(dates(proposed)).toEqual([]);
    expect(leads.filter((l) => l.kind === "date").map((l) => l.claim.value)).toEqual(expected);
  });

  it('"45 election observer missions" is no count of observers, nor the election\'s', async () => {
    const [count] = counts(
      await suggest("The SCO has carried out 45 election observer missions since 2004.\n"),
    );
    expect(count?.claim.value).toBe(45);
    expect(count?.claim.property).not.toBe("observer_count");
    expect(count?.claim.subject).not.toMatch(/election/);
  });

  it('"seven SCO member states" is no population', async () => {
    const all = await suggest(
      "The Mission included 16 accredited observers representing agencies of the seven SCO member states.\n",
    );
    const seven = counts(all).find((s) => s.claim.value === 7);
    expect(seven?.claim.property).not.toBe("member_states_population");
    const sixteen = counts(all).find((s) => s.claim.value === 16);
    expect(sixteen?.claim.property).toBe("observer_count");
  });

  it('a period "5-12 April 2018" is its start and its end, not the election\'s date', async () => {
    const all = dates(
      await suggest(
        "On 5-12 April 2018, the SCO Mission monitored the preparations for and holding of the election.\n",
      ),
    );
    expect(all.map((s) => s.claim.value)).toEqual(["2018-04-05", "2018-04-12"]);
    for (const s of all) expect(s.claim.property).not.toBe("date");
  });

  it.each([
    "Today, the SCO covers one-third of the territory of Eurasia.\n",
    "A group of observers is now being organized, comprising delegates from parliaments.\n",
    "8 Feb. 14:05 (UTC+3 MSK)\n\nThe observers arrived.\n",
  ])("no date (and no count) from %j", async (text) => {
    const all = await suggest(text);
    expect(dates(all)).toEqual([]);
    expect(counts(all)).toEqual([]);
  });

  it('a section number "1." is no count', async () => {
    const all = await suggest(
      "1. The Mission's lineup\nThe Mission included 16 accredited observers.\n",
    );
    expect(counts(all).map((s) => s.claim.value)).toEqual([16]);
  });

  it("a position leaves out the name of the person who holds it", async () => {
    const all = await suggest(
      "Deputy Chairman of the Senate of Kazakhstan Nurlan Bekov has been appointed coordinator.\n",
    );
    expect(all.find((s) => s.kind === "title")?.claim.value).toBe(
      "Deputy Chairman of the Senate of Kazakhstan",
    );
  });

  it('"today" dates the meeting the sentence tells of', async () => {
    const all = dates(
      await suggest("Today Ilham Aliyev received Sergey Lebedev, the CIS Secretary General.\n"),
    );
    expect(all.map((s) => [s.claim.subject, s.claim.value])).toEqual([
      ["aliyev_lebedev_meeting", "2024-02-06"],
    ]);
  });
});
