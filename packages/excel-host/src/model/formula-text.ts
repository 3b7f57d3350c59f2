import { columnIndex, columnLetter } from "../../../../src/core/snapshot";

const A1_REFERENCE = /(^|[^A-Za-z0-9_.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_!])/g;

/** Rewrites the A1 references outside string literals and quoted sheet names. */
function mapReferences(formula: string, map: (lead: string, colAbs: string, letters: string, rowAbs: string, digits: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(A1_REFERENCE, (_m: string, lead: string, colAbs: string, letters: string, rowAbs: string, digits: string) => map(lead, colAbs, letters, rowAbs, digits))))
    .join("");
}

/** Puts a literal in place of the references to one cell (for judging a value before it is stored). */
export function withCellValue(formula: string, row: number, col: number, value: unknown): string {
  const literal = typeof value === "number" ? String(value) : typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : `"${String(value).replace(/"/g, '""')}"`;
  return mapReferences(formula, (lead, colAbs, letters, rowAbs, digits) =>
    lead !== "!" && columnIndex(letters) === col && Number(digits) - 1 === row ? `${lead}${literal}` : `${lead}${colAbs}${letters}${rowAbs}${digits}`,
  );
}

/**
 * Moves a formula written for one cell to a cell `dRow`/`dCol` away, as Excel does for validation
 * and conditional formats: relative references move, `$`-anchored parts stay. String literals and
 * function names are left alone.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return mapReferences(formula, (lead, colAbs, letters, rowAbs, digits) => {
    const column = colAbs ? letters.toUpperCase() : columnLetter(columnIndex(letters) + dCol);
    const row = rowAbs ? Number(digits) : Number(digits) + dRow;
    return `${lead}${colAbs}${column}${rowAbs}${row}`;
  });
}

