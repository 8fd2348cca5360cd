/**
 * A project whose every free-text field carries markup or a script: claim values, evidence
 * quotes, notes, the articles' texts, outlets, titles, entity names and property labels. The html
 * report of it must show all of it as text and run none of it.
 */
import { makeProject } from "../helpers/project.js";

export const SCRIPT = "<script>window.__pwned=1</script>";
export const IMG = '"><img src=x onerror="window.__pwned=2">';
export const JS_URL = "javascript:alert(1)";
export const CLOSE = "</script><script>window.__pwned=3</script>";
export const COMMENT = "<!-- <script>window.__pwned=4</script>";
export const HOSTILE = [SCRIPT, IMG, JS_URL, CLOSE, COMMENT] as const;

/** Where each kind of field carries which hostile string, for tests that look for them. */
export const PLACES = {
  "entity name": `Org ${CLOSE}`,
  "property label": `name ${SCRIPT}`,
  outlet: `Outlet ${IMG}`,
  title: `Title ${CLOSE}`,
  "claim value": SCRIPT,
  "value in a diff": IMG,
  "agreed value": JS_URL,
  "single-source value": CLOSE,
  evidence: `calls itself ${SCRIPT} in public`,
  note: `A note ${CLOSE}`,
  "article text": `No claim quotes this line: ${IMG} ${SCRIPT} ${JS_URL}.`,
} as const;

/** YAML double-quoted scalar. */
const q = (s: string): string => JSON.stringify(s);

const vocabulary = `entities:
  - id: org
    type: organisation
    name: ${q(`Org ${CLOSE}`)}
  - id: person
    type: person
    name: ${q(`Person ${IMG}`)}
properties:
  - id: name
    label: ${q(`name ${SCRIPT}`)}
    type: name
    cardinality: single
  - id: motto
    label: motto
    type: text
    cardinality: single
`;

const textA = `The organisation calls itself ${SCRIPT} in public.
Its motto is ${JS_URL} and nothing else.
Its leader signs as ${COMMENT} always.
The leader's motto: ${CLOSE} end.
No claim quotes this line: ${IMG} ${SCRIPT} ${JS_URL}.
`;
const textB = `Here the organisation is named ${IMG} instead.
Its motto is ${JS_URL} as well.
The leader signs as Person A.
`;

const claimsA = `source: sources/a.txt
outlet: ${q(`Outlet ${SCRIPT}`)}
short_name: Alpha
published: "2024-02-06"
title: ${q(`Title ${IMG}`)}
claims:
  - id: a-org-name
    subject: org
    property: name
    value: ${q(SCRIPT)}
    qualifiers:
      note: ${q(`A note ${CLOSE}`)}
    evidence: ${q(`calls itself ${SCRIPT} in public`)}
  - id: a-org-motto
    subject: org
    property: motto
    value: ${q(JS_URL)}
    evidence: ${q(`Its motto is ${JS_URL}`)}
  - id: a-person-name
    subject: person
    property: name
    value: ${q(COMMENT)}
    evidence: ${q(`signs as ${COMMENT} always`)}
  - id: a-person-motto
    subject: person
    property: motto
    value: ${q(CLOSE)}
    evidence: ${q(`motto: ${CLOSE} end`)}
`;
const claimsB = `source: sources/b.txt
outlet: ${q(`Outlet ${IMG}`)}
short_name: Beta
published: "2024-02-07"
title: ${q(`Title ${CLOSE}`)}
claims:
  - id: b-org-name
    subject: org
    property: name
    value: ${q(IMG)}
    evidence: ${q(`named ${IMG} instead`)}
  - id: b-org-motto
    subject: org
    property: motto
    value: ${q(JS_URL)}
    evidence: ${q(`motto is ${JS_URL} as`)}
  - id: b-person-name
    subject: person
    property: name
    value: Person A
    evidence: signs as Person A
`;

/** The hostile project on disk; returns its root. */
export function makeHostileProject(): string {
  return makeProject(
    {
      "claims/vocabulary.yaml": vocabulary,
      "claims/a.yaml": claimsA,
      "claims/b.yaml": claimsB,
      "sources/a.txt": textA,
      "sources/b.txt": textB,
    },
    { vocabulary: false },
  );
}
