import { describe, expect, it } from "vitest";
import type { CheckableSpan } from "../../src/assist/checkable.js";
import { analyseArticle } from "../../src/assist/checkable.js";
import { bundledVocabulary, spansOf, textAt } from "./helpers.js";

const of = (spans: CheckableSpan[], kind: CheckableSpan["kind"]) =>
  spans.filter((s) => s.kind === kind);

describe("checkable spans: dates", () => {
  it.each([
    // text, publication date, span text, value, precision, implied year, relative
    [
      "It was signed on December 7, 2023.",
      "2024-02-05",
      "December 7, 2023",
      "2023-12-07",
      "day",
      false,
      false,
    ],
    [
      "The vote is scheduled for February 7.",
      "2024-02-05",
      "February 7",
      "2024-02-07",
      "day",
      true,
      false,
    ],
    // The year closest to the publication date: December before a February article.
    [
      "On December 19, the commission approved it.",
      "2024-02-05",
      "December 19",
      "2023-12-19",
      "day",
      true,
      false,
    ],
    [
      "Published 12 April 2018 in Baku.",
      "2018-04-12",
      "12 April 2018",
      "2018-04-12",
      "day",
      false,
      false,
    ],
    [
      "The talks ended in February 2024.",
      "2024-03-01",
      "February 2024",
      "2024-02",
      "month",
      false,
      false,
    ],
    [
      "The first phase would be completed by 2026.",
      "2024-02-08",
      "2026",
      "2026",
      "year",
      false,
      false,
    ],
    // A year before the event it names, whatever stands before it.
    [
      "It builds on the success of the 2014 elections.",
      "2018-11-25",
      "2014",
      "2014",
      "year",
      false,
      false,
    ],
    [
      "Turnout fell from its 2019 presidential poll.",
      "2024-02-08",
      "2019",
      "2019",
      "year",
      false,
      false,
    ],
    [
      "They will hold a press conference today.",
      "2024-02-08",
      "today",
      "2024-02-08",
      "day",
      false,
      true,
    ],
    [
      "The election is to be held on February 7 this year.",
      "2024-02-06",
      "February 7 this year",
      "2024-02-07",
      "day",
      false,
      true,
    ],
    [
      "They started operating a week ago.",
      "2018-04-12",
      "a week ago",
      "2018-04-05",
      "day",
      false,
      true,
    ],
  ] as const)(
    "%j (published %s)",
    (text, published, spanText, value, precision, implied, relative) => {
      const [date] = of(spansOf(text, published), "date");
      expect(date?.text).toBe(spanText);
      expect(date?.date).toMatchObject({ value, precision, impliedYear: implied, relative });
    },
  );

  it.each([
    // 2020-12-29 is a Tuesday.
    ["Voters went to the polls on Sunday.", "Sunday", "2020-12-27"],
    ["Tunisians vote Sunday in the early presidential elections.", "Sunday", "2020-12-27"],
    ["The run-off began Tuesday morning.", "Tuesday morning", "2020-12-29"],
    ["Voters will go to the polls on Sunday.", "Sunday", "2021-01-03"],
    ["Results are expected on Thursday.", "Thursday", "2020-12-31"],
    ["Results came on Thursday.", "Thursday", "2020-12-24"],
    // "held" after "will be" is still to come; after "was", it has passed.
    ["The run-off will be held on Sunday.", "Sunday", "2021-01-03"],
    ["The run-off was held on Sunday.", "Sunday", "2020-12-27"],
  ])("a weekday: %j is the %s of %s", (text, spanText, value) => {
    const [date] = of(spansOf(text, "2020-12-29"), "date");
    expect(date?.text).toBe(spanText);
    expect(date?.date).toMatchObject({ value, precision: "day", relative: true, weekday: true });
  });

  it.each([
    // Published 2024-10-16: the nearest April is April 2025, June June 2024, December December 2024.
    ["Turnout is a gauge of sentiment since the April general elections.", "April", "2024-04"],
    ["They lost 3 of the 17 seats they won in the December polls.", "December", "2023-12"],
    ["The vote will be held in June.", "June", "2025-06"],
    ["Elections are expected in June.", "June", "2025-06"],
    // Neither said, or both: the nearest.
    ["Crowds gathered in April.", "April", "2025-04"],
    ["The vote, which was postponed, will be held in June.", "June", "2024-06"],
  ])("a month without its year: %j is the %s of %s", (text, spanText, value) => {
    const [date] = of(spansOf(text, "2024-10-16"), "date");
    expect(date?.text).toBe(spanText);
    expect(date?.date).toMatchObject({ value, precision: "month", impliedYear: true });
  });

  it("'10.mar.2024' is that day; 'After 13 days of campaigning' is a length, whose 13 is a count", () => {
    const [dotted] = of(
      spansOf("The vote on Sunday (10.mar.2024) was calm.", "2024-03-12"),
      "date",
    ).filter((d) => d.text.includes("mar"));
    expect(dotted?.date).toMatchObject({
      value: "2024-03-10",
      precision: "day",
      impliedYear: false,
    });
    const spans = spansOf(
      "After 13 days of heated campaigning, Malaysians voted on March 8.",
      "2008-03-08",
    );
    expect(of(spans, "date").map((d) => d.text)).toEqual(["March 8"]);
    expect(spans.some((s) => s.kind === "number" && s.text.includes("13"))).toBe(true);
  });

  it("a weekday that says too little, or dates a statement, is no date of anything", () => {
    expect(of(spansOf("The count ends next Friday.", "2020-12-29"), "date")).toEqual([]);
    const [said] = of(spansOf("The OSCE on Monday said the vote was calm.", "2020-12-29"), "date");
    expect(said?.date?.ofReport).toBe(true);
    // Without a publication date, a weekday has no day.
    expect(
      analyseArticle("Voters went to the polls on Sunday.", {
        vocabulary: bundledVocabulary(),
      }).spans.filter((s) => s.kind === "date"),
    ).toEqual([]);
  });

  it("leaves out times of day, vague periods and 'may' the verb", () => {
    const text = "09:11. In the past few years, they may say so.";
    expect(of(spansOf(text), "date")).toEqual([]);
    expect(of(spansOf(text), "number")).toEqual([]);
  });

  it.each([
    ["'now' is the moment of writing", "A group of observers is now being organized.", []],
    [
      "a page's time stamp dates the page",
      "8 Feb. 14:05 (UTC+3 MSK)\n\nThe mission met on February 7.",
      ["February 7"],
    ],
    [
      "a page's date field before the headline on its line dates the page, not the headline's news",
      " date 2017-10-20 Japan elections on October 22: LDP ahead\nVoters went to the polls.",
      ["October 22"],
    ],
    ["written 'Date: …' too", "Date: 2017-10-20\nJapan voted on October 22.", ["October 22"]],
    [
      "but a date after 'the date' inside a sentence is the text's",
      "The commission set the date 2017-10-22 for the vote.",
      ["2017-10-22"],
    ],
    [
      "'in around eight weeks' is no day one can check",
      "The mission will report in around eight weeks.",
      [],
    ],
    [
      "'last week' is a week, not a day",
      "The observation last week showed that everything was calm.",
      [],
    ],
    [
      "a period is one date, with its end",
      "On 5-12 April 2018, the mission monitored the election.",
      ["5-12 April 2018"],
    ],
    [
      "'47 days before the election' counts from the election: how long, not when",
      "Ballots must be ready by September 20, which is 47 days before the election.",
      ["September 20"],
    ],
    ["nor 'two weeks after the vote'", "Results come two weeks after the vote.", []],
    [
      "nor '60 days after' what the words after it tell",
      "The vote takes place 60 days after former President Park was ousted.",
      [],
    ],
    [
      "a time stamp under a headline long enough to be a wrapped line dates the page",
      "Germany announces final results of Bundestag elections\n19:52, 12.10.2017\nThe director announced the results on October 12.",
      ["October 12"],
    ],
    [
      "but a time after 'at' at a line's start is the rest of the sentence",
      "Polling stations across the whole country will open at\n7:30 on October 12 for voters.",
      ["at 7:30 on October 12"],
    ],
    [
      "'between October 4 and 13 candidates' ends no period",
      "The field shrank between October 4 and 13 candidates remained.",
      ["October 4"],
    ],
    ["but '47 days ago' counts from the day of writing", "It opened 47 days ago.", ["47 days ago"]],
    [
      "'the first open race in 20 years' is how long, not when",
      "It is the first open race in 20 years.",
      [],
    ],
    ["nor 'the lowest turnout in 12 years'", "Turnout was the lowest in 12 years.", []],
    [
      "nor 'early in the day', which chrono reads as tomorrow",
      "According to a tweet early in the day from the spokesman, he will speak.",
      [],
    ],
    ["nor 'the busiest hour of the day'", "It was the busiest hour of the day.", []],
    [
      "but 'in two years' with nothing to measure is a date",
      "A new vote comes in two years.",
      ["two years"],
    ],
    [
      "no date is read across a line's end: 'in 24 years' and the next paragraph's '12' are no date in 2034",
      "11 April 2010 sees the first multi-party elections in 24 years\n\n12 candidates are contesting the election",
      ["11 April 2010"],
    ],
    [
      "a line ending on a date in figures, before a capital, is a page's stamp, not a wrapped sentence",
      "Beyza Binnur Donmez | 22.10.2023 - Update : 23.10.2023\nSwiss cast vote in federal elections\n\nThe Swiss voted on 22 October 2023.",
      ["22 October 2023"],
    ],
    [
      "a day and a time with their offset from UTC in brackets is a page's stamp, whatever words come first",
      "Other News Materials 29 September 2008 19:22 (UTC +04:00)\nVoters approved the constitution on 28 September 2008.",
      ["28 September 2008"],
    ],
    [
      "but a sentence that gives a time with its offset is text",
      "Polls close on 12 June 2022 at 20:00 (UTC+3).",
      ["12 June 2022 at 20:00 (UTC+3)"],
    ],
    [
      "a date after a page's capitalised label at the line's end is a page's stamp",
      "Muhammad Irfan Published June 05, 2022\nThe referendum was held on June 5, 2022.",
      ["June 5, 2022"],
    ],
    [
      "but the verb in a sentence is not a label",
      "The report was published June 5, 2022.",
      ["June 5, 2022"],
    ],
    [
      "a date with a page's label and a colon, 'on' between them or not, is a page's stamp",
      "(Last Updated On: April 20, 2018 2:22 pm)\nRegistration begins on May 22, 2018.",
      ["May 22, 2018"],
    ],
    [
      "the time since a page was put up, ending a line that is no sentence, is a page's stamp",
      "October 20, 2013 / 6:48 PM / 4 years ago\nThis was published 7 years ago\nThe vote was held on 20 October 2013.",
      ["20 October 2013"],
    ],
    [
      "but a sentence that ends on it is text",
      "The party was founded 4 years ago.",
      ["4 years ago"],
    ],
    [
      "but across a paragraph's wrapping, one is",
      "The votes of the elections held across the whole of the country on\nOctober 4 2020 were counted.",
      ["October 4 2020"],
    ],
  ])("%s", (_, text, wanted) => {
    expect(of(spansOf(text), "date").map((s) => s.text)).toEqual(wanted);
  });

  it("a period's end, and the word that makes a date a bound", () => {
    const [period] = of(spansOf("On 5-12 April 2018, the mission monitored."), "date");
    expect(period?.date).toMatchObject({ value: "2018-04-05", until: "2018-04-12" });
    const [since] = of(spansOf("The mission has worked since January 17."), "date");
    expect(since?.date).toMatchObject({ value: "2024-01-17", bound: "since" });
    // Each end has its own precision.
    for (const [text, value, until] of [
      ["He was mayor from October 2010 to 5 July 2013.", "2010-10", "2013-07-05"],
      ["He was mayor from 5 October 2010 to July 2013.", "2010-10-05", "2013-07"],
      ["He was mayor from May to June 2019.", "2019-05", "2019-06"],
      // The first day is written, though chrono takes it for implied.
      ["The council worked from 7 June to 7 November.", "2023-06-07", "2023-11-07"],
      [
        "Advance voting took place between October 4 and 13, said the clerk.",
        "2023-10-04",
        "2023-10-13",
      ],
      [
        "Some 9.8 million voters cast ballots between October 4 and 13 in early voting.",
        "2023-10-04",
        "2023-10-13",
      ],
      // Two days running, without "between", either way round.
      [
        "The two-day elections, held on April 12 and 13, saw a turnout of 80%.",
        "2024-04-12",
        "2024-04-13",
      ],
      ["Results can be appealed before the court on 3 and 4 April.", "2024-04-03", "2024-04-04"],
      ["The vote took place on 13th and 14th April.", "2024-04-13", "2024-04-14"],
    ]) {
      const [term] = of(spansOf(text!), "date");
      expect(term?.date, text).toMatchObject({ value, until });
    }
    // Two days that are not running are two dates, not a period.
    for (const text of [
      "The rounds are set for May 5 and 19.",
      "The rounds are set for 5 and 19 May.",
      "The rounds were held on 1.5 and 6 May.",
    ]) {
      const [first] = of(spansOf(text), "date");
      expect(first?.date?.until, text).toBeUndefined();
    }
    // A period without a year takes the year that puts it, as a whole, nearest the publication:
    // read on 20 September 2020, March to May is last spring's, though next March is nearer.
    for (const [text, published, value, until] of [
      ["The economy halted in a March-May lockdown.", "2020-09-20", "2020-03", "2020-05"],
      ["Talks are set for a January-February round.", "2020-12-20", "2021-01", "2021-02"],
    ]) {
      const [term] = of(spansOf(text!, published), "date");
      expect(term?.date, text).toMatchObject({ value, until, impliedYear: true });
    }
  });

  it("a year inside a name is part of the name", () => {
    const spans = spansOf('The "Election 2024" Independent Media Center was launched.');
    expect(of(spans, "date")).toEqual([]);
    expect(of(spans, "number")).toEqual([]);
    expect(of(spans, "name")[0]?.name?.entity).toBe("election_2024_media_center");
  });
});

describe("checkable spans: counts and percentages", () => {
  it.each([
    // text, span text, kind, value, hedge, noun
    [
      "Azerbaijan has registered seven candidates.",
      "seven",
      "number",
      7,
      undefined,
      ["candidates"],
    ],
    ["Azerbaijan has registered 7 candidates.", "7", "number", 7, undefined, ["candidates"]],
    [
      "The population exceeds three billion people.",
      "exceeds three billion",
      "number",
      3e9,
      "more than",
      ["people"],
    ],
    [
      "It monitored nearly 400 polling stations.",
      "nearly 400",
      "number",
      400,
      "nearly",
      ["polling", "stations"],
    ],
    [
      "The mission had close to 170 observers.",
      "close to 170",
      "number",
      170,
      "close to",
      ["observers"],
    ],
    [
      "For the first time in more than 30 years.",
      "more than 30",
      "number",
      30,
      "more than",
      ["years"],
    ],
    ["At least 1,200 people came.", "At least 1,200", "number", 1200, "at least", ["people"]],
    // A share is named by what it is a share of.
    [
      "It makes seven percent of the stations.",
      "seven percent",
      "percent",
      7,
      undefined,
      ["stations"],
    ],
    ["It makes 7% of the stations.", "7%", "percent", 7, undefined, ["stations"]],
    ["Turnout was about 76.4 per cent.", "about 76.4 per cent", "percent", 76.4, "about", []],
    // As real articles write them: "pc" glued to the digits, a decimal comma, a scale glued on.
    ["Turnout was highest (42.2pc) in Pest.", "42.2pc", "percent", 42.2, undefined, []],
    ["By 13:00 it was 23,24% in Sofia.", "23,24%", "percent", 23.24, undefined, []],
    ["There are 18.1million voters.", "18.1million", "number", 18_100_000, undefined, ["voters"]],
    [
      "Their territory covers two thirds of the area.",
      "two thirds",
      "percent",
      66.7,
      undefined,
      ["area"],
    ],
  ] as const)("%j", (text, spanText, kind, value, hedge, noun) => {
    const spans = spansOf(text).filter((s) => s.quantity);
    expect(spans).toHaveLength(1);
    const [q] = spans;
    expect(q?.kind).toBe(kind);
    expect(q?.text).toBe(spanText);
    expect(q?.quantity?.value).toBe(value);
    expect(q?.quantity?.hedge).toBe(hedge);
    expect(q?.quantity?.noun).toEqual(noun);
  });

  it.each([
    ["a section number", "1. The Mission's lineup\nThe Mission met."],
    ["a number that names", "Lerik-Astara constituency No. 80 and secki-2024 at GMT+4."],
    ["a range", "Some 13-14 observers fall on each station, in 2021-2022."],
    ["a time of day", "The elections started at 8.00 a.m. and completed at 7 p.m."],
    ["the page's layout", "+ \u21ba \u2212 16 px"],
    ["a year naming an event", "The 2015 elections and its 2019 presidential poll were calm."],
  ])("no count in %s", (_, text) => {
    expect(spansOf(text).filter((s) => s.quantity)).toEqual([]);
  });

  it("'one' as a pronoun is not a count, ordinals are not counts", () => {
    const text = "It is one of the priorities, for the first time, and no one objected.";
    expect(spansOf(text).filter((s) => s.quantity)).toEqual([]);
  });
});

describe("checkable spans: names, acronyms and titles", () => {
  it("an acronym in parentheses after a vocabulary name: the pair and the acronym", () => {
    const text = "the Commonwealth of Independent States (CIS) met. The CIS said so.";
    const names = of(spansOf(text), "name");
    expect(names.map((n) => [n.text, n.name?.form, n.key])).toEqual([
      [
        "Commonwealth of Independent States (CIS)",
        "pair",
        "name:cis:commonwealth of independent states",
      ],
      ["CIS", "acronym", "name:cis:cis"],
      ["CIS", "acronym", "name:cis:cis"],
    ]);
  });

  it("an acronym whose words the vocabulary does not know, and lower-case names (IDPs)", () => {
    const text =
      "The World Health Organization (WHO) helped former internally displaced persons (IDPs).";
    const pairs = of(spansOf(text), "name").filter((n) => n.name?.form === "pair");
    expect(pairs.map((p) => [p.name?.name, p.name?.acronym, p.name?.entity])).toEqual([
      ["World Health Organization", "WHO", undefined],
      ["internally displaced persons", "IDPs", "idps"],
    ]);
  });

  it("a known acronym after words that do not spell it is marked", () => {
    const text = "the Secretary General of the Union of Independent States (CIS) Sergey Lebedev";
    const pair = of(spansOf(text), "name").find((n) => n.name?.form === "pair");
    expect(pair?.name).toMatchObject({
      name: "Union of Independent States",
      acronym: "CIS",
      entity: "cis",
      initialsMismatch: true,
    });
  });

  it("a look-alike spelling of a vocabulary name (same confusable skeleton)", () => {
    const [name] = of(spansOf("President llham Aliyev hailed the cooperation."), "name");
    expect(name?.text).toBe("llham Aliyev");
    expect(name?.name).toMatchObject({ entity: "ilham_aliyev", lookAlikeOf: "Ilham Aliyev" });
  });

  it.each([
    [
      "Secretary General of the Shanghai Cooperation Organization (SCO) Rashid Alimov",
      "Secretary General of the Shanghai Cooperation Organization",
      "rashid_alimov",
    ],
    ["Azerbaijan's Prosecutor General Kamran Aliyev met", "Prosecutor General", "kamran_aliyev"],
    [
      "Minister of Foreign Affairs Jeyhun Bayramov received",
      "Minister of Foreign Affairs",
      "jeyhun_bayramov",
    ],
    [
      "Chairman of the Central Election Commission (CEC) of Azerbaijan Mazahir Panahov",
      "Chairman of the Central Election Commission",
      "mazahir_panahov",
    ],
    ["the President of Azerbaijan on his victory", "President of Azerbaijan", undefined],
    ["the CIS Secretary General requested", "CIS Secretary General", undefined],
    ["CEC chairman discussed", "CEC chairman", undefined],
  ] as const)("title in %j", (text, title, person) => {
    const [t] = of(spansOf(text), "title");
    expect(t?.text).toBe(title);
    expect(t?.title?.person).toBe(person);
  });

  it("not titles: a name containing one, a bare reference, a one-word title alone", () => {
    const text =
      "the Prosecutor General's Office of Azerbaijan told Trend. The Secretary General announced it. President Ilham Aliyev spoke.";
    expect(of(spansOf(text), "title")).toEqual([]);
  });
});

describe("checkable spans: event status", () => {
  it.each([
    ["the election to be held on February 7", "to be held", "scheduled"],
    ["the election, scheduled for February 7", "scheduled for", "scheduled"],
    ["the upcoming extraordinary presidential election", "upcoming", "scheduled"],
    ["they were held in the territories", "were held", "held"],
    ["this election had been also held in Azerbaijan", "had been also held", "held"],
    ["the presidential election was conducted in an open fashion", "was conducted", "held"],
  ] as const)("%j", (text, spanText, value) => {
    const [s] = of(spansOf(text), "status");
    expect(s?.text).toBe(spanText);
    expect(s?.status?.value).toBe(value);
  });
});

describe("checkable spans: positions", () => {
  it("count code points and lines as grounding does, through emoji and CRLF", () => {
    const text = "😀 Header\r\n\r\nAzerbaijan has registered seven candidates on February 7.\r\n";
    const spans = spansOf(text);
    for (const s of spans) expect(textAt(text, s)).toBe(s.text);
    const seven = spans.find((s) => s.kind === "number");
    expect(seven).toMatchObject({ line: 3, column: 27, start: 38, end: 43 });
  });

  it("match under grounding's normalisation: curly quotes and runs of spaces", () => {
    const text = "The \u201cElection 2024\u201d   Independent Media Center was launched.";
    const [name] = spansOf(text).filter((s) => s.kind === "name");
    expect(name?.text).toBe('"Election 2024" Independent Media Center');
    expect(textAt(text, name!)).toBe("\u201cElection 2024\u201d   Independent Media Center");
  });

  it("repeated mentions of one name share a key", () => {
    const spans = spansOf("Sergey Lebedev came. Sergey Lebedev spoke.").filter(
      (s) => s.kind === "name",
    );
    expect(spans).toHaveLength(2);
    expect(new Set(spans.map((s) => s.key)).size).toBe(1);
  });
});
