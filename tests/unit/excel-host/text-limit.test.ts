/**
 * A cell holds at most 32,767 characters and a formula at most 8,192 (Excel's specifications and
 * limits): Excel refuses longer contents, whether an add-in writes them or a person types them;
 * nothing is cut.
 */
import { createExcelHost } from "@planbook/excel-host";

async function sheet() {
  const host = createExcelHost();
  await host.run(async (context) => {
    context.workbook.worksheets.add("S");
  });
  return host;
}

const write = (host: Awaited<ReturnType<typeof sheet>>, value: string) =>
  host.run(async (context) => {
    context.workbook.worksheets.getItem("S").getRange("A1").values = [[value]];
  });

describe("text beyond what a cell holds", () => {
  test("32,767 characters are written whole", async () => {
    const host = await sheet();
    await write(host, "说".repeat(32_767));
    expect(String(host.values("S", "A1")[0]?.[0]).length).toBe(32_767);
  });

  test("32,768 characters written by an add-in are refused, and the cell keeps what it had", async () => {
    const host = await sheet();
    await write(host, "原有");
    await expect(write(host, "说".repeat(32_768))).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.values("S", "A1")).toEqual([["原有"]]);
  });

  test("32,768 characters typed by a person are refused too", async () => {
    const host = await sheet();
    await expect(host.userEdit("S", "A1", [["说".repeat(32_768)]])).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.values("S", "A1")).toEqual([[""]]);
  });

  test("a formula longer than 8,192 characters is refused", async () => {
    const host = await sheet();
    await expect(write(host, `=${"1+".repeat(4_096)}1`)).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
