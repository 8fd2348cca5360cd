import type { Formatter } from "./types.js";

/**
 * The report as JSON, in the shape described by report.schema.json. Compact, one line: reports
 * of large corpora run to tens of megabytes, and indentation would add half again (use jq to read).
 */
export const formatJson: Formatter = (report) => `${JSON.stringify(report)}\n`;
