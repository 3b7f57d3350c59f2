/** Excel holds numbers from 2.2251E-308 to 9.99999999999999E+307: a larger one typed stays text, one written by an add-in is refused; a smaller one is 0. */
import { createExcelHost } from "@planbook/excel-host";

async function sheet() {
  const host = createExcelHost();
  await host.run(async (context) => {
    context.workbook.worksheets.add("S");
  });
  return host;
}

describe("numbers beyond Excel's limit", () => {
  test("a pasted number larger than Excel can hold stays in the cell as its text", async () => {
    const host = await sheet();
    await host.userEdit("S", "A1", [[1.79769313485e308]], { paste: true });
    expect(host.values("S", "A1")).toEqual([["1.79769313485e+308"]]);
  });

  test("a typed numeric text larger than Excel can hold stays text", async () => {
    const host = await sheet();
    await host.userEdit("S", "A1", [["2e308"]]);
    expect(host.values("S", "A1")).toEqual([["2e308"]]);
  });

  test("a number just within Excel's limit is a number", async () => {
    const host = await sheet();
    await host.userEdit("S", "A1", [[9e307]]);
    expect(host.values("S", "A1")).toEqual([[9e307]]);
  });

  test("an add-in writing a number larger than Excel can hold is refused", async () => {
    const host = await sheet();
    const write = host.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [[1.79769313485e308]];
    });
    await expect(write).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("numbers nearer zero than Excel can hold", () => {
  test("a pasted 5e-324 is stored as 0", async () => {
    const host = await sheet();
    await host.userEdit("S", "A1", [[5e-324]], { paste: true });
    expect(host.values("S", "A1")).toEqual([[0]]);
  });

  // Office's smallest positive value is 2^-1022 (MS-OI29500 2.1.871: "if the absolute value of the raw
  // value is smaller than the smallest positive value … treat this as equivalent to 0"): the
  // specifications' "2.2251E-308" rounded. -2.2250738585072e-308 is a hair nearer zero than 2^-1022.
  test("a pasted -2.2250738585072e-308, nearer zero than 2^-1022, is stored as 0", async () => {
    const host = await sheet();
    await host.userEdit("S", "A1", [[-2.2250738585072e-308]], { paste: true });
    await host.userEdit("S", "A2", [["2.2250738585072e-308"]]);
    expect(host.values("S", "A1:A2")).toEqual([[0], [0]]);
  });

  test("2^-1022 itself is a number Excel holds", async () => {
    const host = await sheet();
    await host.userEdit("S", "A1", [[-(2 ** -1022)]], { paste: true });
    expect(host.values("S", "A1")).toEqual([[-(2 ** -1022)]]);
  });

  test("a written -5e-324 is stored as 0", async () => {
    const host = await sheet();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [[-5e-324]];
    });
    expect(host.values("S", "A1")).toEqual([[0]]);
  });
});
