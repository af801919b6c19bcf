#!/usr/bin/env node
// Runs every document of documents.json through graphql-js 16 against schema.graphql + data.json and
// writes expected.json (one JSON response per document). Install the oracle with:
//   mkdir -p /tmp/gqloracle && cd /tmp/gqloracle && npm init -y && npm install graphql@16
//   NODE_PATH=/tmp/gqloracle/node_modules node oracle.js [outfile]
// Without outfile it also rewrites printed-schema.graphql (printSchema of schema.graphql).
// documents.json itself is written by make_documents.py.
'use strict';
const fs = require('fs');
const path = require('path');
const g = require('graphql');

const dir = __dirname;
const schema = g.buildSchema(fs.readFileSync(path.join(dir, 'schema.graphql'), 'utf8'));
const data = JSON.parse(fs.readFileSync(path.join(dir, 'data.json'), 'utf8'));
const documents = JSON.parse(fs.readFileSync(path.join(dir, 'documents.json'), 'utf8'));

function convert(value, args) {
  if (Array.isArray(value)) return value.map((item) => convert(item, args));
  if (value !== null && typeof value === 'object') {
    if ('__error' in value) return new g.GraphQLError(value.__error, { extensions: value.extensions });
    if ('__args' in value) return JSON.stringify(args);
  }
  return value;
}

function fieldResolver(source, args, _context, info) {
  if (source === null || typeof source !== 'object') return undefined;
  return convert(source[info.fieldName], args);
}

const results = documents.map((doc) => {
  const result = g.graphqlSync({
    schema,
    source: doc.query,
    rootValue: data,
    variableValues: doc.variables,
    operationName: doc.operationName,
    fieldResolver,
  });
  return JSON.stringify(result);
});
const out = process.argv[2] || path.join(dir, 'expected.json');
if (!process.argv[2]) fs.writeFileSync(path.join(dir, 'printed-schema.graphql'), g.printSchema(schema));
fs.writeFileSync(out, JSON.stringify(results, null, 1) + '\n');
console.log(`${results.length} documents -> ${out}`);
