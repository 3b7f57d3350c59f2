import { cellAddress, parseCell } from "./a1";
import type { SheetSnapshot } from "./snapshot";
import type { CellValue } from "../template/spec";

/**
 * Files written by a program (a script, a converter) hold formulas without the results a
 * spreadsheet would have stored with them, and a figure typed as `=120+35` would then read as
 * blank. What can be computed without doubt is computed here: numbers, references to cells of
 * the same sheet holding numbers, + - * / ^, parentheses, and SUM over those and ranges. Anything
 * else (another sheet, a function other than SUM, text, a blank or erroneous cell, a circular
 * reference) is left alone for the checks to report.
 */

type Token = { kind: "number"; value: number } | { kind: "ref"; text: string } | { kind: "op"; text: string } | { kind: "name"; text: string };

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![A-Za-z0-9_(!])|([A-Za-z_][A-Za-z0-9_.]*)(?=\s*\()|([-+*/^(),]))/y;

function tokenize(formula: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    if (/^\s*$/.test(formula.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(formula);
    if (!match) return null;
    if (match[1] !== undefined) tokens.push({ kind: "number", value: Number(match[1]) });
    else if (match[2] !== undefined) tokens.push({ kind: "ref", text: match[2].replace(/\$/g, "").toUpperCase() });
    else if (match[3] !== undefined) tokens.push({ kind: "name", text: match[3].toUpperCase() });
    else if (match[4] !== undefined) tokens.push({ kind: "op", text: match[4] });
    else return null;
  }
  return tokens;
}

/** A number a referenced cell holds, or null when it holds anything else (which stops the evaluation). */
type Lookup = (address: string) => number | null;

/** Recursive descent over the tokens; every failure is null, never a guess. */
function evaluateTokens(tokens: Token[], lookup: Lookup): number | null {
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOp = (text: string): boolean => {
    const token = peek();
    return token?.kind === "op" && token.text === text;
  };
  const values = (token: Token & { kind: "ref" }): number[] | null => {
    const [from, to = from] = token.text.split(":");
    if (from === undefined || to === undefined) return null;
    const a = parseCell(from);
    const b = parseCell(to);
    const cells: number[] = [];
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
        const n = lookup(cellAddress(r, c));
        if (n === null) return null;
        cells.push(n);
      }
      if (cells.length > 10_000) return null;
    }
    return cells;
  };
  const primary = (): number | null => {
    const token = peek();
    if (!token) return null;
    at++;
    if (token.kind === "number") return token.value;
    if (token.kind === "ref") {
      if (token.text.includes(":")) return null;
      return lookup(token.text);
    }
    if (token.kind === "op" && token.text === "(") {
      const inner = sum();
      if (inner === null || !isOp(")")) return null;
      at++;
      return inner;
    }
    if (token.kind === "op" && (token.text === "-" || token.text === "+")) {
      const operand = power();
      return operand === null ? null : token.text === "-" ? -operand : operand;
    }
    if (token.kind === "name" && token.text === "SUM" && isOp("(")) {
      at++;
      let total = 0;
      for (;;) {
        const next = peek();
        if (next?.kind === "ref" && next.text.includes(":")) {
          at++;
          const range = values(next);
          if (range === null) return null;
          total += range.reduce((x, y) => x + y, 0);
        } else {
          const argument = sum();
          if (argument === null) return null;
          total += argument;
        }
        if (isOp(",")) at++;
        else break;
      }
      if (!isOp(")")) return null;
      at++;
      return total;
    }
    return null;
  };
  const power = (): number | null => {
    let base = primary();
    while (base !== null && isOp("^")) {
      at++;
      const exponent = primary();
      base = exponent === null ? null : base ** exponent;
    }
    return base;
  };
  const product = (): number | null => {
    let left = power();
    while (left !== null && (isOp("*") || isOp("/"))) {
      const op = (tokens[at++] as { text: string }).text;
      const right = power();
      if (right === null || (op === "/" && right === 0)) return null;
      left = op === "*" ? left * right : left / right;
    }
    return left;
  };
  const sum = (): number | null => {
    let left = product();
    while (left !== null && (isOp("+") || isOp("-"))) {
      const op = (tokens[at++] as { text: string }).text;
      const right = product();
      if (right === null) return null;
      left = op === "+" ? left + right : left - right;
    }
    return left;
  };
  const result = sum();
  return result !== null && at === tokens.length && Number.isFinite(result) ? result : null;
}

/** The value of `formula` (`=…`), or null when it cannot be computed without doubt. */
export function evaluateFormula(formula: string, lookup: Lookup): number | null {
  const body = formula.replace(/^=/, "");
  const tokens = tokenize(body);
  return tokens && tokens.length > 0 ? evaluateTokens(tokens, lookup) : null;
}

/**
 * Fills in the values of a sheet's formulas that have no stored result, where they can be
 * computed (see above), and marks them `evaluated-formula`; the rest stay "" and
 * `uncached-formula`. A formula may refer to another uncached one; a cycle is never computed.
 */
export function evaluateUncachedFormulas(sheet: SheetSnapshot): void {
  const types = sheet.types;
  if (!types) return;
  const pending = new Set(Object.keys(types).filter((address) => types[address] === "uncached-formula"));
  const computing = new Set<string>();
  const valueOf = (address: string): number | null => {
    const { row, col } = parseCell(address);
    const type = types[address];
    if (type === "date" || type === "boolean" || type === "error") return null;
    if (pending.has(address)) {
      if (computing.has(address)) return null;
      computing.add(address);
      const result = evaluateFormula(String(sheet.formulas[row]?.[col] ?? ""), valueOf);
      computing.delete(address);
      pending.delete(address);
      if (result === null) return null;
      (sheet.values[row] ??= [])[col] = result;
      types[address] = "evaluated-formula";
      return result;
    }
    if (type === "uncached-formula") return null;
    const value: CellValue | undefined = sheet.values[row]?.[col];
    return typeof value === "number" ? value : null;
  };
  for (const address of [...pending]) if (pending.has(address)) valueOf(address);
}
