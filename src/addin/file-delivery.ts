/**
 * Whether a browser download (a Blob link with `download`) reaches the person where the pane runs.
 *
 * In Excel for Mac the pane is a WKWebView, and clicking a Blob (or any `download`) link there
 * does nothing — no dialog, no error: OfficeDev/office-js#2700 (closed "by design"), #3 (blocked by
 * WebKit bug 174076), #3385 and #4681 (Word/Excel on Mac desktop, open). Office on iPad runs the
 * same web view. Microsoft's suggested workaround (office-js#3662) is to leave the add-in's web
 * view; the pane does it by offering each file as a copyable link (a `data:` URL a person pastes
 * into a browser) and, where ExcelApi 1.8 is there, `Excel.createWorkbook` to open it in Excel.
 */

/** Why downloads do not work on this platform (`Office.context.platform`), or null where they do. */
export function downloadBlockedReason(platform: string | null | undefined): string | null {
  if (platform === "Mac" || platform === "iOS") {
    return "此版本的 Excel（Mac/iPad）不允许加载项下载文件：请复制链接到浏览器中打开，或在 Excel 中直接打开 / Excel for Mac and iPad do not let add-ins download files: copy a link into a browser, or open the file in Excel";
  }
  return null;
}

/** How the pane hands files over on this Office: whether downloads work, and whether `Excel.createWorkbook` (ExcelApi 1.8) is there. */
export function fileDeliveryOf(office: { platform: unknown; isSetSupported(name: string, version: string): boolean }): {
  downloadBlocked: string | null;
  createWorkbook: boolean;
} {
  return {
    downloadBlocked: downloadBlockedReason(typeof office.platform === "string" ? office.platform : null),
    createWorkbook: office.isSetSupported("ExcelApi", "1.8"),
  };
}

/** The MIME type of an .xlsx workbook. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Base64 of the bytes, as `Excel.createWorkbook` and a data: link take a file. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A file as a `data:` link: pasted into a browser's address bar, it downloads the workbook. */
export function dataLink(bytes: Uint8Array): string {
  return `data:${XLSX_TYPE};base64,${toBase64(bytes)}`;
}
