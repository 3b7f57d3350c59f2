import * as read from "../../../src/xlsx/read";
import { readMergeFiles } from "../../../src/xlsx/merge-files";
import { writeWorkbook } from "../../../src/xlsx/render";
import type { SheetSpec } from "../../../src/core/template";

/**
 * Merging 90 files holds 90 snapshots, never 90 files being parsed: each file's bytes are taken
 * only once the one before it is read, so at most one file is open at a time, in the CLI and the
 * task pane alike.
 */

const sheet: SheetSpec = {
  name: "表1",
  cells: [[{ value: "编号" }, { value: 1 }]],
  columnWidths: [10, 10],
  numberFormats: [],
  styles: [],
  merges: [],
  unlocked: [],
  validations: [],
  conditionalFormats: [],
  freeze: { rows: 0, columns: 0 },
  print: { orientation: "Portrait", fitToPagesWide: 1, titleRows: "1:1" },
  protection: { password: null },
  visibility: "Visible",
  tabColor: null,
};

test("files are read one after another: a file's bytes are taken only after the previous file is read", async () => {
  const bytes = await writeWorkbook([sheet]);
  const events: string[] = [];
  const readFile = read.readWorkbookFile;
  const reader = jest.spyOn(read, "readWorkbookFile");
  reader.mockImplementation(async (data, options) => {
    const snapshot = await readFile(data, options);
    events.push(`read ${options?.fileName}`);
    return snapshot;
  });
  const files = ["a", "b", "c"].map((name) => ({
    name,
    get data() {
      events.push(`open ${name}`);
      return bytes;
    },
  }));
  try {
    const snapshots = await readMergeFiles(files);
    expect([events, snapshots.map((f) => f.snapshot?.sheets[0]?.values)]).toEqual([
      ["open a", "read a", "open b", "read b", "open c", "read c"],
      [[["编号", 1]], [["编号", 1]], [["编号", 1]]],
    ]);
  } finally {
    reader.mockRestore();
  }
});
