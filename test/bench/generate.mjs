/**
 * A deterministic generator of synthetic claimcheck corpora: articles with realistic text,
 * claims files in the real format, and a vocabulary. The same size and seed always give the
 * same bytes. Spread: many subjects, a few facts stated by hundreds of sources, some conflicts,
 * hedged counts, partial dates, and names with look-alike characters.
 *
 *   node test/bench/generate.mjs <claims> <outdir> [--hot]
 *
 * --hot writes one fact stated by every source in varied surface forms ("7", "seven",
 * "close to 7", look-alike names): the comparison-cost scenario.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const CLAIMS_PER_ARTICLE = 25;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WORDS = ["seven", "eight", "nine", "ten", "eleven", "twelve"];
const FIRST = [
  "Ilham",
  "Sergey",
  "Rashid",
  "Mazahir",
  "Jeyhun",
  "Kamran",
  "Dmitry",
  "Zhakip",
  "Aliya",
  "Nurlan",
  "Olga",
  "Timur",
];
const LAST = [
  "Aliyev",
  "Lebedev",
  "Alimov",
  "Panahov",
  "Bayramov",
  "Asanov",
  "Kobitsky",
  "Petrova",
  "Sadykov",
  "Ivanova",
  "Karimov",
  "Usmanov",
];
const ORGS = [
  "Commonwealth of Independent States",
  "Shanghai Cooperation Organization",
  "Central Election Commission",
  "Council of Europe",
  "Economic Cooperation Organization",
  "Organization of Turkic States",
];
const FILLER = [
  "The meeting took place in a constructive atmosphere and the sides exchanged views on issues of mutual interest.",
  "Officials stressed the importance of transparency and of the participation of international observers.",
  "The delegation visited several regions and spoke with voters, officials and representatives of civil society.",
  "Both sides expressed confidence that cooperation would continue to develop in the years ahead.",
  "The press service said that further meetings were planned with members of parliament and the government.",
];

/** Mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, "0");
const yamlString = (s) => JSON.stringify(s);

/** Facts: subject, property, true value. Popularity follows a Zipf-like curve. */
function makeFacts(count, random) {
  const facts = [];
  for (let i = 0; i < count; i++) {
    const kind = ["date", "count", "name", "org", "position"][i % 5];
    const subject = `${kind === "name" || kind === "position" ? "person" : kind === "org" ? "org" : "event"}_${i}`;
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    const fact = { id: i, kind, subject, day, month, year: 2020 + Math.floor(random() * 5) };
    fact.count = 5 + Math.floor(random() * 400);
    fact.name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${suffix(Math.floor(i / (FIRST.length * LAST.length)))}`;
    fact.org = `${ORGS[i % ORGS.length]} ${i}`;
    facts.push(fact);
  }
  return facts;
}

/** Names repeat after 144 people; a family-name suffix (Ab, Ac, …) keeps every entity's name unique. */
function suffix(n) {
  if (n === 0) return "";
  let out = "";
  for (let k = n; k > 0; k = Math.floor(k / 26)) out = String.fromCharCode(97 + (k % 26)) + out;
  return `-${out[0].toUpperCase()}${out.slice(1)}ov`;
}

function pickFact(facts, random) {
  // Zipf-like: index ~ count^u, so a few facts are stated by hundreds of sources.
  const i = Math.floor(Math.exp(random() * Math.log(facts.length))) - 1;
  return facts[Math.max(0, Math.min(facts.length - 1, i))];
}

/** One claim and the sentence of the article that states it; sometimes a deliberate discrepancy. */
function statement(fact, article, n, random) {
  const wrong = random() < 0.03;
  const id = `a${article}-c${n}`;
  switch (fact.kind) {
    case "date": {
      const day = wrong ? ((fact.day + 2) % 28) + 1 : fact.day;
      const partial = random() < 0.3;
      const month = MONTHS[fact.month - 1];
      const text = partial
        ? `on ${month} ${day} the decision number ${fact.id} was taken`
        : `on ${month} ${day}, ${fact.year} the decision number ${fact.id} was taken`;
      const value = partial
        ? `--${pad(fact.month)}-${pad(day)}`
        : `${fact.year}-${pad(fact.month)}-${pad(day)}`;
      return {
        id,
        subject: fact.subject,
        property: "date",
        value: yamlString(value),
        text,
        quote: text,
      };
    }
    case "count": {
      const base = wrong ? fact.count * 2 + 7 : fact.count;
      const r = random();
      const hedge = r < 0.2 ? "close to" : r < 0.3 ? "nearly" : r < 0.35 ? "more than" : undefined;
      const shown = base < 13 && base >= 7 && r > 0.8 ? WORDS[base - 7] : String(base);
      const text = `${hedge ? `${hedge} ` : ""}${shown} observers were registered for mission ${fact.id}`;
      return {
        id,
        subject: fact.subject,
        property: "observers",
        value: String(base),
        hedge,
        text,
        quote: text,
      };
    }
    case "name": {
      const r = random();
      const name =
        r < 0.02
          ? fact.name.replace(/^I/, "l")
          : r < 0.03
            ? fact.name.replace("a", "\u0430")
            : fact.name;
      const text = `the delegation of ${name} (person ${fact.id}) arrived`;
      return {
        id,
        subject: fact.subject,
        property: "name",
        value: yamlString(name),
        text,
        quote: `${name} (person ${fact.id})`,
      };
    }
    case "org": {
      const org = wrong ? fact.org.replace(/^\w+/, "Union") : fact.org;
      const text = `representatives of the ${org} attended`;
      return {
        id,
        subject: fact.subject,
        property: "org_name",
        value: yamlString(org),
        text,
        quote: `the ${org} attended`,
      };
    }
    default: {
      const title =
        random() < 0.5
          ? `Secretary General of the ${ORGS[fact.id % ORGS.length]}`
          : `Chairman of the ${ORGS[fact.id % ORGS.length]}`;
      const text = `${fact.name} is the ${title} (position ${fact.id})`;
      return {
        id,
        subject: fact.subject,
        property: "position",
        value: yamlString(title),
        text,
        quote: `${title} (position ${fact.id})`,
      };
    }
  }
}

function vocabulary(facts) {
  const lines = ["entities:"];
  for (const f of facts)
    lines.push(
      `  - {id: ${f.subject}, type: ${f.kind === "org" ? "organisation" : f.kind === "name" || f.kind === "position" ? "person" : "event"}, name: ${yamlString(f.kind === "org" ? f.org : f.kind === "name" || f.kind === "position" ? f.name : `Event ${f.id}`)}}`,
    );
  lines.push(
    "properties:",
    "  - {id: date, label: date, type: date, cardinality: single}",
    "  - {id: observers, label: observers, type: quantity, cardinality: single}",
    "  - {id: name, label: name, type: name, cardinality: single}",
    "  - {id: org_name, label: name, type: name, cardinality: single}",
    "  - {id: position, label: position, type: name, cardinality: multiple}",
  );
  return `${lines.join("\n")}\n`;
}

function claimsFile(article, claims) {
  const out = [
    "# yaml-language-server: $schema=../claims.schema.json",
    `source: sources/article-${article}.txt`,
    `outlet: Outlet ${article % 500}`,
    `short_name: S${article}`,
    `published: "2024-${pad(1 + (article % 12))}-${pad(1 + (article % 28))}"`,
    `title: Article ${article}`,
    "claims:",
  ];
  for (const c of claims) {
    out.push(
      `  - id: ${c.id}`,
      `    subject: ${c.subject}`,
      `    property: ${c.property}`,
      `    value: ${c.value}`,
    );
    if (c.hedge) out.push(`    qualifiers:`, `      approximate: ${c.hedge}`);
    out.push(`    evidence: ${yamlString(c.quote)}`);
  }
  return `${out.join("\n")}\n`;
}

export function generate(totalClaims, dir, { hot = false, seed = 42 } = {}) {
  const random = rng(seed);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "claims"), { recursive: true });
  mkdirSync(join(dir, "sources"), { recursive: true });
  const perArticle = hot ? 1 : CLAIMS_PER_ARTICLE;
  const articles = Math.ceil(totalClaims / perArticle);
  const facts = hot
    ? makeFacts(1, random).map((f) => ({ ...f, kind: "count", count: 7 }))
    : makeFacts(Math.max(10, Math.floor(totalClaims / 8)), random);
  writeFileSync(join(dir, "claims/vocabulary.yaml"), vocabulary(facts));
  let written = 0;
  for (let a = 0; a < articles; a++) {
    const claims = [];
    const sentences = [];
    const used = new Set();
    for (let n = 0; n < perArticle && written < totalClaims; n++) {
      let fact = hot ? facts[0] : pickFact(facts, random);
      // One claim per fact per article keeps the synthetic articles from contradicting themselves.
      for (let tries = 0; used.has(fact.id) && tries < 20; tries++)
        fact = facts[Math.floor(random() * facts.length)];
      if (used.has(fact.id)) continue;
      used.add(fact.id);
      const s = statement(fact, a, n, random);
      claims.push(s);
      sentences.push(`${s.text}. ${FILLER[Math.floor(random() * FILLER.length)]}`);
      written++;
    }
    const body = `Article ${a}\n\n date 2024-${pad(1 + (a % 12))}-${pad(1 + (a % 28))} BAKU\u00a0\u2014 ${sentences.join("\n\n")}\n`;
    writeFileSync(join(dir, `sources/article-${a}.txt`), body);
    writeFileSync(join(dir, `claims/article-${a}.yaml`), claimsFile(a, claims));
  }
  return { articles, claims: written, facts: facts.length };
}

if (process.argv[1]?.endsWith("generate.mjs")) {
  const [size, out] = process.argv.slice(2);
  const info = generate(Number(size), out, { hot: process.argv.includes("--hot") });
  console.log(JSON.stringify(info));
}
