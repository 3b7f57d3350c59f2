import type { Text } from "./rule-definition";

/**
 * Why a file cannot be read, said once for every place that says it: the .xlsx reader's refusal,
 * the CLI's "cannot open", and a merge's rejected file.
 */

/** What stops a file from being read as an .xlsx workbook (`cannot-open`: the file system would not give its bytes). */
export type WorkbookFileProblem =
  | "cannot-open"
  | "not-zip"
  | "truncated"
  | "too-large"
  | "zip-bomb"
  | "too-slow"
  | "encrypted"
  | "legacy-xls"
  | "csv-or-text"
  | "not-xlsx";

/** A file problem with what the message quotes: sizes in bytes, a time limit in milliseconds, the low-level cause. */
export interface FileReadProblem extends Record<string, string | number | null> {
  problem: WorkbookFileProblem;
  size: number | null;
  limit: number | null;
  cause: string | null;
}

export const fileProblem = (problem: WorkbookFileProblem, detail: { size?: number; limit?: number; cause?: string } = {}): FileReadProblem => ({
  problem,
  size: detail.size ?? null,
  limit: detail.limit ?? null,
  cause: detail.cause ?? null,
});

const megabytes = (bytes: number | null): string => `${Math.round(((bytes ?? 0) / 1024 / 1024) * 10) / 10} MB`;
const seconds = (milliseconds: number | null): string => `${(milliseconds ?? 0) / 1000}`;

/** What is wrong with the file, said after its name ("文件「a.xlsx」…" / "file "a.xlsx" …"). */
export function fileProblemText(p: FileReadProblem): Text {
  const cause = p.cause ? ` (${p.cause})` : "";
  switch (p.problem) {
    case "cannot-open":
      return { zh: `无法打开：${p.cause ?? "未知原因"}`, en: `cannot be opened: ${p.cause ?? "unknown reason"}` };
    case "not-zip":
      return { zh: "不是 Excel 工作簿（.xlsx）", en: "is not an Excel workbook (.xlsx)" };
    case "truncated":
      return { zh: "不完整或已损坏（可能未下载或复制完整），请重新获取", en: `is incomplete or damaged (perhaps an unfinished download or copy): get it again${cause}` };
    case "too-large":
      return { zh: `过大（${megabytes(p.size)}，上限 ${megabytes(p.limit)}）`, en: `is too large (${megabytes(p.size)}; the limit is ${megabytes(p.limit)})` };
    case "zip-bomb":
      return { zh: `解压后超过 ${megabytes(p.limit)}，已拒绝读取`, en: `would expand to more than ${megabytes(p.limit)}, so it was not read` };
    case "too-slow":
      return {
        zh: `读取超过 ${seconds(p.limit)} 秒仍未完成，已停止：文件可能过大或过于复杂，请删去不需要的内容后再试`,
        en: `took more than ${seconds(p.limit)} s to read, so reading stopped: it may be too large or complex; remove what is not needed and try again`,
      };
    case "encrypted":
      return { zh: "设有打开密码：请在 Excel 中取消密码后再试", en: "is password-protected: remove the password in Excel, then try again" };
    case "legacy-xls":
      return {
        zh: "是旧版 Excel 97-2003 工作簿（.xls）：请在 Excel 中另存为 .xlsx 后再试",
        en: "is an old Excel 97-2003 workbook (.xls): save it as .xlsx in Excel, then try again",
      };
    case "csv-or-text":
      return { zh: "是文本或 CSV 文件，不是 .xlsx 工作簿：请在 Excel 中另存为 .xlsx", en: "is text or CSV, not an .xlsx workbook: save it as .xlsx in Excel" };
    case "not-xlsx":
      return { zh: "不是可读取的 Excel 工作簿（.xlsx）", en: `is not a readable Excel workbook (.xlsx)${cause}` };
  }
}

/** The whole sentence, naming the file (or "the file" when the name is not known), Chinese then English. */
export function cannotReadFileMessage(fileName: string | null, p: FileReadProblem): string {
  const text = fileProblemText(p);
  const zh = fileName === null ? "文件" : `文件「${fileName}」`;
  const en = fileName === null ? "the file" : `file "${fileName}"`;
  return `${zh}${text.zh} / ${en} ${text.en}`;
}
