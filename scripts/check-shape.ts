// The shape limits the code keeps (issue "Shape of the code"): no source file over 400 lines, no function over
// 80 lines. Plain data (object and array literals outside any function) is not a function and is not counted.
// Run by `npm test`; `tsx scripts/check-shape.ts --list` prints every function over 40 lines as well.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const MAX_FILE_LINES = 400;
export const MAX_FUNCTION_LINES = 80;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

interface LongFunction {
  file: string;
  line: number;
  name: string;
  lines: number;
}

function nameOf(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  if (parent && ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText().slice(0, 40)})`;
  return '(anonymous)';
}

export function longFunctions(file: string, text: string, min: number): LongFunction[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: LongFunction[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node)
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (end - start + 1 > min) found.push({ file, line: start + 1, name: nameOf(node), lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function main() {
  const list = process.argv.includes('--list');
  const problems: string[] = [];
  for (const path of sourceFiles('src')) {
    const text = readFileSync(path, 'utf8');
    const file = relative('.', path);
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > MAX_FILE_LINES) problems.push(`${file}: ${lines} lines (limit ${MAX_FILE_LINES}): split it by idea`);
    for (const f of longFunctions(file, text, list ? 40 : MAX_FUNCTION_LINES)) {
      const line = `${f.file}:${f.line} ${f.name}: ${f.lines} lines`;
      if (f.lines > MAX_FUNCTION_LINES) problems.push(`${line} (limit ${MAX_FUNCTION_LINES}): split it by step`);
      else console.log(line);
    }
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error(`\nshape: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log('shape: every file ≤ %d lines, every function ≤ %d lines', MAX_FILE_LINES, MAX_FUNCTION_LINES);
}

main();
