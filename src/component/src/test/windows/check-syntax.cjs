// Parses PowerShell files with the tree-sitter PowerShell grammar and fails on a syntax error.
// Usage: node check-syntax.cjs [--statements] FILE...
//   prints "ok FILE" or "error FILE LINE:COLUMN what" per problem; exit 0 when every file parses, 1 otherwise,
//   2 on bad usage. --statements also prints one line per top-level statement of each file:
//   "statement FILE LINE verbatim-assignment $Name" for a statement that is exactly `$Name = '<one literal>'`,
//   else "statement FILE LINE other <node type>" (PowerShellSyntaxTest checks that rendered values stay inside
//   their strings with it).
// The grammar and runtime come from install.sh (NODE_PATH names its node_modules).
'use strict';
const fs = require('fs');
const { Parser, Language } = require('web-tree-sitter');

function problems(node, found) {
  if (node.isMissing) {
    found.push({ node, what: 'missing ' + node.type });
  } else if (node.isError) {
    found.push({ node, what: 'unexpected ' + JSON.stringify(node.text.slice(0, 40)) });
  } else if (node.hasError) {
    for (const child of node.children) problems(child, found);
  }
  return found;
}

function firstOfType(node, type) {
  if (node.type === type) return node;
  for (const child of node.namedChildren) {
    const hit = firstOfType(child, type);
    if (hit) return hit;
  }
  return null;
}

function describe(statement) {
  const literal = firstOfType(statement, 'string_literal');
  const match = /^\$([A-Za-z][A-Za-z0-9]*) = /.exec(statement.text);
  if (statement.type === 'pipeline' && literal && match && literal.text.startsWith("'")
      && statement.text === match[0] + literal.text) {
    return 'verbatim-assignment $' + match[1];
  }
  return 'other ' + statement.type;
}

(async () => {
  const args = process.argv.slice(2);
  const listStatements = args[0] === '--statements';
  const files = listStatements ? args.slice(1) : args;
  if (files.length === 0) {
    console.error('usage: node check-syntax.cjs [--statements] FILE...');
    process.exit(2);
  }
  await Parser.init();
  const grammar = require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm');
  const parser = new Parser();
  parser.setLanguage(await Language.load(grammar));
  let failed = false;
  for (const file of files) {
    const tree = parser.parse(fs.readFileSync(file, 'utf8'));
    const found = problems(tree.rootNode, []);
    if (found.length === 0) {
      console.log('ok ' + file);
    } else {
      failed = true;
      for (const { node, what } of found) {
        console.log('error ' + file + ' ' + (node.startPosition.row + 1) + ':' + (node.startPosition.column + 1) + ' ' + what);
      }
    }
    if (listStatements) {
      const list = tree.rootNode.namedChildren.find((child) => child.type === 'statement_list');
      for (const statement of list ? list.namedChildren : []) {
        if (statement.type === 'empty_statement' || statement.type === 'comment') continue;
        console.log('statement ' + file + ' ' + (statement.startPosition.row + 1) + ' ' + describe(statement));
      }
    }
  }
  process.exit(failed ? 1 : 0);
})().catch((error) => {
  console.error(String(error && error.stack || error));
  process.exit(2);
});
