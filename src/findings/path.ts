/** A path inside a YAML document, as zod reports it: keys and list indexes. */
export type DocPath = readonly (string | number)[];

/** `claims[3].evidence.quote`: the form annotators read in messages. */
export function formatPath(path: DocPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || "(document)";
}
