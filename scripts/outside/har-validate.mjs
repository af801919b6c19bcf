// Checks HAR files with har-validator (the HAR 1.2 JSON schema), printing every error it finds.
// Usage: node har-validate.mjs FILE.har…   (npm install har-validator)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import validator from 'har-validator';

const require = createRequire(import.meta.url);
const version = require('har-validator/package.json').version;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const har = JSON.parse(readFileSync(file, 'utf8'));
  try {
    await validator.har(har);
    console.log(`har-validator ${version}: ${file} is valid HAR ${har.log.version} (${har.log.entries.length} entries)`);
  } catch (error) {
    failed++;
    console.log(`har-validator ${version}: ${file} is NOT valid:`);
    for (const problem of error.errors ?? [error]) console.log(`  ${problem.instancePath ?? problem.dataPath ?? ''} ${problem.message}`);
  }
}
process.exit(failed ? 1 : 0);
