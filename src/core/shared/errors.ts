/**
 * Every named error the core throws, each with when it is thrown (the adapters' own are in
 * src/xlsx/errors.ts and src/excel/errors.ts). An error is for misuse (a caller's mistake) or for
 * an input a command cannot start from; bad *data* in a user's workbook or file is a finding,
 * never one of these (see ../findings/rules). Messages are Chinese first, then English, and name
 * the thing at fault.
 */

/** parsePlan: the plan text has no recognisable annex, header, action or quota at `line`. */
export class PlanParseError extends Error {
  constructor(
    readonly line: number,
    readonly expected: string,
    readonly seen: string,
  ) {
    super(`第 ${line} 行无法解析：应为${expected}，实为「${seen}」 / line ${line}: expected ${expected}, saw "${seen}"`);
    this.name = "PlanParseError";
  }
}

/** Reading the packaged counties table: a line is not `市<TAB>县<TAB>区|县|市` (the package is broken). */
export class CountiesParseError extends Error {
  constructor(
    readonly line: number,
    readonly seen: string,
  ) {
    super(`县（市、区）表第 ${line} 行无法解析：应为「市<TAB>县<TAB>区|县|市」，实为「${seen}」 / counties table line ${line}: expected "city<TAB>county<TAB>区|县|市", saw "${seen}"`);
    this.name = "CountiesParseError";
  }
}

/** parseScope: a scope a person or caller gave is not province, city:<市> or unit:<单位> (or not in the plan). */
export class InvalidScopeError extends Error {
  constructor(
    readonly text: string,
    reason: { zh: string; en: string },
  ) {
    super(`填报范围「${text}」无效：${reason.zh} / invalid scope "${text}": ${reason.en}`);
    this.name = "InvalidScopeError";
  }
}

/** parsePeriod: a period a person or caller gave is not `YYYY-MM` or `YYYY-Qn`. */
export class InvalidPeriodError extends Error {
  constructor(readonly text: string) {
    super(`报告期「${text}」格式不对，应为 2026-10 或 2026-Q3 / period "${text}" must look like 2026-10 or 2026-Q3`);
    this.name = "InvalidPeriodError";
  }
}

/** parseCell / parseRange: an address that is not A1 notation (addresses come from Planbook or Excel, never from cell text). */
export class InvalidAddressError extends Error {
  constructor(readonly address: string) {
    super(`不是单元格地址：「${address}」 / not a cell address: '${address}'`);
    this.name = "InvalidAddressError";
  }
}

/** splitTarget: a total or weights no split can satisfy (a caller's mistake, not data). */
export class InvalidSplitError extends Error {
  constructor(
    readonly argument: string,
    reason: string,
  ) {
    super(`目标分解参数「${argument}」无效：${reason} / invalid split argument "${argument}": ${reason}`);
    this.name = "InvalidSplitError";
  }
}

/** planSplit / annexShares: asked for a quota or family id the revision does not have. */
export class UnknownQuotaError extends Error {
  constructor(
    readonly quotaId: string,
    revision: string,
  ) {
    super(`计划版本 ${revision} 中没有指标「${quotaId}」 / revision ${revision} has no quota or family "${quotaId}"`);
    this.name = "UnknownQuotaError";
  }
}

/** The CLI: an input or command line it cannot start from (unreadable file, bad option); exit code 2, one line. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/**
 * Making a period's sheet from the previous one: the sheet it is made from is not a Planbook sheet,
 * is for another scope, or is not for an earlier period (`from` names the file or sheet). An input
 * a command cannot start from, so the CLI says it as one.
 */
export class PreviousSheetError extends InputError {
  constructor(
    readonly from: string,
    reason: { zh: string; en: string },
  ) {
    super(`不能从「${from}」生成下一报告期：${reason.zh} / cannot make the next period from "${from}": ${reason.en}`);
    this.name = "PreviousSheetError";
  }
}

/** correctionOf / previousRefresh: a correction to a returned report that cannot be made as asked, naming the file. */
export class CorrectionError extends InputError {
  constructor(
    readonly file: string,
    reason: { zh: string; en: string },
  ) {
    super(`不能更正「${file}」：${reason.zh} / cannot correct "${file}": ${reason.en}`);
    this.name = "CorrectionError";
  }
}

/** applyCorrections / readCorrections: a correction to an imported plan names no quota of it, or a value it cannot take. */
export class InvalidCorrectionError extends Error {
  constructor(
    readonly entry: string,
    reason: string,
  ) {
    super(`校正「${entry}」无效：${reason} / invalid correction "${entry}": ${reason}`);
    this.name = "InvalidCorrectionError";
  }
}

/** required / matchGroup (./required): a value the code's own structure guarantees is missing — a bug in Planbook, never bad user data. */
export class MissingValueError extends Error {
  constructor(readonly what: string) {
    super(`内部错误：缺少${what} / internal error: ${what} is missing`);
    this.name = "MissingValueError";
  }
}
