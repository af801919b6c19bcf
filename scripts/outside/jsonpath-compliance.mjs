// Runs tests/data/jsonpath-compliance.json (the rows test_jsonpath checks Triptych's JSONPath against) through the
// npm package jsonpath-rfc9535, so the expected answers are not only ours. Usage: node jsonpath-compliance.mjs FILE
import { readFileSync } from 'node:fs';
import { query } from 'jsonpath-rfc9535';

const data = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const canonical = (value) =>
  JSON.stringify(value, (key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner);
const texts = (values, ordered) => {
  const out = values.map(canonical);
  return ordered ? out : out.sort();
};
let failures = 0;
let known = 0;
for (const row of data.rows) {
  let got;
  try {
    got = texts(query(data.documents[row.document], row.query), row.ordered);
  } catch (error) {
    got = [`error: ${error.message}`];
  }
  const want = texts(row.result, row.ordered);
  if (row.outsideDiffers) {
    known++;
    console.log(`known difference, ${row.name}: ${row.outsideDiffers}`);
  } else if (JSON.stringify(got) !== JSON.stringify(want)) {
    failures++;
    console.log(`FAIL ${row.name}: ${row.query}\n  expected ${want.join(', ')}\n  jsonpath-rfc9535 ${got.join(', ')}`);
  }
}
// The package checks syntax when it parses, but neither the function types of RFC 9535 §2.4.3 nor the integer range,
// and our nesting cap is ours alone: only syntax errors must be refused by both.
for (const row of data.invalid.filter((entry) => entry.kind === 'syntax')) {
  let accepted = false;
  try {
    query(data.documents.bookstore, row.query);
    accepted = true;
  } catch {
    // refused, as Triptych refuses it
  }
  if (accepted) {
    failures++;
    console.log(`FAIL ${JSON.stringify(row.query)} is accepted by jsonpath-rfc9535; Triptych refuses it (${row.error})`);
  }
}
console.log(`${data.rows.length} queries and ${data.invalid.length} invalid ones: ${failures} disagreement(s), ${known} known`);
process.exit(failures ? 1 : 0);
