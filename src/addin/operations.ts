/**
 * What the task pane's views may ask of the workbook and of files. The views get it as a prop and
 * import no adapter, so the same view runs in Excel, in the playground and in jsdom (where a test
 * can hand it a small fake). `createOfficeOperations` is the Office.js implementation.
 */
import type { Finding } from "../core/findings";
import type { MergeInputFile } from "../core/merge";
import type { ImportedPlan, LevelRecord, PlanRevision } from "../core/plan";
import type { BuiltTemplate, FormSettings, SplitRecord } from "../core/template";
import type { AuditResult, PreviousFile } from "../excel/audit";
import type { GenerateOptions, GenerateResult, NextPeriodOptions, NextPeriodResult } from "../excel/generate";
import type { LiveChecking, LiveCheckingOptions } from "../excel/live";
import type { MergeOptions, MergeResult } from "../excel/merge";
import type { HistoryOptions, HistoryResult } from "../excel/progress";
import type { RefreshPreviousOptions, RefreshPreviousResult } from "../excel/previous";

export type { AuditResult, GenerateOptions, GenerateResult, HistoryOptions, HistoryResult, RefreshPreviousResult, MergeResult, NextPeriodOptions, NextPeriodResult, PreviousFile };

/** What a long operation tells the person while it runs: a new attempt (Excel never started the last), or that Excel is still working. */
export type RunProgress = { kind: "retrying"; attempt: number; of: number } | { kind: "working"; seconds: number };

export interface PlanbookOperations {
  /** 生成模板: writes (or regenerates) the reporting sheet; `onProgress` hears of retries and of a slow Excel still working. */
  generate(options: GenerateOptions, onProgress?: (progress: RunProgress) => void): Promise<GenerateResult>;
  /**
   * 下一报告期: the period after the active Planbook sheet's, made from it (上期累计 carried in,
   * milestone states carried on); `onProgress` as for `generate`.
   */
  nextPeriod(options: NextPeriodOptions, onProgress?: (progress: RunProgress) => void): Promise<NextPeriodResult>;
  /**
   * 更新上期累计: the active sheet's 上期累计 brought in line with the corrected previous period's sheet
   * of the workbook, each change logged in 修改记录 (as `planbook correct --previous`).
   */
  refreshPrevious(options: RefreshPreviousOptions): Promise<RefreshPreviousResult>;
  /** Checks cells as a person types, until stopped. */
  startLiveChecking(options: LiveCheckingOptions): Promise<LiveChecking>;
  /**
   * 校验: every check of every Planbook sheet, written to the 审核结果 sheet; with `previous` (the
   * previous period's file, read by readFiles) also the checks across the two periods.
   */
  audit(options: { revisions: PlanRevision[]; password: string | null; previous?: PreviousFile | null }): Promise<AuditResult>;
  /** Selects a finding's cell, so a person can fix it. */
  selectCell(finding: Pick<Finding, "sheet" | "cell">): Promise<void>;
  /** The split targets (目标分解) stored in the workbook. */
  readSplits(): Promise<SplitRecord[]>;
  /** Stores split targets in the workbook, replacing earlier splits of the same quotas. */
  saveSplit(records: SplitRecord[], password: string | null): Promise<void>;
  /** The form's frame (表号, 制表机关…) stored in the workbook; blank where unset. */
  readFormSettings(): Promise<FormSettings>;
  /** Stores the form's frame in the workbook; returns it as stored (trimmed). */
  saveFormSettings(settings: FormSettings, password: string | null): Promise<FormSettings>;
  /** The quota levels corrected in the 计划 view, stored in the workbook. */
  readLevels(): Promise<LevelRecord[]>;
  /** Stores level corrections in the workbook, each replacing an earlier one of its quota. */
  saveLevels(levels: LevelRecord[], password: string | null): Promise<void>;
  /** The plans imported into the workbook (计划 view), with the corrections made in review. */
  readImportedPlans(): Promise<ImportedPlan[]>;
  /** Stores an imported plan and its corrections in the workbook (replacing the same text's earlier ones). */
  saveImportedPlan(plan: ImportedPlan, password: string | null): Promise<void>;
  /** Reads returned .xlsx files (never opened in Excel); an unreadable file carries its error. */
  readFiles(files: { name: string; data: Uint8Array }[]): Promise<MergeInputFile[]>;
  /** 汇总: merges read files into the 汇总 and 来源 sheets. */
  merge(options: MergeOptions): Promise<MergeResult>;
  /** 各期进度: merges read files of several periods into the 进度 sheet (as `planbook merge --history`). */
  mergeHistory(options: HistoryOptions): Promise<HistoryResult>;
  /** A built template as an .xlsx file. */
  templateFile(built: BuiltTemplate): Promise<Uint8Array>;
  /** Hands a file to the person (a browser download). */
  download(name: string, bytes: Uint8Array): void;
  /** Set where a browser download does nothing (Excel for Mac's web view): why, for the pane to offer links instead. */
  downloadBlocked?: string | null;
  /** A file as a link a person can copy into a browser (a `data:` URL), for where downloads do not work. */
  fileLink?: (bytes: Uint8Array) => string;
  /** Opens an .xlsx file as a new Excel workbook; absent where there is no Excel. */
  openWorkbook?: (bytes: Uint8Array) => Promise<void>;
  /** One message a person can act on, for any error an operation ends with. */
  describeError(error: unknown): string;
}
