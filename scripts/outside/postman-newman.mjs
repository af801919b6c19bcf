// Triptych's Postman export judged by Postman's own tools: the collection loads with the postman-collection SDK, runs
// with newman against triptych-server, and every request answers as it does when triptych-cli sends the saved request.
// Usage: node postman-newman.mjs COLLECTION ENVIRONMENT WORKSPACE ENV_NAME TRIPTYCH_CLI
//        (npm install newman postman-collection)
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import postmanCollection from 'postman-collection';
import newman from 'newman';

const [collectionFile, environmentFile, workspace, envName, cli] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { Collection } = postmanCollection;
const json = JSON.parse(readFileSync(collectionFile, 'utf8'));
const collection = new Collection(json);
let loaded = 0;
collection.forEachItem((item) => { if (item.request && item.request.url.toString()) loaded++; });
const sdk = require('postman-collection/package.json').version;
console.log(`postman-collection ${sdk}: ${loaded} requests loaded from ${collectionFile}`);

// The folder path of every request, as the workspace has it, by the SDK's item id (newman runs this very instance).
const paths = new Map();
const walk = (group, prefix) => group.items.each((entry) => {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.items) walk(entry, path); else paths.set(entry.id, path);
});
walk(collection, '');
const pathOf = (item) => paths.get(item.id) ?? item.name;

const ran = [];
const summary = await new Promise((resolve, reject) => {
  newman.run({ collection, environment: JSON.parse(readFileSync(environmentFile, 'utf8')),
               timeoutRequest: 5000, reporters: [] }, (error, result) => (error ? reject(error) : resolve(result)))
    .on('request', (error, args) => {
      const stream = args.request.headers.get('Accept') === 'text/event-stream';
      const graphql = args.request.body?.mode === 'graphql';
      const write = graphql ? /^\s*mutation\b/.test(args.request.body.graphql.query) : args.request.method !== 'GET';
      ran.push({ path: pathOf(args.item), graphql, write, stream,
                 method: args.request.method, error: error ? error.code || error.message : null,
                 code: args.response?.code, body: args.response?.stream?.toString('utf8') });
    });
});
const version = require('newman/package.json').version;
console.log(`newman ${version}: ${summary.run.stats.requests.total} requests sent, ` +
            `${summary.run.failures.length} failures`);

// triptych-cli --json prints bodies with sorted keys (Qt's JSON objects are maps): compare with sorted keys too.
const sorted = (value) => Array.isArray(value) ? value.map(sorted)
  : value && typeof value === 'object' ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])]))
  : value;
const sameJson = (a, b) => {
  try { return JSON.stringify(sorted(JSON.parse(a))) === JSON.stringify(sorted(JSON.parse(b))); } catch { return a === b; }
};
// triptych-cli exits 1 when the call answered with an error status (a 409, say): its JSON record is still the answer.
const sendWithTriptych = (file) => {
  try {
    return execFileSync(cli, ['send', file, '--env', envName, '--json', '--no-trace'], { encoding: 'utf8' });
  } catch (error) {
    if (error.status === 1 && error.stdout) return error.stdout;
    throw error;
  }
};
let same = 0, differ = 0, skipped = 0;
for (const request of ran) {
  const file = `${workspace}/${request.path}.${request.graphql ? 'graphql' : 'rest'}`;
  if (request.stream) {
    // An event stream never ends by itself: newman waits for the whole body and gives up at its timeout.
    console.log(`SKIP ${request.path}: an event stream (newman: ${request.error ?? request.code})`);
    skipped++;
    continue;
  }
  const record = JSON.parse(sendWithTriptych(file));
  const status = record.response?.status;
  const body = JSON.stringify(record.response?.body);
  // Reads must give the same body; a write makes a new order each time, so its status is what can be compared.
  const bodyMatches = request.write || sameJson(request.body, body);
  if (request.error || status !== request.code || !bodyMatches) {
    differ++;
    console.log(`DIFF ${request.path}: newman ${request.error ?? request.code}, Triptych ${status}` +
                (bodyMatches ? '' : ', bodies differ'));
  } else {
    same++;
    console.log(`SAME ${request.path}: ${status}${request.write ? ' (a write: a new order each time)' : ', same body'}`);
  }
}
console.log(`newman vs Triptych: ${same} same, ${differ} different, ${skipped} skipped`);
process.exit(differ === 0 && loaded === ran.length ? 0 : 1);
