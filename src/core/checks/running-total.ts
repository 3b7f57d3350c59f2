import { type Finding, finding, type Where } from "../findings/findings";

/**
 * "A running total fell", one rule wherever it is asked: a sheet's 累计完成 against its own 上期累计
 * (check.ts), against the previous period's file (`check --previous`, previous.ts), and against an
 * earlier period's sheet of the same scope in the same workbook (check.ts, `cumulative-decreased`).
 * A merge and a history take each file's own findings, so they say it the same way.
 */
export interface EarlierFigure {
  /** The row is a running total (累计 of a cumulative or 每年 quota); a share, a ratio, a milestone may go down. */
  running: boolean;
  /** The earlier figure counts in the same cycle: a 每年 figure starts again each January, a 每季度 one each quarter. */
  sameCycle: boolean;
  cumulative: number;
  /** The earlier 累计 (or the 上期累计 carried in); null when there is none to compare with. */
  before: number | null;
}

/** True when a running total is below an earlier figure of its own counting cycle. */
export function runningTotalFell(figure: EarlierFigure): figure is EarlierFigure & { before: number } {
  return figure.running && figure.sameCycle && figure.before !== null && figure.cumulative < figure.before;
}

/** The error for a running total below the previous period's (`cumulative-fell`), at its 累计完成 cell; none when it did not fall. */
export function cumulativeFell(at: Where, figure: EarlierFigure, previousPeriod: string): Finding[] {
  if (!runningTotalFell(figure)) return [];
  return [finding("cumulative-fell", at, { cumulative: figure.cumulative, before: figure.before, previousPeriod }, figure.cumulative)];
}
