/**
 * What `suggest` proposes and what it only points at, on a vocabulary of its own (elections in
 * Kyrgyzstan, which no heuristic was written against): a date or count is a claim only with its
 * subject and property; otherwise a lead. Also the page's own figures (exchange rates, the date
 * beside the headline), which are no statements at all, and two subject rules: an
 * organisation's observers are its mission, and a property the annotators gave only to events
 * is not guessed for an organisation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ownYears } from "../../src/assist/guess.js";
import { assistSources, suggestFor } from "../../src/assist/project.js";
import { checkProject } from "../../src/pipeline/check.js";
import { makeProject, runCli } from "../helpers/project.js";
import { guessedSubject, spansOf } from "./helpers.js";

/** The subject proposed for a value, or guessed first for a lead (see guessedSubject). */
function guessOf(
  all: { claim: { subject: string; value: unknown }; todo: { subject?: string } }[],
  value: unknown,
): string | undefined {
  const found = all.find((s) => s.claim.value === value);
  return found && guessedSubject(found);
}

const VOCABULARY = `entities:
  - {id: cis, type: organisation, name: Commonwealth of Independent States, acronym: CIS}
  - {id: osce, type: organisation, name: Organization for Security and Co-operation in Europe, acronym: OSCE}
  - {id: kyrgyz_election_2020, type: event, name: 2020 Kyrgyz parliamentary election}
  - {id: cis_mission_kyrgyzstan_2020, type: group, name: CIS observer mission to the 2020 Kyrgyz parliamentary election}
  - {id: odihr_mission_tajikistan_2020, type: group, name: ODIHR observation mission to the 2020 Tajik presidential election}
  - {id: kyrgyz_cec, type: organisation, name: Central Election Commission of Kyrgyzstan}
  - {id: kyrgyz_polling_agency, type: organisation, name: Kyrgyz Polling Agency}
properties:
  - {id: name, label: name, type: name, cardinality: single}
  - {id: date, label: date, type: date, cardinality: single}
  - {id: polling_stations_visited, label: polling stations visited, type: quantity, cardinality: single}
  - {id: observing_organizations, label: international organizations observing, type: quantity, cardinality: single}
  - {id: seats, label: seats contested, type: quantity, cardinality: single}
  - {id: parties, label: political parties taking part, type: quantity, cardinality: single}
  - {id: polling_stations, label: polling stations, type: quantity, cardinality: single}
  - {id: long_term_observers, label: long-term observers, type: quantity, cardinality: single}
  - {id: candidates, label: candidates approved, type: quantity, cardinality: single}
  - {id: start_date, label: start date, type: date, cardinality: single}
`;

function claimsFile(source: string, published: string, claims = "claims: []\n"): string {
  return `source: ${source}\noutlet: Test\npublished: "${published}"\ntitle: A test\n${claims}`;
}

/** Proposals and leads for sources/a.txt, with another article's claims as the project's usage. */
async function suggestOn(
  text: string,
  options: { withTodos?: boolean; published?: string } = {},
  other = "",
  moreEntities: string[] = [],
  moreProperties: string[] = [],
) {
  const files: Record<string, string> = {
    "claims/vocabulary.yaml": VOCABULARY.replace(
      "properties:\n",
      `${moreEntities.map((e) => `  - ${e}\n`).join("")}properties:\n`,
    ).concat(moreProperties.map((p) => `  - ${p}\n`).join("")),
    "sources/a.txt": text,
    "claims/a.yaml": claimsFile("sources/a.txt", options.published ?? "2020-10-05"),
  };
  if (other !== "") {
    files["sources/b.txt"] = other;
    files["claims/b.yaml"] = claimsFile(
      "sources/b.txt",
      "2020-10-01",
      `claims:\n  - id: b-organisations\n    subject: kyrgyz_election_2020\n    property: observing_organizations\n    value: 12\n    evidence: 12 international organizations\n`,
    );
  }
  const root = makeProject(files, { vocabulary: false });
  const result = await checkProject({ root });
  expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  const [assisted] = assistSources(
    result.project,
    result.grounding,
    (s) => s.sourcePath === "sources/a.txt",
  );
  return suggestFor(result.project, assisted!, undefined, options);
}

/**
 * A dateline's day (5 October 2020) dates the report: no date is proposed, and the day is a lead
 * with no subject, for it is no day of the election.
 */
async function expectReportDayLead(text: string, label: string): Promise<void> {
  const { proposed, leads } = await suggestOn(text);
  expect(
    proposed.filter((s) => s.kind === "date"),
    label,
  ).toEqual([]);
  expect(leads.find((l) => l.kind === "date")?.claim, label).toMatchObject({
    subject: "TODO",
    value: "2020-10-05",
  });
}

/** The property `suggest` gives the date `value` in `text`, proposed or as a lead. */
async function datePropertyOf(text: string, value: string): Promise<string | undefined> {
  const { proposed, leads } = await suggestOn(text);
  return [...proposed, ...leads].find((s) => s.claim.value === value)?.claim.property;
}

/** Two candidates and a vote-share property, for the tests of whose share a count is. */
const people = [
  "{id: japarov, type: person, name: Sadyr Japarov}",
  "{id: madumarov, type: person, name: Adakhan Madumarov}",
];
const share = [
  "{id: vote_share, label: share of the vote, type: quantity, unit: percent, cardinality: single}",
];

describe("proposals and leads", () => {
  const ARTICLE =
    "The 2020 Kyrgyz parliamentary election was held on October 4. In the 2020 Kyrgyz parliamentary election, 16 political parties took part and 23 lists were printed.\n";
  const relations = <T extends { kind: string }>(all: T[]) => all.filter((s) => s.kind !== "name");

  it("a count whose property it cannot tell is a lead, not a claim; with TODOs, a claim with a TODO", async () => {
    const plain = await suggestOn(ARTICLE);
    const value = (s: { claim: { value: unknown } }) => s.claim.value;
    expect(relations(plain.proposed).map(value)).toEqual(["2020-10-04"]);
    // "was held" is a status, and this vocabulary has no status property: a lead too. So is
    // the 16, whose property is clear but whose subject only a name before it suggests.
    expect(plain.leads.map(value)).toEqual(["held", 16, 23]);
    expect(plain.leads[1]!.claim).toMatchObject({ subject: "TODO", property: "parties" });
    expect(plain.leads[2]!.claim.property).toBe("TODO");
    // Proposals are numbered without a gap where the lead was.
    const ids = plain.proposed.map((s) => s.claim.id);
    expect(ids).toEqual(ids.map((_, i) => `test-s${i + 1}`));

    const drafts = await suggestOn(ARTICLE, { withTodos: true });
    expect(drafts.leads).toEqual([]);
    expect(relations(drafts.proposed).map(value)).toEqual(["held", "2020-10-04", 16, 23]);
    expect(drafts.proposed.find((s) => s.claim.value === 23)?.claim).toMatchObject({
      property: "TODO",
    });
  });

  it("a name the vocabulary lacks stays a proposal with a TODO subject: the draft is what to add", async () => {
    const { proposed, leads } = await suggestOn(
      "The Central Election Commission (CEC) counted the ballots.\n",
    );
    expect(leads).toEqual([]);
    expect(proposed.map((s) => [s.claim.subject, s.claim.value])).toContainEqual([
      "TODO",
      "Central Election Commission",
    ]);
  });

  it("what an organisation's observers did is its mission's", async () => {
    const { proposed } = await suggestOn(
      "During the 2020 Kyrgyz election, the CIS observers visited more than 300 polling stations.\n",
    );
    const visited = proposed.find((s) => s.claim.value === 300);
    expect(visited?.claim).toMatchObject({
      subject: "cis_mission_kyrgyzstan_2020",
      property: "polling_stations_visited",
      qualifiers: { approximate: "more than" },
    });
  });

  it("a property the project gives to events is not guessed for an organisation named beside the count", async () => {
    const text = "Observers will come from 14 international organizations, including the OSCE.\n";
    const other = "Observers of 12 international organizations will watch the vote.\n";
    // Without the project's usage, the nearest name is the guess; with it, no guess: a lead.
    // (The name comes after the count, so even that guess is only offered: a lead.)
    const alone = await suggestOn(text);
    const organisations = alone.leads.find((s) => s.claim.value === 14);
    expect(organisations && guessedSubject(organisations)).toBe("osce");
    const taught = await suggestOn(text, {}, other);
    expect(taught.proposed.find((s) => s.claim.value === 14)).toBeUndefined();
    const lead = taught.leads.find((l) => l.claim.value === 14);
    expect(lead?.claim).toMatchObject({ subject: "TODO", property: "observing_organizations" });
  });

  it("a date whose noun fits several events, told apart only by other words, is a lead with both", async () => {
    const local = "{id: kyrgyz_local_election_2020, type: event, name: 2020 Kyrgyz local election}";
    const text = "In Kyrgyzstan, the parliamentary election will be held on October 4.\n";
    const { proposed, leads } = await suggestOn(text, {}, "", [local]);
    expect(proposed.filter((s) => s.kind === "date")).toEqual([]);
    const lead = leads.find((l) => l.claim.value === "2020-10-04");
    expect(lead?.claim).toMatchObject({ subject: "TODO", property: "date" });
    expect(lead?.todo.subject).toBe(
      "choose the entity: kyrgyz_election_2020? kyrgyz_local_election_2020?",
    );
    // With one such event, the noun is enough.
    const one = await suggestOn(text);
    expect(one.proposed.find((s) => s.kind === "date")?.claim).toMatchObject({
      subject: "kyrgyz_election_2020",
      value: "2020-10-04",
    });
  });

  it("'18 years old' is an age: only an age property holds it, not a length of time", async () => {
    const years =
      "{id: years_in_power, label: years in power, type: quantity, cardinality: single}";
    const age = "{id: voting_age, label: minimum voting age, type: quantity, cardinality: single}";
    const propertyOf = async (text: string, properties: string[]) => {
      const { proposed, leads } = await suggestOn(text, { withTodos: true }, "", [], properties);
      expect(leads).toEqual([]);
      return proposed.find((s) => s.kind === "number")?.claim.property;
    };
    const old = "In the 2020 Kyrgyz parliamentary election, voters must be 18 years old.\n";
    expect(await propertyOf(old, [years])).toBe("TODO");
    expect(await propertyOf(old, [years, age])).toBe("voting_age");
    expect(await propertyOf(old.replace("18 years old", "18-year-olds"), [years])).toBe("TODO");
    const ruled = "In the 2020 Kyrgyz parliamentary election, a party ruling for 18 years lost.\n";
    expect(await propertyOf(ruled, [years])).toBe("years_in_power");
  });

  it("'16 of the 120 seats', '15 of Kyrgyzstan's 26 districts': the total is not the party's or the mission's, so it is a lead", async () => {
    const party = "{id: ata_jurt, type: organisation, name: Ata-Jurt Kyrgyzstan}";
    const { proposed, leads } = await suggestOn(
      "Ata-Jurt Kyrgyzstan won 16 of the 120 seats in the 2020 Kyrgyz parliamentary election.\n",
      {},
      "",
      [party],
    );
    expect(proposed.find((s) => s.claim.value === 120)).toBeUndefined();
    expect(leads.find((l) => l.claim.value === 120)?.claim).toMatchObject({
      subject: "TODO",
      property: "seats",
    });
    // Where a mission's observers went: 15 districts are its reach, Kyrgyzstan's 26 are not.
    const districts = ["{id: districts, label: districts, type: quantity, cardinality: single}"];
    const reach = await suggestOn(
      "During the 2020 Kyrgyz election, the CIS observers visited polling stations in 15 of Kyrgyzstan's 26 districts.\n",
      {},
      "",
      [],
      districts,
    );
    expect(reach.proposed.find((s) => s.claim.value === 26)).toBeUndefined();
  });

  it("'followed by the PP, which takes 9.22%': a name that starts a relative clause does what the clause says", async () => {
    const parties = [
      "{id: ata_jurt, type: organisation, name: Ata-Jurt Kyrgyzstan}",
      "{id: mekenim, type: organisation, name: Mekenim Kyrgyzstan}",
    ];
    const { proposed, leads } = await suggestOn(
      "In the 2020 Kyrgyz parliamentary election, Ata-Jurt Kyrgyzstan was followed by Mekenim Kyrgyzstan, which took 16 seats.\n",
      {},
      "",
      parties,
    );
    expect(guessOf([...proposed, ...leads], 16)).toBe("mekenim");
    expect(leads.find((s) => s.claim.value === 16)?.claim.property).toBe("seats");
  });

  it("'since early 2015' is, as 'since 2015' is, a lead and not the date of what it names", async () => {
    for (const text of [
      "The 2020 Kyrgyz parliamentary election is the eighth since early 2015.\n",
      "The 2020 Kyrgyz parliamentary election is the eighth since 2015.\n",
    ]) {
      const { proposed, leads } = await suggestOn(text, {}, "", [
        "{id: kyrgyz_elections_since_2015, type: event, name: Kyrgyz parliamentary elections since 2015}",
      ]);
      expect(
        proposed.find((s) => s.claim.value === "2015"),
        text,
      ).toBeUndefined();
      // A bound, not the year's date: what starts then, and whose, is the annotator's to say.
      expect(leads.find((s) => s.claim.value === "2015")?.claim, text).toMatchObject({
        subject: "TODO",
        property: "TODO",
      });
    }
  });

  it("'took place from 7am to 3pm on October 4': hours on one day are when on it, the day no start", async () => {
    for (const text of [
      "The 2020 Kyrgyz parliamentary election took place from 7am to 3pm on October 4.\n",
      "The 2020 Kyrgyz parliamentary election was held from 8 a.m. on October 4.\n",
      // "at 08.00" is a time of day, though a decimal point writes it.
      "Voting in the 2020 Kyrgyz parliamentary election started at 08.00 on October 4.\n",
    ])
      expect(await datePropertyOf(text, "2020-10-04"), text).toBe("date");
    // A day without hours after "from" is still a start.
    expect(
      await datePropertyOf(
        "The 2020 Kyrgyz parliamentary election campaign ran from September 4.\n",
        "2020-09-04",
      ),
    ).toBe("start_date");
  });

  it("'took place on October 4 and began …', 'On October 4, voting was open from 7 am': another verb's start is not the day's", async () => {
    for (const text of [
      "The 2020 Kyrgyz parliamentary election took place on October 4 and counting began at once.\n",
      "The 2020 Kyrgyz parliamentary election was held on October 4, and results started to arrive.\n",
      "On October 4, voting in the 2020 Kyrgyz parliamentary election was open from 7 am to 8 pm.\n",
      "On October 4, voting in the 2020 Kyrgyz parliamentary election opened at 8:00.\n",
      // What someone says was done is in the clause of their saying, not the day's.
      "Addressing a news conference on October 4, the CEC chairman explains that staff have completed packing the 2020 Kyrgyz parliamentary election materials.\n",
    ])
      expect(await datePropertyOf(text, "2020-10-04"), text).toBe("date");
    // The verb right before the date, or after it without hours, still makes it a start.
    for (const text of [
      "The 2020 Kyrgyz parliamentary election campaign began on September 4.\n",
      "On September 4, the 2020 Kyrgyz parliamentary election campaign began.\n",
      // Right before the date, without "on".
      "The 2020 Kyrgyz parliamentary election campaign, which began Sept. 4, was short.\n",
      // A saying after the verb takes nothing from it.
      "On September 4, the 2020 Kyrgyz parliamentary election campaign began, the CEC said.\n",
    ])
      expect(await datePropertyOf(text, "2020-09-04"), text).toBe("start_date");
  });

  it("a label's word matches a word of the text with an ending of inflection, not any two letters more ('count' is not 'country')", async () => {
    const { proposed, leads } = await suggestOn(
      "About half of the country's voters cast their ballots early, before the 2020 Kyrgyz parliamentary election day on October 4.\n",
      {},
      "",
      [],
      ["{id: count_date, label: day of the count figures, type: date, cardinality: single}"],
    );
    const found = [...proposed, ...leads].find((s) => s.claim.value === "2020-10-04");
    expect(found?.claim.property).toBe("date");
  });

  it("'at the end of its mandate in 2021', 'at the beginning of its term in 2021', 'the final day of registration, September 5': the noun makes the date an end or a start", async () => {
    const ends = ["{id: end_date, label: end date, type: date, cardinality: single}"];
    for (const [text, value, property] of [
      [
        "The 2020 Kyrgyz parliamentary election took place before the end of the old parliament's mandate in 2021.\n",
        "2021",
        "end_date",
      ],
      [
        "The 2020 Kyrgyz parliamentary election chose a parliament that met at the beginning of its term in 2021.\n",
        "2021",
        "start_date",
      ],
      // Up to five words, a number among them, between "end of" and the date.
      [
        "The 2020 Kyrgyz parliamentary election was the first since the end of the country's 27-year-long civil war in 2002.\n",
        "2002",
        "end_date",
      ],
      // "the final day of …, DATE", set off by a comma: the day named is the bound.
      [
        "Voter registration for the 2020 Kyrgyz parliamentary election runs until the final day of registration, September 5, 2020.\n",
        "2020-09-05",
        "end_date",
      ],
      [
        "Voter registration for the 2020 Kyrgyz parliamentary election began on the first day of registration, August 20, 2020.\n",
        "2020-08-20",
        "start_date",
      ],
      // The same with "last" and "opening", other words for the ends.
      [
        "Voter registration for the 2020 Kyrgyz parliamentary election closes on the last day of registration, September 5, 2020.\n",
        "2020-09-05",
        "end_date",
      ],
      // Without the comma, the day is no bound: the date is the election's.
      [
        "Turnout in Kyrgyzstan was high on the first day of early voting for the parliamentary election on October 4, 2020.\n",
        "2020-10-04",
        "date",
      ],
    ] as const) {
      const { proposed, leads } = await suggestOn(text, {}, "", [], ends);
      const found = [...proposed, ...leads].find((s) => s.claim.value === value);
      expect(found?.claim.property, text).toBe(property);
    }
  });

  it("'the phase VII, which was held on Saturday, of the 2024 Lok Sabha polls': the year dates the polls, not the phase the sentence also names", async () => {
    const entities = [
      "{id: indian_election_2024, type: event, name: 2024 Indian general election, aliases: [2024 Lok Sabha elections]}",
      "{id: indian_election_2024_phase_7, type: event, name: Phase 7 of the 2024 Indian general election, aliases: [phase VII]}",
    ];
    const { proposed, leads } = await suggestOn(
      "The Election Commission is yet to release the final data for the phase VII, which was held on Saturday, of the 2024 Lok Sabha polls.\n",
      {},
      "",
      entities,
    );
    expect(proposed.find((s) => s.claim.value === "2024")).toBeUndefined();
    expect(leads.find((s) => s.claim.value === "2024")).toBeDefined();
  });

  it("'to be held on October 4 following the death of the deputy': what follows 'following' led to the dated event", async () => {
    const death = ["{id: death_of_deputy, type: event, name: death of the deputy}"];
    const { proposed, leads } = await suggestOn(
      "The commission set a new vote in the district to be held on October 4 following the death of the deputy.\n",
      {},
      "",
      death,
    );
    const found = [...proposed, ...leads].find((s) => s.claim.value === "2020-10-04");
    expect(found).toBeDefined();
    expect(guessedSubject(found!)).not.toBe("death_of_deputy");
  });

  it("'Results of the 2020 Parliamentary Elections in Kyrgyzstan', a heading: its year is a lead", async () => {
    // Read the year after (the year of publication is a lead anyway: see "read in 2020").
    const { proposed, leads } = await suggestOn(
      "Kyrgyz parliamentary election results LIVE\n\nResults of the 2020 Parliamentary Elections in Kyrgyzstan\n\nThe counting of votes for the 2020 Kyrgyz parliamentary elections began at 2 p.m.\n",
      { published: "2021-01-15" },
    );
    const years = (all: readonly { claim: { value: unknown; evidence: unknown } }[]) =>
      all.filter((s) => s.claim.value === "2020").map((s) => s.claim.evidence);
    expect(years(leads)).toEqual([
      expect.stringContaining("Parliamentary Elections in Kyrgyzstan"),
    ]);
    // In a sentence, the year is the election's.
    expect(years(proposed)).toEqual([
      expect.stringContaining("2020 Kyrgyz parliamentary elections"),
    ]);
  });

  it("'the election to the country's new parliament, which took place on October 4': the event's date, whatever else the sentence tells", async () => {
    const results = [
      "{id: final_results_date, label: date the final results were published, type: date, cardinality: single}",
    ];
    const { proposed, leads } = await suggestOn(
      "The results of the 2020 Kyrgyz parliamentary election to the country's new one-chamber parliament, which took place on October 4, are final, the commission said.\n",
      {},
      "",
      [],
      results,
    );
    const found = [...proposed, ...leads].find((s) => s.claim.value === "2020-10-04");
    expect(found?.claim.property).toBe("date");
  });

  it("one article giving one subject and property two dates: both are leads, each with its guess; one date twice, or once more precisely, is not two", async () => {
    const twoDays =
      "The 2020 Kyrgyz parliamentary election was held on October 4. The 2020 Kyrgyz parliamentary election was held on October 11.\n";
    const two = await suggestOn(twoDays);
    const dates = (all: { kind: string; claim: { value: unknown } }[]) =>
      all.filter((s) => s.kind === "date").map((s) => s.claim.value);
    expect(dates(two.proposed)).toEqual([]);
    expect(dates(two.leads)).toEqual(["2020-10-04", "2020-10-11"]);
    for (const value of ["2020-10-04", "2020-10-11"]) {
      const lead = two.leads.find((s) => s.claim.value === value)!;
      expect([lead.claim.subject, lead.claim.property]).toEqual(["kyrgyz_election_2020", "date"]);
    }
    // Near misses: the same day twice is one fact (the second mention is still proposed: the
    // annotator may quote either), and "in October" beside "October 4" is the same day less
    // precisely, which the rule for less precise dates already makes a lead.
    const same = await suggestOn(twoDays.replace("October 11", "October 4"));
    expect(dates(same.proposed)).toEqual(["2020-10-04", "2020-10-04"]);
    const precise = await suggestOn(
      "The 2020 Kyrgyz parliamentary election was held in October 2020. The 2020 Kyrgyz parliamentary election was held on October 4.\n",
    );
    expect(dates(precise.proposed)).toEqual(["2020-10-04"]);
  });

  it("a day still to come is no day of an event the vocabulary names by an earlier year", async () => {
    const earlier = [
      "{id: cis_member_elections_2019, type: event, name: Elections in CIS member states in 2019}",
    ];
    const { proposed, leads } = await suggestOn(
      "The CIS said it was ready to observe the upcoming CIS member state elections, which are slated to be held on October 11.\n",
      {},
      "",
      earlier,
    );
    const found = [...proposed, ...leads].find((s) => s.claim.value === "2020-10-11");
    expect(found).toBeDefined();
    expect(guessedSubject(found!)).not.toBe("cis_member_elections_2019");
  });

  it("the date of the '2020 Kyrgyz parliamentary election' is in 2020: a date in 2021 near its name is another event's", async () => {
    const other = await suggestOn(
      "The military handed power to a civilian government in 2021 through the 2020 Kyrgyz parliamentary election.\n",
    );
    const later = [...other.proposed, ...other.leads].find((s) => s.claim.value === "2021");
    expect(later?.claim.subject).not.toBe("kyrgyz_election_2020");
    // A name's year range covers both years.
    const range = await suggestOn(
      "The 2020-21 Kyrgyz presidential election was held on January 10, 2021.\n",
      {},
      "",
      ["{id: kyrgyz_presidential_2021, type: event, name: 2020-21 Kyrgyz presidential election}"],
    );
    expect(range.proposed.find((s) => s.claim.value === "2021-01-10")?.claim.subject).toBe(
      "kyrgyz_presidential_2021",
    );
  });

  it("words every election sentence has ('vote', 'voters', 'election') do not pick a date property by its label", async () => {
    const residence = [
      "{id: residence_date, label: date on which a voter's registered residence decides where they vote, type: date, cardinality: single}",
    ];
    for (const text of [
      "Voters in the 2020 Kyrgyz parliamentary election can vote on October 4, election day.\n",
      "The 2020 Kyrgyz parliamentary election: voters vote on Sunday, October 4.\n",
    ]) {
      const { proposed } = await suggestOn(text, {}, "", [], residence);
      expect(proposed.find((s) => s.claim.value === "2020-10-04")?.claim.property, text).toBe(
        "date",
      );
    }
    // Its own words still pick it.
    const { proposed, leads } = await suggestOn(
      "For the 2020 Kyrgyz parliamentary election, the registered residence on October 4 decides where each voter votes.\n",
      {},
      "",
      [],
      residence,
    );
    expect(
      [...proposed, ...leads].find((s) => s.claim.value === "2020-10-04")?.claim.property,
    ).toBe("residence_date");
  });

  it("'than in December's local election' of the '2019 … local election', written in 2020: the year the text leaves out is the name's", async () => {
    const local = ["{id: kyrgyz_local_2019, type: event, name: 2019 Kyrgyz local election}"];
    const { proposed, leads } = await suggestOn(
      "Turnout was lower than in December's Kyrgyz local election.\n",
      {},
      "",
      local,
    );
    const december = [...proposed, ...leads].find((s) => s.kind === "date");
    expect(december?.claim.value).toBe("2019-12");
    expect(december && guessedSubject(december)).toBe("kyrgyz_local_2019");
    // A year the text gives stays as written.
    const stated = await suggestOn(
      "Turnout was lower than in the December 2020 Kyrgyz local election.\n",
      {},
      "",
      local,
    );
    expect([...stated.proposed, ...stated.leads].find((s) => s.kind === "date")?.claim.value).toBe(
      "2020-12",
    );
  });

  it("'September 22 as early voting day': the words after 'as' name what the date is", async () => {
    const days = [
      "{id: kyrgyz_nomination_2020, type: event, name: Nomination day of the 2020 Kyrgyz parliamentary election}",
      "{id: kyrgyz_early_voting_2020, type: event, name: Early voting in the 2020 Kyrgyz parliamentary election}",
    ];
    const { proposed } = await suggestOn(
      "For the 2020 Kyrgyz parliamentary election, the commission announced September 12 as nomination day and September 22 as early voting day.\n",
      { withTodos: true },
      "",
      days,
    );
    expect(proposed.find((s) => s.claim.value === "2020-09-22")?.claim.subject).toBe(
      "kyrgyz_early_voting_2020",
    );
  });

  it("'Diaspora voting will take place on June 24': a part of the election its subject's names do not name makes the date a lead", async () => {
    for (const [text, value] of [
      [
        "Voters abroad will cast their ballots on Saturday, October 3, ahead of the 2020 Kyrgyz parliamentary election.\n",
        "2020-10-03",
      ],
      [
        "Voting abroad for the 2020 Kyrgyz parliamentary election will take place on October 3.\n",
        "2020-10-03",
      ],
      [
        "Vote counting for the 2020 Kyrgyz parliamentary election started on Monday, October 5 at 2 p.m.\n",
        "2020-10-05",
      ],
      [
        "If no party wins, the 2020 Kyrgyz parliamentary election goes to a run-off on November 13.\n",
        "2020-11-13",
      ],
      [
        "Elected in the 2020 Kyrgyz parliamentary election, the members will be sworn in on Wednesday 28 October.\n",
        "2020-10-28",
      ],
      // The part named after the date ("for expatriates"), or anywhere before it when the date
      // is not the second of two ("… and on October 3 in Osh").
      [
        "The 2020 Kyrgyz parliamentary election will be held from 2 until 3 October for expatriates, and on 4 October at home.\n",
        "2020-10-02",
      ],
      [
        "The campaigns for the 2020 Kyrgyz parliamentary election began in Bishkek on Sunday and on Monday, September 7, in Osh.\n",
        "2020-09-07",
      ],
      [
        "Should there be a run-off after the 2020 Kyrgyz parliamentary election, it will be held on November 15.\n",
        "2020-11-15",
      ],
      // The word before "round of" says which round.
      [
        "Kyrgyz voters chose again: polls closed in the final round of parliamentary elections held on Sunday November 15.\n",
        "2020-11-15",
      ],
    ] as const) {
      const { proposed, leads } = await suggestOn(text);
      expect(
        proposed.find((s) => s.claim.value === value),
        text,
      ).toBeUndefined();
      expect(guessOf(leads, value), text).toBe("kyrgyz_election_2020");
    }
    // The same part named by the subject is proposed, and so is a date the noun of the election
    // names or follows ("the October 4 election", "the election on October 4").
    const abroad =
      "{id: kyrgyz_voting_abroad_2020, type: event, name: Voting abroad for the 2020 Kyrgyz parliamentary election}";
    const named = await suggestOn(
      "Voting abroad for the 2020 Kyrgyz parliamentary election will take place on October 3.\n",
      {},
      "",
      [abroad],
    );
    expect(named.proposed.find((s) => s.claim.value === "2020-10-03")?.claim).toMatchObject({
      subject: "kyrgyz_voting_abroad_2020",
      property: "date",
    });
    for (const text of [
      "Early voting beat the record of the October 4, 2020, parliamentary election, the 2020 Kyrgyz parliamentary election.\n",
      "The commission named September 12 as nomination day and October 4 as the day of the 2020 Kyrgyz parliamentary election.\n",
      "Voters abroad took part in the October 4 elections, the 2020 Kyrgyz parliamentary election.\n",
      "The campaign is over, and the 2020 Kyrgyz parliamentary election is set for October 4.\n",
    ]) {
      const { proposed } = await suggestOn(text);
      expect(proposed.find((s) => s.claim.value === "2020-10-04")?.claim.subject, text).toBe(
        "kyrgyz_election_2020",
      );
    }
  });

  it("a count is proposed with its subject only when a rule reads its owner; else the guess is a lead's first candidate", async () => {
    const owned = await suggestOn(
      "During the 2020 Kyrgyz election, the CIS observers visited more than 300 polling stations.\n",
    );
    expect(owned.proposed.find((s) => s.claim.value === 300)?.claim.subject).toBe(
      "cis_mission_kyrgyzstan_2020",
    );
    // A name before the count, "the election" (a word of the name), a name after the count:
    // the sentence suggests a subject, which the annotator confirms.
    for (const text of [
      "In the 2020 Kyrgyz parliamentary election, 2,400 polling stations opened.\n",
      "The 2020 Kyrgyz parliamentary election was held on October 4. In the election, 2,400 polling stations opened.\n",
      "2,400 polling stations opened in the 2020 Kyrgyz parliamentary election.\n",
    ]) {
      const { proposed, leads } = await suggestOn(text);
      expect(proposed.find((s) => s.claim.value === 2400)).toBeUndefined();
      const lead = leads.find((l) => l.claim.value === 2400);
      expect(lead?.claim).toMatchObject({ subject: "TODO", property: "polling_stations" });
      expect(lead?.todo.subject).toBe("choose the entity: kyrgyz_election_2020?");
    }
  });

  it("what a candidate did not get ('Neither X nor Y received more than 50 per cent') is no value of theirs", async () => {
    for (const text of [
      "In the 2021 Kyrgyz presidential election, neither Adakhan Madumarov nor Sadyr Japarov received more than 50 per cent of the vote.\n",
      "In the 2021 Kyrgyz presidential election, Sadyr Japarov did not receive 50 per cent of the vote.\n",
    ]) {
      const { proposed } = await suggestOn(text, {}, "", people, share);
      expect(
        proposed.find((s) => s.claim.value === 50),
        text,
      ).toBeUndefined();
    }
  });

  it("what a date dates, on rewrites: the same sentence reworded proposes the same claim; naming a part of the election makes it a lead", async () => {
    const forms = ["October 4", "4 October", "Oct. 4", "October 4th"];
    const links = [
      "was held on",
      "took place on",
      "is set for",
      "will be held on",
      "is scheduled for",
    ];
    const parts = [
      "Diaspora voting for",
      "Vote counting for",
      "The run-off of",
      "Early voting for",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...forms),
        fc.constantFrom(...links),
        fc.constantFrom(...parts),
        async (form, link, part) => {
          const plain = await suggestOn(
            `The 2020 Kyrgyz parliamentary election ${link} ${form}.\n`,
          );
          expect(plain.proposed.find((s) => s.claim.value === "2020-10-04")?.claim).toMatchObject({
            subject: "kyrgyz_election_2020",
            property: "date",
          });
          const ofPart = await suggestOn(
            `${part} the 2020 Kyrgyz parliamentary election ${link} ${form}.\n`,
          );
          expect(ofPart.proposed.find((s) => s.claim.value === "2020-10-04")).toBeUndefined();
          expect(ofPart.leads.map((l) => l.claim.value)).toContain("2020-10-04");
        },
      ),
      { numRuns: 25, seed: 20261207 },
    );
  });

  it("'X and Y won 135,218 votes and 79,597 respectively': the pairing by order is the annotator's to read", async () => {
    const votes = ["{id: votes, label: votes won, type: quantity, cardinality: single}"];
    const single = await suggestOn(
      "In the 2021 Kyrgyz presidential election, Sadyr Japarov won 135,218 votes.\n",
      {},
      "",
      people,
      votes,
    );
    expect(single.proposed.find((s) => s.claim.value === 135218)?.claim.subject).toBe("japarov");
    const { proposed, leads } = await suggestOn(
      "In the 2021 Kyrgyz presidential election, Adakhan Madumarov and Sadyr Japarov won 135,218 votes and 79,597 votes respectively.\n",
      {},
      "",
      people,
      votes,
    );
    for (const value of [135218, 79597]) {
      expect(proposed.find((s) => s.claim.value === value)).toBeUndefined();
      expect(leads.map((l) => l.claim.value)).toContain(value);
    }
  });

  it("a day without a year, read within three months of the publication, is of that year: no event named by the next year is its subject", async () => {
    const next = [
      "{id: austrian_election_2021, type: event, name: 2021 Austrian legislative election}",
    ];
    const { proposed } = await suggestOn(
      "In Austria, the court upheld the challenge against the September 22 election.\n",
      {},
      "",
      next,
    );
    const day = proposed.filter((s) => /^20\d\d-09-22$/.test(String(s.claim.value)));
    expect(day.map((s) => s.claim.subject)).not.toContain("austrian_election_2021");
    expect(day.map((s) => s.claim.value)).not.toContain("2021-09-22");
    // A year away, the next year's event may be meant ("the May 22 election" of 2021).
    const far = await suggestOn(
      "In Austria, the 2021 Austrian legislative election will be held on May 22.\n",
      {},
      "",
      next,
    );
    expect(far.proposed.find((s) => s.claim.value === "2021-05-22")?.claim.subject).toBe(
      "austrian_election_2021",
    );
  });

  it("the year a name gives the thing it names, wherever it stands before words about another thing, rules out a day of another year", async () => {
    const local = [
      '{id: kyrgyz_local_2019, type: event, name: "Kyrgyzstan\'s 2019 local elections"}',
    ];
    const { proposed, leads } = await suggestOn(
      "Kyrgyzstan's local elections took place on October 2.\n",
      { withTodos: true },
      "",
      local,
    );
    const day = [...proposed, ...leads].filter((s) => s.claim.value === "2020-10-02");
    expect(day).not.toEqual([]);
    expect(day.map((s) => s.claim.subject)).not.toContain("kyrgyz_local_2019");
    // A year in what the name says of another thing is not the named thing's own.
    expect(
      [
        "2016 Moldovan presidential election",
        "2020-21 Nigerien presidential election",
        "Georgia's 2020 parliamentary elections",
        "Presidential election 2024 in Russia",
        "Decree on holding the 2024 presidential election",
        "Aliyev's candidacy in the 2024 election",
        "Court ruling that the 2019 local elections were invalid",
        "The constitutional court's ruling annulling the 2019 Malawian presidential election",
        "2015 Saudi municipal elections (third session)",
      ].map(ownYears),
    ).toEqual([[2016], [2020, 2021], [2020], [2024], [], [], [], [], [2015]]);
  });

  it("'the final election is set for', 'the second round will be determined and set for' date the run-off: a lead when the subject guessed is the whole election", async () => {
    const whole = await suggestOn(
      "The 2020 Kyrgyz parliamentary election is set for October 18.\n",
    );
    expect(whole.proposed.map((s) => s.claim.value)).toContain("2020-10-18");
    for (const text of [
      "The 2020 Kyrgyz parliamentary election goes to a second round. The final election is set for October 18.\n",
      "The 2020 Kyrgyz parliamentary election goes to a second round. The final vote is set for October 18.\n",
      // Two verbs of one noun: the second round is what is set for the day.
      "After the votes of the 2020 Kyrgyz parliamentary election are counted, the second round will be determined and set for October 18.\n",
    ]) {
      const { proposed, leads } = await suggestOn(text);
      expect(
        proposed.map((s) => s.claim.value),
        text,
      ).not.toContain("2020-10-18");
      expect(
        leads.map((s) => s.claim.value),
        text,
      ).toContain("2020-10-18");
    }
    // "a second, knockout round" is the second round too, not the first round the vocabulary has.
    const firstRound = [
      "{id: kyrgyz_first_round_2021, type: event, name: First round of the 2021 Kyrgyz presidential election}",
    ];
    const knockout = await suggestOn(
      "In the 2021 Kyrgyz presidential election, the pair will now face off in a second, knockout round on October 18.\n",
      {},
      "",
      firstRound,
    );
    expect(knockout.proposed.map((s) => s.claim.value)).not.toContain("2020-10-18");
    expect(knockout.leads.map((s) => s.claim.value)).toContain("2020-10-18");
  });

  it("'born in 1968' is a person's birth, a lead with the vocabulary's birth property, not an event's date", async () => {
    const birth = ["{id: birth_date, label: date of birth, type: date, cardinality: single}"];
    for (const text of [
      "Sadyr Japarov, born in 1968, won the 2020 Kyrgyz parliamentary election.\n",
      "Sadyr Japarov was born on 6 December 1968, before the 2020 Kyrgyz parliamentary election.\n",
    ]) {
      const { proposed, leads } = await suggestOn(text, {}, "", people, birth);
      const born = (v: unknown) => typeof v === "string" && v.startsWith("1968");
      expect(
        proposed.filter((s) => born(s.claim.value)),
        text,
      ).toEqual([]);
      expect(leads.find((s) => born(s.claim.value))?.claim.property, text).toBe("birth_date");
    }
  });

  it("'the national legislative elections on October 4' is no day of a provincial or city vote", async () => {
    const city = [
      "{id: osh_city_election_2020, type: event, name: 2020 Osh city council election}",
    ];
    const local = await suggestOn(
      "In Osh, the 2020 Osh city council election was held on October 4.\n",
      {},
      "",
      city,
    );
    expect(guessOf([...local.proposed, ...local.leads], "2020-10-04")).toBe(
      "osh_city_election_2020",
    );
    const { proposed, leads } = await suggestOn(
      "In Osh, voters backed the ruling party in the national parliamentary elections held on October 4.\n",
      {},
      "",
      city,
    );
    const found = [...proposed, ...leads].find((s) => s.claim.value === "2020-10-04");
    expect(found).toBeDefined();
    expect(guessedSubject(found!)).not.toBe("osh_city_election_2020");
  });

  it("the head of a name stops before a verb's object ('Constitutional Court ruling annulling the … election' is a ruling, not an election)", async () => {
    const events = [
      "{id: kyrgyz_first_round, type: event, name: First round of the Kyrgyz presidential election}",
      "{id: kyrgyz_annulment_ruling, type: event, name: Constitutional Court ruling annulling the Kyrgyz presidential election}",
    ];
    const { proposed, leads } = await suggestOn(
      "The Constitutional Court of Kyrgyzstan has upheld the results of the first round of the presidential election held on October 4, solidifying plans for a run-off.\n",
      {},
      "",
      events,
    );
    const found = [...proposed, ...leads].find((s) => s.claim.value === "2020-10-04");
    expect(found).toBeDefined();
    expect(guessedSubject(found!)).not.toBe("kyrgyz_annulment_ruling");
  });

  it("a verb names the event its noun does ('was elected in 2020' dates the election, 'was amended in 2024' is of the amendment)", async () => {
    const amendment = [
      "{id: code_amendment_2024, type: event, name: 2024 amendment of the electoral code}",
    ];
    const elected = await suggestOn(
      "In Kyrgyzstan, Sadyr Japarov was elected in 2020.\n",
      { published: "2021-01-15" },
      "",
      people,
    );
    expect(elected.proposed.find((s) => s.claim.value === "2020")?.claim).toMatchObject({
      subject: "kyrgyz_election_2020",
      property: "date",
    });
    const amended = await suggestOn(
      "The electoral code was amended in 2024 to allow diaspora voting.\n",
      {},
      "",
      amendment,
    );
    expect(guessOf([...amended.proposed, ...amended.leads], "2024")).toBe("code_amendment_2024");
  });

  it("a name that ends a clause describing another ('the party, whose candidate was X, won 93 seats'), or before an age ('X, 68, led'), is not whose the count is", async () => {
    const party = ["{id: ata_jurt, type: organisation, name: Ata-Jurt}"];
    const seats = ["{id: seats_won, label: seats won, type: quantity, cardinality: single}"];
    const own = await suggestOn(
      "In the 2020 Kyrgyz parliamentary election, Sadyr Japarov won 93 seats.\n",
      {},
      "",
      [...people, ...party],
      seats,
    );
    expect(own.proposed.find((s) => s.claim.value === 93)?.claim.subject).toBe("japarov");
    for (const text of [
      // A number set off by commas after the name is the person's age.
      "In the 2020 Kyrgyz parliamentary election, Sadyr Japarov, 93, won the most seats.\n",
      "In the 2020 Kyrgyz parliamentary election, Ata-Jurt, whose main candidate was Sadyr Japarov, won 93 seats.\n",
      "In the 2020 Kyrgyz parliamentary election, Ata-Jurt, led by Sadyr Japarov, won 93 seats.\n",
      "In the 2020 Kyrgyz parliamentary election, Ata-Jurt, which is led by Sadyr Japarov, won 93 seats.\n",
      "In the 2020 Kyrgyz parliamentary election, Ata-Jurt, a close ally of President Sadyr Japarov, won 93 seats.\n",
      // Joined to the party by "and its": the two share the seats.
      "In the 2020 Kyrgyz parliamentary election, Ata-Jurt and its top candidate Sadyr Japarov won 93 seats.\n",
    ]) {
      const { proposed, leads } = await suggestOn(text, {}, "", [...people, ...party], seats);
      const all = [...proposed, ...leads].filter((s) => s.claim.value === 93);
      expect(all.length, text).toBe(1);
      expect(guessedSubject(all[0]!), text).not.toBe("japarov");
    }
  });

  it("a candidate's share of one province is a lead: the whole's share is another property", async () => {
    const national = await suggestOn(
      "In the 2021 Kyrgyz presidential election, Sadyr Japarov received 79.2 per cent of the vote.\n",
      {},
      "",
      people,
      share,
    );
    expect(national.proposed.find((s) => s.claim.value === 79.2)?.claim.subject).toBe("japarov");
    for (const text of [
      "In Chui Region, Sadyr Japarov received 79.2 per cent of the vote.\n",
      "Across Bishkek's two districts, Sadyr Japarov got 79.2 per cent of the vote.\n",
      "In the province of Osh, Sadyr Japarov received 79.2 per cent of the vote.\n",
      "Only one region held out, Chui, where Sadyr Japarov received 79.2 per cent of the vote.\n",
    ]) {
      const { proposed, leads } = await suggestOn(text, {}, "", people, share);
      expect(
        proposed.find((s) => s.claim.value === 79.2),
        text,
      ).toBeUndefined();
      expect(guessOf(leads, 79.2), text).toBe("japarov");
    }
    // Nor is a pair of figures told "respectively" proposed for the nearer name.
    const paired = await suggestOn(
      "Sadyr Japarov and Adakhan Madumarov received 79.2 per cent and 6.8 per cent respectively.\n",
      {},
      "",
      people,
      share,
    );
    expect(paired.proposed.filter((s) => s.kind !== "name")).toEqual([]);
    expect(paired.leads.map((s) => s.claim.value)).toEqual(expect.arrayContaining([79.2, 6.8]));
  });

  it("a share in a sentence that names no round is a lead when the vocabulary has a share for each round", async () => {
    const rounds = [
      "{id: first_round_share, label: share of the votes in the first round, type: quantity, unit: percent, cardinality: single}",
      "{id: runoff_share, label: share of the votes in the run-off, type: quantity, unit: percent, cardinality: single}",
    ];
    const unnamed = await suggestOn(
      "With all votes counted, Sadyr Japarov received 79.2 per cent of votes.\n",
      {},
      "",
      people,
      rounds,
    );
    expect(unnamed.proposed.find((s) => s.claim.value === 79.2)).toBeUndefined();
    expect(unnamed.leads.find((s) => s.claim.value === 79.2)?.claim.property).toBe("TODO");
    // However the label writes the run-off ("runoff" weighs as "run-off" does).
    const solid = await suggestOn(
      "With all votes counted, Sadyr Japarov received 79.2 per cent of votes.\n",
      {},
      "",
      people,
      rounds.map((r) => r.replace("in the run-off", "in the runoff")),
    );
    expect(solid.proposed.find((s) => s.claim.value === 79.2)).toBeUndefined();
    // The round named, its share.
    for (const [words, property] of [
      ["the first round", "first_round_share"],
      ["the run-off", "runoff_share"],
    ]) {
      const { proposed, leads } = await suggestOn(
        `Sadyr Japarov received 79.2 per cent of votes in ${words}.\n`,
        {},
        "",
        people,
        rounds,
      );
      const found = [...proposed, ...leads].find((s) => s.claim.value === 79.2);
      expect(found?.claim.property, words).toBe(property);
    }
  });
});

describe("dates that are not what a claim states, and whose a count is", () => {
  const values = async (text: string) => {
    const { proposed, leads } = await suggestOn(text, { withTodos: true });
    expect(leads).toEqual([]);
    return proposed.filter((s) => s.kind !== "name" && s.kind !== "status");
  };

  it("a length of time is no date", async () => {
    const found = await values(
      "The 2020 Kyrgyz parliamentary election was held on October 4. The commission may keep the stations open for 2 hours at most.\n",
    );
    expect(found.filter((s) => s.kind === "date").map((s) => s.claim.value)).toEqual([
      "2020-10-04",
    ]);
  });

  it("the day something was said is no claim: 'told reporters Oct. 2', 'On October 1, … said'", async () => {
    const found = await values(
      "The election will be held on October 4, the head of the commission told reporters Oct. 2.\nOn October 1, the chairman said that 16 political parties would take part in the election.\n",
    );
    expect(found.map((s) => s.claim.value)).toEqual(["2020-10-04", 16]);
  });

  it("a dateline in an agency's parentheses dates the report, not the election", async () => {
    for (const dateline of [
      "BISHKEK (Kabar News / Sputnik - 5th October, 2020)",
      "Bishkek, (Kabar News / Sputnik - 5th October, 2020)",
    ]) {
      // Below a short menu, and at the start of a line below a long one.
      for (const page of [
        "Home\nNews\nAsia\n\n",
        "Home\nNews\nAsia\nWorld\nSport\nMore\nVideo\n\n",
      ])
        await expectReportDayLead(
          `${page}${dateline} The 2020 Kyrgyz parliamentary election drew 16 political parties.\n`,
          `${dateline} below ${page.split("\n").length - 1} lines`,
        );
    }
  });

  it("a dateline deep in the page dates the report, with a dash or with the agency's tag alone ('Bishkek, Oct 5 (Kabar) The …'): a lead, not the election's date", async () => {
    const page = "Home\nNews\nAsia\nWorld\nSport\nMore\nVideo\n";
    for (const dateline of [
      "Bishkek, Oct 5 (Kabar).- The",
      "Bishkek, Oct 5 (Kabar) The",
      "Bishkek, Oct 5 : The",
    ]) {
      await expectReportDayLead(
        `${page}${dateline} 2020 Kyrgyz parliamentary election drew 16 political parties.\n`,
        dateline,
      );
    }
    // Not an agency's tag: a word in brackets in lower case, then the text; nor a dateline, a
    // day and a colon inside a sentence.
    for (const line of [
      "Bishkek, Oct 4 (local time) The 2020 Kyrgyz parliamentary election was held.",
      "The 2020 Kyrgyz parliamentary election was held on Oct 4: 16 parties took part.",
    ]) {
      const { proposed: held } = await suggestOn(`${page}${line}\n`);
      expect(held.find((s) => s.kind === "date")?.claim, line).toMatchObject({
        subject: "kyrgyz_election_2020",
        value: "2020-10-04",
      });
    }
  });

  it("a line of only a place with a comma and a date is a dateline, below a headline too; a heading that names the event by its date is not", async () => {
    for (const top of [
      "Review News\n\n",
      "Review News\n\nHistoric parliamentary elections were held across all of Kyrgyzstan\n",
    ]) {
      await expectReportDayLead(
        `${top}  Bishkek, Kyrgyzstan      Oct 5 2020\nBishkek: The 2020 Kyrgyz parliamentary election drew 16 political parties.\n`,
        top,
      );
    }
    const { proposed } = await suggestOn(
      "Review News\n\nKyrgyz Parliamentary Election, 4 October 2020\nThe 2020 Kyrgyz parliamentary election drew 16 political parties.\n",
    );
    expect(proposed.find((s) => s.kind === "date")?.claim).toMatchObject({
      subject: "kyrgyz_election_2020",
      value: "2020-10-04",
    });
  });

  it("a share whose rounds the vocabulary tells apart: the round the sentence names, else a lead among them", async () => {
    const rounds = [
      ...share,
      "{id: vote_share_first_round, label: share of the vote in the first round, type: quantity, unit: percent, cardinality: single}",
      "{id: vote_share_runoff, label: share of the vote in the run-off, type: quantity, unit: percent, cardinality: single}",
    ];
    const said =
      "In the 2021 Kyrgyz presidential election, Sadyr Japarov received 79.2 per cent of the vote.\n";
    // No round named: which share it is, the annotator says.
    const open = await suggestOn(said, {}, "", people, rounds);
    expect(open.proposed.find((s) => s.claim.value === 79.2)).toBeUndefined();
    expect(open.leads.find((s) => s.claim.value === 79.2)?.todo.property).toBe(
      "choose the property: vote_share? vote_share_first_round? vote_share_runoff?",
    );
    // The round named, in the value's clause or elsewhere in its sentence: that round's share.
    for (const named of [
      said.replace("Sadyr Japarov received", "in the first round Sadyr Japarov received"),
      "In the first round of the 2021 Kyrgyz presidential election, which was held on January 10, Sadyr Japarov received 79.2 per cent of the vote.\n",
    ]) {
      const first = await suggestOn(named, {}, "", people, rounds);
      expect(first.proposed.find((s) => s.claim.value === 79.2)?.claim, named).toMatchObject({
        subject: "japarov",
        property: "vote_share_first_round",
      });
    }
    // Without rounds in the vocabulary, the one share is proposed as before.
    const plain = await suggestOn(said, {}, "", people, share);
    expect(plain.proposed.find((s) => s.claim.value === 79.2)?.claim).toMatchObject({
      subject: "japarov",
      property: "vote_share",
    });
  });

  it("what brackets add to an event's name is not its head: '(second session)' makes no session", async () => {
    const session =
      "{id: kyrgyz_election_2020_second, type: event, name: 2020 Kyrgyz parliamentary election (second session)}";
    const { proposed } = await suggestOn(
      "The 2020 Kyrgyz parliamentary election was held on October 4. A session of the new parliament opened on November 5.\n",
      { withTodos: true },
      "",
      [session],
    );
    const opened = proposed.find((s) => s.claim.value === "2020-11-05");
    expect(opened?.claim.subject).not.toBe("kyrgyz_election_2020_second");
  });

  it("'October the 4th' is that day, not the month", async () => {
    const { proposed } = await suggestOn(
      "The 2020 Kyrgyz parliamentary election will be held October the 4th.\n",
    );
    expect(proposed.find((s) => s.kind === "date")?.claim).toMatchObject({
      subject: "kyrgyz_election_2020",
      value: "2020-10-04",
    });
  });

  it("a byline's date is the page's: no claim", async () => {
    for (const byline of [
      "By Staff Writer - October 5, 2020",
      "By , 5 Oct 2020, 12:32 PM Politics",
    ]) {
      const { proposed, leads } = await suggestOn(
        `Voters go to the polls\n\n${byline}\n\nThe 2020 Kyrgyz parliamentary election drew 16 political parties.\n`,
      );
      expect(
        [...proposed, ...leads].filter((s) => s.kind === "date"),
        byline,
      ).toEqual([]);
    }
  });

  it("'this year's … election' is a lead for the election's year, whatever labels its other words fit", async () => {
    const postal =
      "{id: postal_deadline, label: postal vote application deadline, type: date, cardinality: single}";
    const { proposed, leads } = await suggestOn(
      "Kyrgyz voters may apply for a postal vote in this year's parliamentary election.\n",
      {},
      "",
      [],
      [postal],
    );
    expect(proposed.find((s) => s.kind === "date")).toBeUndefined();
    const year = leads.find((s) => s.kind === "date");
    expect(year?.claim.value).toBe("2020");
    expect(year && guessedSubject(year)).toBe("kyrgyz_election_2020");
    // A stated year is no relative one: "in the 2020 election" is still proposed.
    const stated = await suggestOn(
      "Kyrgyz voters took part in the 2020 parliamentary election.\n",
      { published: "2021-01-15" },
    );
    expect(stated.proposed.find((s) => s.kind === "date")?.claim).toMatchObject({
      subject: "kyrgyz_election_2020",
      value: "2020",
    });
  });

  it("'which started in 2020': the verb right before 'in' makes the date a start", async () => {
    const protests = "{id: kyrgyz_protests, type: event, name: 2020 Kyrgyz protests}";
    const { proposed } = await suggestOn(
      "The 2020 Kyrgyz protests, which started in 2020, toppled the government.\n",
      { withTodos: true },
      "",
      [protests],
    );
    const started = proposed.find((s) => s.kind === "date" && s.claim.value === "2020");
    expect(started?.claim).toMatchObject({ subject: "kyrgyz_protests", property: "start_date" });
  });

  it("an agency's dateline with the date in two calendars and the agency as an acronym dates the report", async () => {
    const text =
      "Bishkek, Rabi'I 18, 1442, October 5, 2020, KABAR -- The 2020 Kyrgyz parliamentary election drew 16 political parties.\n";
    const { proposed, leads } = await suggestOn(text);
    expect(proposed.filter((s) => s.kind === "date")).toEqual([]);
    expect(leads.find((l) => l.kind === "date")?.claim).toMatchObject({
      subject: "TODO",
      value: "2020-10-05",
    });
    // Without the dash after it, the acronym is no agency ("October 5, 2020, CIS observers"): the
    // date is read as the sentence's, and only its property is left open.
    const told = await suggestOn(
      "Bishkek, October 5, 2020, CIS observers said the 2020 Kyrgyz parliamentary election went well.\n",
    );
    expect(told.leads.find((l) => l.kind === "date")?.claim).toMatchObject({
      subject: "kyrgyz_election_2020",
      value: "2020-10-05",
    });
  });

  it("an entity whose name's own words the article never uses is no candidate (the Tajik mission in a Kyrgyz article)", async () => {
    const found = await values(
      "Kyrgyz voters went to the polls. The ODIHR mission deployed 30 long-term observers.\n",
    );
    // The ODIHR's mission is neither the Tajik one nor the CIS's (which the article never names).
    const kyrgyz = found.find((s) => s.claim.value === 30);
    expect(kyrgyz && guessedSubject(kyrgyz)).toBeUndefined();
    const tajik = await values(
      "Tajik voters went to the polls. The ODIHR mission deployed 30 long-term observers.\n",
    );
    const mission = tajik.find((s) => s.claim.value === 30);
    expect(mission && guessedSubject(mission)).toBe("odihr_mission_tajikistan_2020");
  });

  it("a word that only starts like a month ('Maryland', 'Mayotte') is a name of its own the article must use", async () => {
    const maryland =
      "{id: maryland_primary_2020, type: event, name: Maryland's 2020 primary election (mostly by mail)}";
    const dateOf = async (text: string) => {
      const { proposed, leads } = await suggestOn(text, {}, "", [maryland]);
      const date = [...proposed, ...leads].find((s) => s.claim.value === "2020-10-04");
      return date && guessedSubject(date);
    };
    // Mail ballots are no trace of Maryland's primary in an article that never names Maryland.
    expect(
      await dateOf("Voters returned mail ballots for the October 4 election in record numbers.\n"),
    ).not.toBe("maryland_primary_2020");
    expect(
      await dateOf(
        "Maryland voters returned mail ballots for the October 4 election in record numbers.\n",
      ),
    ).toBe("maryland_primary_2020");
  });

  it("words that say what kind of election it is ('Legislative', 'Regional', 'Mayoral') are no name of its own the article must use", async () => {
    for (const name of [
      "2020 Chui Regional Council election",
      "2020 Chui Legislative Council election",
      "2020 Bishkek Mayoral election",
    ]) {
      const { proposed } = await suggestOn(
        `The 2020 ${name.includes("Bishkek") ? "Bishkek" : "Chui council"} election was held on October 11.\n`,
        {},
        "",
        [`{id: local_2020, type: event, name: ${name}}`],
      );
      expect(proposed.find((s) => s.claim.value === "2020-10-11")?.claim.subject, name).toBe(
        "local_2020",
      );
    }
  });

  it.each([
    "In the 2020 Kyrgyz election, 2,400 polling stations opened, the Central Election Commission said.\n",
    "In the 2020 Kyrgyz election, 2,400 polling stations opened, the Election Commission of Kyrgyzstan said.\n",
    "In the 2020 Kyrgyz election, 2,400 polling stations opened, the head of the Central Election Commission, Nurzhan Shaildabekova, said.\n",
    "In the 2020 Kyrgyz election, 2,400 polling stations opened, Nurzhan Shaildabekova, head of the Central Election Commission, told reporters.\n",
  ])("the organisation that tells a figure is not its subject: %s", async (text) => {
    const found = await values(text);
    expect(guessOf(found, 2400)).toBe("kyrgyz_election_2020");
  });

  it("nor when it is named without its country, and last", async () => {
    const found = await values(
      "Kyrgyz voters went to the polls. A total of 2,400 voters cast their ballots by noon, the Central Election Commission said.\n",
    );
    expect(guessOf(found, 2400)).toBe("kyrgyz_election_2020");
  });
});

describe("who approved, reported or dated a figure is not its subject", () => {
  const values = async (text: string) => {
    const { proposed, leads } = await suggestOn(text, { withTodos: true });
    expect(leads).toEqual([]);
    return proposed.filter((s) => s.kind !== "name" && s.kind !== "status");
  };

  it("'approved by' names who approved, not whose count it is", async () => {
    const found = await values(
      "Seven candidates were approved by the Kyrgyz Polling Agency for the 2020 Kyrgyz election.\n",
    );
    expect(guessOf(found, 7)).toBe("kyrgyz_election_2020");
  });

  it("'approved by the state-run …' names who approved, whatever the words before the name", async () => {
    const found = await values(
      "Seven candidates were approved by the state-run Kyrgyz Polling Agency for the 2020 Kyrgyz election.\n",
    );
    expect(guessOf(found, 7)).toBe("kyrgyz_election_2020");
  });

  it("'observers from 12 CIS member states': where people come from is not the organisation's count", async () => {
    const from = await values(
      "The CIS observer mission to the 2020 Kyrgyz parliamentary election brought observers from 12 CIS member states.\n",
    );
    expect(guessOf(from, 12)).toBe("cis_mission_kyrgyzstan_2020");
    const own = await values(
      "The CIS observer mission to the 2020 Kyrgyz parliamentary election spoke for the 12 CIS member states.\n",
    );
    expect(guessOf(own, 12)).toBe("cis");
  });

  it("'the commission has confirmed that …' tells the figure: it is not the commission's", async () => {
    const found = await values(
      "The Central Election Commission of Kyrgyzstan has confirmed that 2,400 polling stations opened.\n",
    );
    expect(guessOf(found, 2400)).toBeUndefined();
  });

  it("'observers have registered with the commission': who registers people is not whose count they are", async () => {
    const { proposed, leads } = await suggestOn(
      "A total of 120 foreign observers have registered with the Central Election Commission of Kyrgyzstan.\n",
    );
    expect(proposed.find((s) => s.claim.value === 120)).toBeUndefined();
    expect(leads.find((s) => s.claim.value === 120)?.claim.subject).toBe("TODO");
  });

  it("'the National Election Board (NEB) of Kyrgyzstan has confirmed that …': its country may follow the teller's name", async () => {
    const { proposed } = await suggestOn(
      "The National Election Board (NEB) of Kyrgyzstan has confirmed that 2,400 polling stations opened.\n",
      { withTodos: true },
      "",
      ["{id: election_board, type: organisation, name: National Election Board, acronym: NEB}"],
    );
    expect(proposed.find((s) => s.claim.value === 2400)?.claim.subject).toBe("TODO");
  });

  it("'journalists have registered with the State Registration Service of Kyrgyzstan (SRS)': not the service's count", async () => {
    const { proposed, leads } = await suggestOn(
      "A total of 120 foreign journalists have registered with the State Registration Service of Kyrgyzstan (SRS).\n",
      {},
      "",
      [
        "{id: kyrgyz_srs, type: organisation, name: State Registration Service of Kyrgyzstan, acronym: SRS}",
      ],
      ["{id: journalists, label: journalists accredited, type: quantity, cardinality: single}"],
    );
    expect(proposed.find((s) => s.claim.value === 120)).toBeUndefined();
    expect(leads.find((s) => s.claim.value === 120)?.claim).toMatchObject({
      subject: "TODO",
      property: "journalists",
    });
  });

  it("a word of what is counted backs one word of a property's label: 'voters who cast their vote' is not twice a count of voters", async () => {
    const { leads } = await suggestOn(
      "The 2020 Kyrgyz parliamentary election has 3,500,000 voters registered for it.\n",
      {},
      "",
      [],
      [
        "{id: votes_cast, label: voters who cast their vote, type: quantity, cardinality: single}",
        "{id: registered_voters, label: registered voters, type: quantity, cardinality: single}",
      ],
    );
    // A lead (a name before the count only suggests its subject), its property chosen.
    expect(leads.find((s) => s.claim.value === 3500000)?.claim.property).toBe("registered_voters");
  });

  it("an acronym two entities share ('NEC') is no mention of one whose country the article never names", async () => {
    const both = [
      "{id: nec_liberia, type: organisation, name: National Elections Commission of Liberia, acronym: NEC}",
      "{id: nec_kyrgyzstan, type: organisation, name: National Election Committee of Kyrgyzstan, acronym: NEC}",
    ];
    const { proposed, leads } = await suggestOn(
      "Kyrgyz voters went to the polls. The NEC counted 2,400 polling stations.\n",
      { withTodos: true },
      "",
      both,
    );
    // Not Liberia's: which NEC the text means is the annotator's to say.
    expect(leads).toEqual([]);
    expect(proposed.find((s) => s.claim.value === 2400)?.claim.subject).toBe("TODO");
  });

  it("'X report stated' names who reported it", async () => {
    const found = await values(
      "Kyrgyz Polling Agency report stated that in 25 constituencies the margin was small.\n",
    );
    expect(found.find((s) => s.claim.value === 25)?.claim.subject).toBe("TODO");
  });

  it("'a declaration dated 31 May' is the day a text bears", async () => {
    const found = await values(
      "The Kyrgyz parliamentary election is free, the mission said in a declaration dated 31 May.\n",
    );
    expect(found.filter((s) => s.kind === "date")).toEqual([]);
  });

  it("a period's bound with no entity in its sentence takes none from the next", async () => {
    const found = await values(
      "Kyrgyz officials asked for 24 long-term observers, to be deployed from 26 May. The 2020 Kyrgyz parliamentary election follows.\n",
    );
    expect(found.find((s) => s.kind === "date")?.claim.subject).toBe("TODO");
  });
});

describe("a date is an election's only when the text ties it to the election", () => {
  const dates = async (text: string) => {
    const { proposed, leads } = await suggestOn(text);
    const of = (all: typeof leads) =>
      all
        .filter((s) => s.kind === "date")
        .map((s) => `${s.claim.value} ${s.claim.subject} ${s.claim.property}`);
    return { proposed: of(proposed), leads: of(leads) };
  };

  it.each([
    ["The 2020 Kyrgyz parliamentary election is scheduled for October 4.\n", "2020-10-04"],
    ["Observers arrived ahead of the October 4 Kyrgyz parliamentary election.\n", "2020-10-04"],
    [
      "The 2020 Kyrgyz parliamentary election drew observers, who arrived ahead of the October 4 polls.\n",
      "2020-10-04",
    ],
    [
      "Elections to the Kyrgyz parliament, the Jogorku Kenesh, will be held on October 4.\n",
      "2020-10-04",
    ],
    [
      "Voters took part in the 2020 Kyrgyz parliamentary election on Sunday, October 4.\n",
      "2020-10-04",
    ],
  ])("tied: %s", async (text, value) => {
    expect((await dates(text)).proposed).toEqual([`${value} kyrgyz_election_2020 date`]);
  });

  it("'observation of the October 4 polls': a date describing the election's noun is its date, whatever property the sentence's words suggest", async () => {
    const { proposed } = await suggestOn(
      "Kyrgyz observers were deployed for long-term observation of the October 4 polls of the 2020 Kyrgyz parliamentary election.\n",
      {},
      "",
      [],
      [
        "{id: long_term_deployment_date, label: date of deployment for long-term observation, type: date, cardinality: single}",
      ],
    );
    expect(
      proposed
        .filter((s) => s.kind === "date")
        .map((s) => `${s.claim.value} ${s.claim.subject} ${s.claim.property}`),
    ).toEqual(["2020-10-04 kyrgyz_election_2020 date"]);
  });

  it("'the October polls' beside 'October 4': the less precise date is not proposed again, but a lead", async () => {
    const { proposed, leads } = await dates(
      "Observers came for the October polls. The 2020 Kyrgyz parliamentary election will be held on October 4.\n",
    );
    expect(proposed).toEqual(["2020-10-04 kyrgyz_election_2020 date"]);
    expect(leads).toEqual(["2020-10 kyrgyz_election_2020 date"]);
  });

  it("'arrived on October 1 … to observe the election': the arrival's date, a lead", async () => {
    const { proposed, leads } = await dates(
      "The CIS mission arrived in Bishkek on October 1 to observe the 2020 Kyrgyz parliamentary election, which is scheduled for October 4.\n",
    );
    expect(proposed).toEqual(["2020-10-04 kyrgyz_election_2020 date"]);
    expect(leads).toEqual(["2020-10-01 kyrgyz_election_2020 TODO"]);
  });

  it("'In September, X was accredited to observe the election': a lead", async () => {
    const { proposed, leads } = await dates(
      "In September, the CIS was accredited to observe the 2020 Kyrgyz parliamentary election.\n",
    );
    expect(proposed).toEqual([]);
    expect(leads).toEqual(["2020-09 kyrgyz_election_2020 TODO"]);
  });

  it("the election in 'election observation mission' is part of another name: no tie", async () => {
    const { proposed } = await dates(
      "The Kyrgyz parliamentary election went well. On October 2 the head of the OSCE election observation mission met the commission.\n",
    );
    expect(proposed).toEqual([]);
  });

  it.each([
    "The 2020 Kyrgyz parliamentary election, originally scheduled for October 4, was held a week later.\n",
    "The 2020 Kyrgyz parliamentary election had been set for October 4 before the crisis.\n",
    "The 2020 Kyrgyz parliamentary election, initially planned to be held on October 4, was delayed.\n",
    "The 2020 Kyrgyz parliamentary election was postponed from October 4.\n",
  ])("a date given up is not the event's date: %s", async (text) => {
    const { proposed, leads } = await dates(text);
    expect(proposed).toEqual([]);
    expect(leads).toEqual(["2020-10-04 kyrgyz_election_2020 TODO"]);
  });

  it("a date given up, with a property for it: that property", async () => {
    const { proposed } = await suggestOn(
      "The 2020 Kyrgyz parliamentary election, originally scheduled for October 4, was held a week later.\n",
      {},
      "",
      [],
      ["{id: original_date, label: date first scheduled, type: date, cardinality: single}"],
    );
    expect(
      proposed
        .filter((s) => s.kind === "date")
        .map((s) => `${s.claim.value} ${s.claim.subject} ${s.claim.property}`),
    ).toEqual(["2020-10-04 kyrgyz_election_2020 original_date"]);
  });

  it("'scheduled for October 4' alone is the event's date", async () => {
    const { proposed } = await dates(
      "The 2020 Kyrgyz parliamentary election is scheduled for October 4.\n",
    );
    expect(proposed).toEqual(["2020-10-04 kyrgyz_election_2020 date"]);
  });

  it("a fitting property but an untied election: the property stays, the subject is left", async () => {
    const { proposed, leads } = await dates(
      "The 2020 Kyrgyz parliamentary election drew many observers. The first of them started their work on September 3.\n",
    );
    expect(proposed).toEqual([]);
    expect(leads).toEqual(["2020-09-03 TODO start_date"]);
  });
});

describe("the places a group's observers reach are the group's", () => {
  const count = async (text: string) => {
    const { proposed, leads } = await suggestOn(text);
    const found = [...proposed, ...leads].find((s) => s.claim.value === 120);
    return { subject: found?.claim.subject, proposed: proposed.some((s) => s === found) };
  };

  it("'the CIS mission observed in 120 polling stations': the mission's, not the election's", async () => {
    expect(
      await count(
        "During the 2020 Kyrgyz parliamentary election, the CIS observer mission observed in 120 polling stations.\n",
      ),
    ).toEqual({ subject: "cis_mission_kyrgyzstan_2020", proposed: true });
  });

  it("'the CIS observed in …': the organisation's one mission", async () => {
    expect(
      await count(
        "During the 2020 Kyrgyz parliamentary election, the CIS observed in 120 polling stations.\n",
      ),
    ).toEqual({ subject: "cis_mission_kyrgyzstan_2020", proposed: true });
  });

  it("'observers were placed in 120 polling stations', no group named: a lead", async () => {
    expect(
      await count(
        "During the 2020 Kyrgyz parliamentary election, observers were placed in 120 polling stations.\n",
      ),
    ).toEqual({ subject: "TODO", proposed: false });
  });

  it("observers no group is named for: whose reach it is stays open, a lead", async () => {
    expect(
      await count(
        "During the 2020 Kyrgyz parliamentary election, observers were deployed to 120 polling stations.\n",
      ),
    ).toEqual({ subject: "TODO", proposed: false });
  });
});

describe("a weekday is found, and left to the annotator", () => {
  it("'the 2020 Kyrgyz parliamentary election was held on Sunday': a lead with its day; --with-todos proposes it", async () => {
    const text = "The 2020 Kyrgyz parliamentary election was held on Sunday.\n";
    const { proposed, leads } = await suggestOn(text);
    // suggestOn's article is published on Monday 2020-10-05.
    expect(proposed.filter((s) => s.kind === "date")).toEqual([]);
    const lead = leads.find((l) => l.claim.value === "2020-10-04")?.claim;
    expect(lead?.qualifiers).toMatchObject({ year: "publication" });
    expect([lead?.subject, lead?.property]).toContain("TODO");
    const drafts = await suggestOn(text, { withTodos: true });
    expect(drafts.proposed.map((s) => s.claim.value)).toContain("2020-10-04");
  });
});

describe("dates tied to their event", () => {
  const LAUNCH = [
    "{id: launch_date, label: date the mission was launched, type: date, cardinality: single}",
  ];
  const dated = async (text: string, value: string) => {
    const { proposed, leads } = await suggestOn(text, {}, "", [], LAUNCH);
    const found = [...proposed, ...leads].find((s) => s.claim.value === value);
    return found && { subject: found.claim.subject, property: found.claim.property };
  };

  it("'launched a mission to monitor the elections set for October 4': the election's date, not the launch's", async () => {
    expect(
      await dated(
        "The CIS launched its mission to monitor the 2020 Kyrgyz parliamentary election set for October 4.\n",
        "2020-10-04",
      ),
    ).toEqual({ subject: "kyrgyz_election_2020", property: "date" });
  });

  it("a label fitting the sentence only by the words naming the subject is not the date's property", async () => {
    const JOINED = [
      "{id: ltos_joined, label: date the long-term observers joined the mission, type: date, cardinality: single}",
    ];
    const MISSIONS = [
      "{id: cis_missions_2019, type: event, name: CIS short-term observation missions in 2019}",
    ];
    const { proposed, leads } = await suggestOn(
      "He coordinated short-term observation missions of the CIS in 2019.\n",
      { withTodos: true },
      "",
      MISSIONS,
      JOINED,
    );
    const found = [...proposed, ...leads].find((s) => s.claim.value === "2019");
    expect(found?.claim).toMatchObject({ subject: "cis_missions_2019", property: "date" });
    // Words of its own in the sentence ("joined") still make it the property.
    const joined = await suggestOn(
      "The long-term observers joined short-term observation missions of the CIS in 2019.\n",
      { withTodos: true },
      "",
      MISSIONS,
      JOINED,
    );
    expect(joined.proposed.find((s) => s.claim.value === "2019")?.claim.property).toBe(
      "ltos_joined",
    );
  });

  it("'today's election' dates the election, where 'today' alone dates only a meeting", async () => {
    // suggestOn's article is published on 2020-10-05.
    expect(
      await dated(
        "Observers say today's parliamentary election in Kyrgyzstan is calm.\n",
        "2020-10-05",
      ),
    ).toEqual({ subject: "kyrgyz_election_2020", property: "date" });
  });
});

describe("values whose subject or day the sentence does not settle are leads", () => {
  it("'today' in someone's words counts from the day they spoke: a lead", async () => {
    const MEETING = [
      "{id: cis_meeting_2020, type: event, name: Meeting of the CIS observers in 2020}",
    ];
    const quoted = await suggestOn(
      "“Today the CIS observers held a meeting,” the head of the mission said on Wednesday.\n",
      {},
      "",
      MEETING,
    );
    expect(quoted.proposed.filter((s) => s.kind === "date")).toEqual([]);
    expect(quoted.leads.map((l) => l.claim.value)).toContain("2020-10-05");
    // Outside quotation marks, "today" is the publication's day, and the meeting's date.
    const told = await suggestOn("Today the CIS observers held a meeting.\n", {}, "", MEETING);
    expect(told.proposed.find((s) => s.claim.value === "2020-10-05")?.claim.subject).toBe(
      "cis_meeting_2020",
    );
  });

  it("'11 teams, each with two members': a count for each of them, a lead", async () => {
    const { proposed, leads } = await suggestOn(
      "The CIS mission to the 2020 Kyrgyz parliamentary election deploys 11 teams of long-term observers, each with two members.\n",
      {},
      "",
      [],
      ["{id: members, label: members, type: quantity, cardinality: single}"],
    );
    expect(proposed.find((s) => s.claim.value === 2)).toBeUndefined();
    expect(leads.find((l) => l.claim.value === 2)?.claim.subject).toBe("TODO");
  });
});

describe("an event with rounds in the vocabulary", () => {
  const RUNOFF = [
    "{id: kyrgyz_runoff_2020, type: event, name: Runoff of the 2020 Kyrgyz parliamentary election}",
  ];
  const STATIONS = ["{id: stations, label: polling stations, type: quantity, cardinality: single}"];
  const of = async (text: string) => {
    const { proposed, leads } = await suggestOn(text, {}, "", RUNOFF, STATIONS);
    const found = [...proposed, ...leads].find((s) => s.claim.value === 2400);
    return {
      subject: found?.claim.subject,
      guess: found && guessedSubject(found),
      proposed: proposed.some((s) => s === found),
    };
  };

  it("a count the sentence gives the whole election, when the vocabulary has its runoff: the annotator says which", async () => {
    expect(
      await of("In the 2020 Kyrgyz parliamentary election, 2,400 polling stations opened.\n"),
    ).toMatchObject({ subject: "TODO", proposed: false });
  });

  it("a sentence that names the round chooses it", async () => {
    const named = await of(
      "In the runoff of the 2020 Kyrgyz parliamentary election, 2,400 polling stations opened.\n",
    );
    expect(named.guess).toBe("kyrgyz_runoff_2020");
    // A round the vocabulary does not have: the sentence has chosen, and the whole is its event.
    const first = await of(
      "In the first round of the 2020 Kyrgyz parliamentary election, 2,400 polling stations opened.\n",
    );
    expect(first.guess).toBe("kyrgyz_election_2020");
  });
});

describe("whose a count is, among several organisations or people", () => {
  it("'As in the 2020 Kyrgyz parliamentary election, there are 2,400 polling stations': what it is compared with is not its subject", async () => {
    const { proposed, leads } = await suggestOn(
      "As in the 2020 Kyrgyz parliamentary election, there are 2,400 polling stations.\n",
    );
    const found = [...proposed, ...leads].find((s) => s.claim.value === 2400);
    expect(found?.claim.subject).toBe("TODO");
    const plain = await suggestOn(
      "In the 2020 Kyrgyz parliamentary election, there are 2,400 polling stations.\n",
    );
    expect(guessOf([...plain.proposed, ...plain.leads], 2400)).toBe("kyrgyz_election_2020");
  });

  const MORE = [
    "{id: au, type: organisation, name: African Union, acronym: AU}",
    "{id: au_mission_kyrgyzstan_2020, type: group, name: AU observer mission to the 2020 Kyrgyz parliamentary election}",
    "{id: sadyr_japarov, type: person, name: Sadyr Japarov}",
  ];
  const PROPS = [
    "{id: observer_teams, label: teams of observers, type: quantity, cardinality: single}",
    "{id: vote_share, label: share of the vote, type: quantity, cardinality: single, unit: percent}",
  ];
  const subjectOf = async (text: string, value: number) => {
    const { proposed, leads } = await suggestOn(text, {}, "", MORE, PROPS);
    return guessOf([...proposed, ...leads], value);
  };

  it("'the CIS deployed 300 long-term observers, while the AU deployed 10 teams of observers': each organisation's mission", async () => {
    const text =
      "At the 2020 Kyrgyz parliamentary election, the CIS deployed 300 long-term observers, while the AU deployed 10 teams of observers.\n";
    expect(await subjectOf(text, 10)).toBe("au_mission_kyrgyzstan_2020");
    expect(await subjectOf(text, 300)).toBe("cis_mission_kyrgyzstan_2020");
  });

  it("a year the count's sentence names chooses among events of other years", async () => {
    const ELECTIONS = [
      "{id: kyrgyz_election_2015, type: event, name: 2015 Kyrgyz parliamentary election}",
      "{id: voters, label: voters, type: quantity, cardinality: single}",
    ];
    const votersOf = async (text: string, value: number) => {
      const { proposed, leads } = await suggestOn(text, {}, "", [ELECTIONS[0]!], [ELECTIONS[1]!]);
      return guessOf([...proposed, ...leads], value);
    };
    // suggestOn's article is published in 2020.
    expect(
      await votersOf(
        "At the 2015 Kyrgyz parliamentary election, 40,856 voters cast ballots.\n",
        40856,
      ),
    ).toBe("kyrgyz_election_2015");
    // "2018 council members" is a count, not a year.
    expect(
      await votersOf(
        "At the 2020 Kyrgyz parliamentary election, 2018 council members and 40,856 voters took part.\n",
        40856,
      ),
    ).toBe("kyrgyz_election_2020");
  });

  it("'According to Sadyr Japarov, 2,400 polling station results were entered': who tells a figure is not its owner", async () => {
    const told = await suggestOn(
      "In the 2020 Kyrgyz parliamentary election, according to Sadyr Japarov, 2,400 polling stations reported.\n",
      {},
      "",
      MORE,
      PROPS,
    );
    const all = [...told.proposed, ...told.leads];
    expect(all.find((s) => s.claim.value === 2400)).toBeDefined();
    expect(guessOf(all, 2400)).not.toBe("sadyr_japarov");
    expect(await subjectOf("Sadyr Japarov, 2,400 votes.\n", 2400)).toBe("sadyr_japarov");
  });

  it("'Sadyr Japarov, who has ruled the country for a record 22 years': the person's years", async () => {
    const years = await suggestOn(
      "In the 2020 Kyrgyz parliamentary election, Sadyr Japarov, who has ruled the country for a record 22 years, votes early.\n",
      {},
      "",
      MORE,
      ["{id: years_in_power, label: years in power, type: quantity, cardinality: single}"],
    );
    expect(
      [...years.proposed, ...years.leads].find((s) => s.claim.value === 22)?.claim.subject,
    ).toBe("sadyr_japarov");
    expect(
      await subjectOf(
        "In the 2020 Kyrgyz parliamentary election, Sadyr Japarov clinched 79.2% of the vote.\n",
        79.2,
      ),
    ).toBe("sadyr_japarov");
  });

  it("'Sadyr Japarov has been re-elected with 79.2% of the vote': the person's share", async () => {
    expect(
      await subjectOf(
        "In the 2020 Kyrgyz parliamentary election, Sadyr Japarov has been re-elected with 79.2% of the vote.\n",
        79.2,
      ),
    ).toBe("sadyr_japarov");
  });
});

describe("the parts a country is divided into are the country's", () => {
  const PLACES = [
    "{id: kyrgyzstan, type: place, name: Kyrgyzstan}",
    "{id: bishkek, type: place, name: Bishkek}",
  ];
  const REGIONS = ["{id: regions, label: regions, type: quantity, cardinality: single}"];
  const regions = async (text: string) => {
    const { proposed, leads } = await suggestOn(text, {}, "", PLACES, REGIONS);
    const found = [...proposed, ...leads].find((s) => s.claim.value === 7);
    return { subject: found?.claim.subject, proposed: proposed.some((s) => s === found) };
  };

  it("'deployed to all 7 regions of the country': the country the article names most", async () => {
    expect(
      await regions(
        "Kyrgyzstan votes today. The CIS observer mission to the 2020 Kyrgyz parliamentary election, based in Bishkek, deployed observers to all 7 regions of the country. Kyrgyzstan has 2,400 polling stations.\n",
      ),
    ).toEqual({ subject: "kyrgyzstan", proposed: true });
  });

  it("'the 7 regions of Kyrgyzstan', 'the country, which consists of 7 regions': the country's", async () => {
    expect(
      await regions(
        "The CIS observer mission to the 2020 Kyrgyz parliamentary election, based in Bishkek, covers the 7 regions of Kyrgyzstan.\n",
      ),
    ).toEqual({ subject: "kyrgyzstan", proposed: true });
    expect(
      await regions(
        "Kyrgyzstan votes today; the country, which consists of 7 regions, elects its parliament.\n",
      ),
    ).toEqual({ subject: "kyrgyzstan", proposed: true });
  });

  it("'the country, which is made up of 7 autonomous parts': its parts, whatever they are called", async () => {
    // No property counts parts: a lead, with the country as its subject.
    const found = await regions(
      "Kyrgyzstan votes today; the country, which is made up of 7 autonomous parts, elects its parliament.\n",
    );
    expect(found.subject).toBe("kyrgyzstan");
  });

  it("'some of the country’s 7 regions': the possessive counts them all, the country's", async () => {
    expect(
      await regions(
        "Kyrgyzstan votes today. The CIS observer mission will be deployed to some of the country’s 7 regions.\n",
      ),
    ).toEqual({ subject: "kyrgyzstan", proposed: true });
  });

  it("'in seven different regions of Kyrgyzstan': some of its regions, where the mission's observers work", async () => {
    expect(
      await regions(
        "The CIS observer mission to the 2020 Kyrgyz parliamentary election deployed observers in 7 different regions of Kyrgyzstan.\n",
      ),
    ).toEqual({ subject: "cis_mission_kyrgyzstan_2020", proposed: true });
  });

  it("two places named as often: whose regions they are stays open; without 'of the country', the mission's reach", async () => {
    expect(
      await regions(
        "Kyrgyzstan and Bishkek: the CIS observer mission deployed observers to all 7 regions of the country.\n",
      ),
    ).toEqual({ subject: "TODO", proposed: false });
    expect(
      await regions(
        "Kyrgyzstan votes today. The CIS observer mission to the 2020 Kyrgyz parliamentary election deployed observers to all 7 regions.\n",
      ),
    ).toEqual({ subject: "cis_mission_kyrgyzstan_2020", proposed: true });
  });
});

describe("the page's own figures are no statements", () => {
  it("contact details hold no date", () => {
    expect(
      spansOf("Press contact\nlocal mobile (from 21 June): +90 544 568 12 38\n").filter(
        (s) => s.kind === "date",
      ),
    ).toEqual([]);
  });

  it("an exchange-rate box holds no date and no count", () => {
    const text =
      "Currency rates from 23/09/2024\n$1 – 12729.83\nUZS – 0.04%\n€1 – 14207.76\nUZS – -0.11%\nThe election drew 1,200 observers, and $2 million was spent.\n";
    expect(spansOf(text, "2024-09-23").map((s) => s.text)).toEqual(["1,200", "2 million"]);
  });

  it("the publication date in figures beside the headline is covered by `published`", () => {
    const root = makeProject(
      {
        "claims/vocabulary.yaml": VOCABULARY,
        "sources/a.txt":
          "Menu\nSearch\nNews\nPolitics\nWorld\nKyrgyzstan 05/10/2020 Election held\nThe vote on 4 October 2020 went calmly.\n",
        // Read month first, 05/10/2020 is 10 May; on a page of 5 October it is that day.
        "claims/a.yaml": claimsFile("sources/a.txt", "2020-10-05"),
      },
      { vocabulary: false },
    );
    const r = runCli(["coverage", "--format", "json"], { cwd: root });
    expect(r.code).toBe(0);
    const statements = (
      JSON.parse(r.stdout) as {
        articles: { statements: { text: string; coveredBy: string[] }[] }[];
      }
    ).articles[0]!.statements;
    expect(statements.map((s) => [s.text, s.coveredBy])).toEqual([
      ["05/10/2020", ["#published"]],
      ["4 October 2020", []],
    ]);
  });
});

describe("claimcheck suggest with leads (real process)", { timeout: 60_000 }, () => {
  const files = {
    "claims/vocabulary.yaml": VOCABULARY,
    "sources/a.txt":
      "The 2020 Kyrgyz parliamentary election was held on October 4. In the 2020 Kyrgyz parliamentary election, 16 political parties took part and 23 lists were printed.\n",
    "claims/a.yaml": claimsFile("sources/a.txt", "2020-10-05"),
  };

  it("prints the proposals on stdout and the leads on stderr; --with-todos proposes them", () => {
    const root = makeProject(files, { vocabulary: false });
    const r = runCli(["suggest", "sources/a.txt"], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("23");
    expect(r.stdout).toContain(`    value: "2020-10-04"\n`);
    // The 16 parties: a lead, the subject only named before it (see the test above).
    expect(r.stdout).not.toContain("    value: 16\n");
    expect(r.stderr).toContain(
      "3 leads: values found whose subject or property is not clear, not proposed:\n",
    );
    expect(r.stderr).toContain(
      '  line 1: count "16": "2020 Kyrgyz parliamentary election, 16 political parties took part"; unknown: subject (kyrgyz_election_2020?)\n',
    );
    expect(r.stderr).toContain(
      '  line 1: count "23": "political parties took part and 23 lists were printed"; unknown: subject (kyrgyz_election_2020?), property (choose a property id from claims/vocabulary.yaml)\n',
    );
    expect(r.stderr).toContain("--with-todos");

    const t = runCli(["suggest", "sources/a.txt", "--with-todos"], { cwd: root });
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("    value: 23\n");
    expect(t.stderr).not.toContain("lead");
    expect(t.stderr).toMatch(/^5 suggested claims for 5 uncovered statements/);
  });
});

describe("who tells or makes a figure, and which count a narrower label belongs to", () => {
  const SHARE =
    "{id: share_counted, label: share of the votes counted, type: quantity, cardinality: single, unit: percent}";
  const ELIGIBLE =
    "{id: eligible_voters, label: eligible voters, type: quantity, cardinality: single}";
  const OBSERVERS = "{id: observers, label: observers, type: quantity, cardinality: single}";
  const proposal = async (text: string, value: number, properties: string[]) => {
    const { proposed, leads } = await suggestOn(text, {}, "", [], properties);
    return [...proposed, ...leads].find((s) => s.claim.value === value)?.claim;
  };

  it("'according to Kyrgyzstan’s Central Election Commission': the commission tells the share, it is not its subject", async () => {
    for (const text of [
      "In the 2020 Kyrgyz parliamentary election, according to the Central Election Commission, with 29 per cent of the votes counted, two parties lead.\n",
      "In the 2020 Kyrgyz parliamentary election, according to Kyrgyzstan’s Central Election Commission, 29 per cent of the votes were counted by noon.\n",
    ]) {
      const claim = await proposal(text, 29, [SHARE]);
      expect(claim?.property).toBe("share_counted");
      expect(claim?.subject).not.toBe("kyrgyz_cec");
    }
  });

  it("'projected at 3,500,000 by the National Polling Agency': who projects a figure is not its subject", async () => {
    const claim = await proposal(
      "For the 2020 Kyrgyz parliamentary election, eligible voters were projected at 3,500,000 by the National Polling Agency.\n",
      3_500_000,
      [ELIGIBLE],
    );
    expect(claim?.property).toBe("eligible_voters");
    expect(claim?.subject).not.toBe("kyrgyz_polling_agency");
  });

  it("'1,800 observers, including 300 long-term observers': the narrower label is the second count's", async () => {
    const text =
      "In the 2020 Kyrgyz parliamentary election, 1,800 observers, including 300 long-term observers, were accredited.\n";
    expect((await proposal(text, 1800, [OBSERVERS]))?.property).toBe("observers");
    expect((await proposal(text, 300, [OBSERVERS]))?.property).toBe("long_term_observers");
    // "20 long-term observers and 22 short-term observers": each label stays with its own count.
    const both =
      "In the 2020 Kyrgyz parliamentary election, the CIS mission had 20 long-term observers and 22 short-term observers.\n";
    const short =
      "{id: short_term_observers, label: short-term observers, type: quantity, cardinality: single}";
    expect((await proposal(both, 20, [short]))?.property).toBe("long_term_observers");
    expect((await proposal(both, 22, [short]))?.property).toBe("short_term_observers");
    // "22 Long Term Observers": the compound label's words, written apart.
    const apart =
      "In the 2020 Kyrgyz parliamentary election, the CIS mission deployed 22 Long Term Observers.\n";
    expect((await proposal(apart, 22, [OBSERVERS]))?.property).toBe("long_term_observers");
    // "76 international organizations" counts something else: its word narrows nothing here.
    const international =
      "{id: international_observers, label: international observers, type: quantity, cardinality: single}";
    const elsewhere =
      "In the 2020 Kyrgyz parliamentary election, 1,700 observers from 76 international organizations were accredited.\n";
    expect((await proposal(elsewhere, 1700, [OBSERVERS, international]))?.property).toBe(
      "international_observers",
    );
  });
});

describe("a year before the event it names", () => {
  it("'the 2015 elections' dates the 2015 election the vocabulary has", async () => {
    const { proposed } = await suggestOn(
      "Kyrgyz turnout was higher than in the 2015 elections, observers said.\n",
      {},
      "",
      ["{id: kyrgyz_election_2015, type: event, name: 2015 Kyrgyz parliamentary election}"],
    );
    expect(
      proposed
        .filter((s) => s.kind === "date")
        .map((s) => `${s.claim.value} ${s.claim.subject} ${s.claim.property}`),
    ).toEqual(["2015 kyrgyz_election_2015 date"]);
  });

  it("'the 2020 Kyrgyz parliamentary election', read in 2020: the bare year of the article's own time is a lead, the day is what is claimed", async () => {
    const { proposed, leads } = await suggestOn(
      "Kyrgyz turnout in the 2020 parliamentary elections was higher than in the 2015 elections.\n",
      {},
      "",
      ["{id: kyrgyz_election_2015, type: event, name: 2015 Kyrgyz parliamentary election}"],
    );
    expect(proposed.filter((s) => s.kind === "date").map((s) => s.claim.value)).toEqual(["2015"]);
    expect(leads.find((l) => l.claim.value === "2020")?.claim).toMatchObject({
      subject: "kyrgyz_election_2020",
      property: "date",
    });
    // --with-todos proposes every draft.
    const all = await suggestOn(
      "Kyrgyz turnout in the 2020 parliamentary elections was higher than in 2015.\n",
      { withTodos: true },
    );
    expect(all.proposed.map((s) => s.claim.value)).toContain("2020");
  });

  it("without such an event in the vocabulary, nothing is claimed of another year's", async () => {
    const { proposed, leads } = await suggestOn(
      "Kyrgyz turnout was higher than in the 2015 elections, observers said.\n",
    );
    expect(proposed.filter((s) => s.kind === "date")).toEqual([]);
    expect(leads.filter((l) => l.kind === "date").map((l) => l.claim.value)).toEqual(["2015"]);
  });
});

describe("what an election is made of is the election's", () => {
  // What the sentence says of whose count it is: the guess each lead offers first.
  const made = async (text: string) =>
    (
      await suggestOn(
        text,
        {},
        "",
        ["{id: sdpk, type: organisation, name: Social Democratic Party of Kyrgyzstan}"],
        [
          "{id: members, label: members, type: quantity, cardinality: single}",
          "{id: constituencies, label: constituencies, type: quantity, cardinality: single}",
          "{id: polling_places, label: polling places, type: quantity, cardinality: single}",
          "{id: turnout_5pm, label: turnout by 5 pm, type: quantity, unit: percent, cardinality: single}",
        ],
      )
    ).leads
      .filter((s) => s.kind === "number" || s.kind === "percent")
      .map((s) => `${s.claim.value} ${guessedSubject(s)} ${s.claim.property}`);

  it("polling stations a commission runs are the election's", async () => {
    expect(
      await made(
        "The 2020 Kyrgyz parliamentary election went ahead. The Central Election Commission of Kyrgyzstan is operating 2,400 polling stations.\n",
      ),
    ).toEqual(["2400 kyrgyz_election_2020 polling_stations"]);
  });

  it("the constituencies beside a party's name are the election's, unless the party won them", async () => {
    expect(
      await made(
        "The 2020 Kyrgyz parliamentary election went ahead. The Social Democratic Party of Kyrgyzstan fielded a candidate in each of the country's 24 constituencies.\n",
      ),
    ).toEqual(["24 kyrgyz_election_2020 constituencies"]);
    expect(
      await made(
        "The 2020 Kyrgyz parliamentary election went ahead. The Social Democratic Party of Kyrgyzstan won 24 constituencies.\n",
      ),
    ).toEqual(["24 sdpk constituencies"]);
  });

  it("the turnout a commission reports is the election's", async () => {
    expect(
      await made(
        "The 2020 Kyrgyz parliamentary election went ahead. The Central Election Commission of Kyrgyzstan was keen to stress that the turnout by 5 pm stood at 34.6%.\n",
      ),
    ).toEqual(["34.6 kyrgyz_election_2020 turnout_5pm"]);
  });

  it("polling places beside a commission's name are the election's", async () => {
    expect(
      await made(
        "The 2020 Kyrgyz parliamentary election went ahead. The Central Election Commission of Kyrgyzstan opened 2,400 polling places.\n",
      ),
    ).toEqual(["2400 kyrgyz_election_2020 polling_places"]);
  });

  it("the commission's own members stay the commission's", async () => {
    expect(
      await made(
        "The 2020 Kyrgyz parliamentary election went ahead. The Central Election Commission of Kyrgyzstan has 12 members.\n",
      ),
    ).toEqual(["12 kyrgyz_cec members"]);
  });
});

describe("an entity whose own name words the article never uses is not its subject", () => {
  it("'political' is no trace of 'Polish'", async () => {
    const { proposed, leads } = await suggestOn(
      "Japanese voters went to the polls amid political tension, with 370 candidates vying for 124 seats in the election.\n",
      {},
      "",
      [
        "{id: japan_election_2019, type: event, name: 2019 Japanese House of Councillors election}",
        "{id: polish_election_2019, type: event, name: 2019 Polish parliamentary election}",
      ],
    );
    const subjects = [...proposed, ...leads].map((s) => s.claim.subject);
    expect(subjects).not.toContain("polish_election_2019");
    expect(leads.map((l) => l.claim.value)).toContain(124);
  });
});

describe("a round the sentence names", () => {
  it("'the second round of elections will take place on October 18' dates the second round", async () => {
    const { proposed } = await suggestOn(
      "Kyrgyz voters chose between seven parties. The second round of elections will take place on October 18.\n",
      {},
      "",
      [
        "{id: kyrgyz_election_2020_first_round, type: event, name: First round of the 2020 Kyrgyz parliamentary election}",
        "{id: kyrgyz_election_2020_second_round, type: event, name: Second round of the 2020 Kyrgyz parliamentary election}",
      ],
    );
    expect(
      proposed
        .filter((s) => s.kind === "date")
        .map((s) => `${s.claim.value} ${s.claim.subject} ${s.claim.property}`),
    ).toEqual(["2020-10-18 kyrgyz_election_2020_second_round date"]);
  });
});

describe("the seats a party has are the seats it won", () => {
  // The guess each lead offers first, and the property chosen.
  const seats = async (text: string) =>
    (
      await suggestOn(
        text,
        {},
        "",
        ["{id: sdpk, type: organisation, name: Social Democratic Party of Kyrgyzstan}"],
        [
          "{id: seats_won, label: seats won, type: quantity, cardinality: single}",
          "{id: seats_gained_in_osh, label: seats gained in Osh, type: quantity, cardinality: single}",
        ],
      )
    ).leads
      .filter((s) => s.kind === "number")
      .map((s) => `${s.claim.value} ${guessedSubject(s)} ${s.claim.property}`);

  it("a party's seats: seats won", async () => {
    expect(await seats("The Social Democratic Party of Kyrgyzstan has 65 seats.\n")).toEqual([
      "65 sdpk seats_won",
    ]);
  });

  it("an election's seats: seats contested", async () => {
    expect(
      await seats("In the 2020 Kyrgyz parliamentary election, 120 seats were contested.\n"),
    ).toEqual(["120 kyrgyz_election_2020 seats"]);
  });
});
