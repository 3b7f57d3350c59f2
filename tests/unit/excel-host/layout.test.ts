import { createExcelHost, type ExcelHost } from "@planbook/excel-host";

/** Everything else the adapter sets on a sheet, kept for a test to inspect. */

async function onSheet(host: ExcelHost, write: (sheet: Excel.Worksheet, context: Excel.RequestContext) => void): Promise<void> {
  await host.run(async (context) => {
    write(context.workbook.worksheets.getItem("Sheet1"), context);
    await context.sync();
  });
}

describe("data validation", () => {
  async function validated(): Promise<ExcelHost> {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      const target = sheet.getRange("B2:B10").dataValidation;
      target.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      target.ignoreBlanks = true;
      target.prompt = { showPrompt: true, title: "实际值", message: "请输入非负数 / a number ≥ 0" };
      target.errorAlert = { showAlert: true, style: "Stop", title: "输入有误", message: "必须是非负数 / must be ≥ 0" };
    });
    return host;
  }

  test("the rule, prompt and alert are kept for inspection", async () => {
    const host = await validated();
    expect(host.sheet("Sheet1").dataValidations).toEqual([
      {
        address: "B2:B10",
        rule: { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
        ignoreBlanks: true,
        prompt: { showPrompt: true, title: "实际值", message: "请输入非负数 / a number ≥ 0" },
        errorAlert: { showAlert: true, style: "Stop", title: "输入有误", message: "必须是非负数 / must be ≥ 0" },
      },
    ]);
  });

  test("a person typing a value that breaks a Stop rule is refused", async () => {
    const host = await validated();
    await expect(host.userEdit("Sheet1", "B3", [[-1]])).rejects.toMatchObject({ reason: "validation" });
  });

  test("a paste skips validation, and `valid` then reports the bad cell", async () => {
    const host = await validated();
    await host.userEdit("Sheet1", "B3:B4", [[-1], [2]], { paste: true });
    const valid = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const mixed = sheet.getRange("B3:B4").dataValidation.load("valid");
      const bad = sheet.getRange("B3").dataValidation.load("valid");
      const good = sheet.getRange("B4").dataValidation.load("valid");
      await context.sync();
      return [mixed.valid, bad.valid, good.valid];
    });
    expect(valid).toEqual([null, false, true]);
  });

  test("a list rule accepts only its items", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      sheet.getRange("C2").dataValidation.rule = { list: { inCellDropDown: true, source: "未开始,进行中,已完成" } };
    });
    await expect(host.userEdit("Sheet1", "C2", [["搁置"]])).rejects.toMatchObject({ reason: "validation" });
  });

  test("a custom rule is checked relative to each cell", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      sheet.getRange("A1:A3").values = [[10], [20], [30]];
      sheet.getRange("B1:B3").dataValidation.rule = { custom: { formula: "=B1<=A1" } };
    });
    await host.userEdit("Sheet1", "B3", [[25]]);
    await expect(host.userEdit("Sheet1", "B2", [[25]])).rejects.toMatchObject({ reason: "validation" });
  });

  test("the validation type is read back", async () => {
    const host = await validated();
    const type = await host.run(async (context) => {
      const validation = context.workbook.worksheets.getItem("Sheet1").getRange("B2:B10").dataValidation.load("type");
      await context.sync();
      return validation.type;
    });
    expect(type).toBe("Decimal");
  });

  test("clearing validation on part of the range keeps the rest", async () => {
    const host = await validated();
    await onSheet(host, (sheet) => sheet.getRange("B2:B5").dataValidation.clear());
    expect(host.sheet("Sheet1").dataValidations.map((v) => v.address)).toEqual(["B6:B10"]);
  });
});

describe("conditional formats", () => {
  test("a custom conditional format keeps its formula and format", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      const format = sheet.getRange("M2:M20").conditionalFormats.add("Custom");
      format.custom.rule.formula = '=$M2="滞后"';
      format.custom.format.fill.color = "#ffc7ce";
      format.custom.format.font.color = "#9C0006";
    });
    expect(host.sheet("Sheet1").conditionalFormats).toEqual([
      { address: "M2:M20", type: "Custom", rule: { formula: '=$M2="滞后"' }, format: { fill: "#FFC7CE", fontColor: "#9C0006" }, stopIfTrue: false },
    ]);
  });

  test("a conditional format formula that does not parse is refused", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.add("Custom").custom.rule.formula = "=AND(";
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });

  test("clearAll removes the conditional formats of the range", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      sheet.getRange("A1:A5").conditionalFormats.add("Custom").custom.rule.formula = "=A1>1";
    });
    await onSheet(host, (sheet) => sheet.getRange("A1:A5").conditionalFormats.clearAll());
    expect(host.sheet("Sheet1").conditionalFormats).toEqual([]);
  });

  test("the add-in counts a range's conditional formats after loading them", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      sheet.getRange("A1:A5").conditionalFormats.add("Custom").custom.rule.formula = "=A1>1";
    });
    const count = await host.run(async (context) => {
      const formats = context.workbook.worksheets.getItem("Sheet1").getRange("A3").conditionalFormats.load("items/type");
      await context.sync();
      return formats.items.map((f) => f.type);
    });
    expect(count).toEqual(["Custom"]);
  });
});

describe("sheet layout", () => {
  test("freezeAt with A1:B2 freezes two rows and two columns", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => sheet.freezePanes.freezeAt(sheet.getRange("A1:B2")));
    expect(host.sheet("Sheet1").freeze).toEqual({ rows: 2, columns: 2 });
  });

  test("freezeRows freezes rows only", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => sheet.freezePanes.freezeRows(3));
    expect(host.sheet("Sheet1").freeze).toEqual({ rows: 3, columns: 0 });
  });

  test("the frozen location is read back as a range", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => sheet.freezePanes.freezeRows(2));
    const address = await host.run(async (context) => {
      const location = context.workbook.worksheets.getItem("Sheet1").freezePanes.getLocationOrNullObject().load("address");
      await context.sync();
      return location.address;
    });
    expect(address).toBe("Sheet1!1:2");
  });

  test("page setup is kept for inspection", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      sheet.pageLayout.orientation = "Landscape";
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.pageLayout.setPrintTitleRows("$1:$3");
      sheet.pageLayout.centerHorizontally = true;
    });
    expect(host.sheet("Sheet1").pageLayout).toMatchObject({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$3",
      centerHorizontally: true,
    });
  });

  test("page breaks are added before a range's top row, counted, and reset together", async () => {
    const host = createExcelHost();
    let counted: OfficeExtension.ClientResult<number> | undefined;
    await onSheet(host, (sheet) => {
      sheet.horizontalPageBreaks.add("A40");
      sheet.horizontalPageBreaks.add(sheet.getRange("C12:D14"));
      counted = sheet.horizontalPageBreaks.getCount();
    });
    const added = host.sheet("Sheet1").rowBreaks;
    await onSheet(host, (sheet) => sheet.horizontalPageBreaks.removePageBreaks());
    expect([added, counted?.value, host.sheet("Sheet1").rowBreaks]).toEqual([[11, 39], 2, []]);
  });

  test("a page break at an address that is not a range is refused", async () => {
    const host = createExcelHost();
    const error = await onSheet(host, (sheet) => sheet.horizontalPageBreaks.add("not an address")).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });

  test("a zoom mixing a scale with fit-to-pages is refused", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").pageLayout.zoom = { scale: 80, horizontalFitToPages: 1 };
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });

  test("merges, widths, heights, tab color and gridlines are kept", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      sheet.getRange("A1:D1").merge();
      sheet.getRange("B:B").format.columnWidth = 90;
      sheet.getRange("1:1").format.rowHeight = 30;
      sheet.tabColor = "#00b050";
      sheet.showGridlines = false;
    });
    expect(host.sheet("Sheet1")).toMatchObject({
      merges: ["A1:D1"],
      columnWidths: { B: 90 },
      rowHeights: { 1: 30 },
      tabColor: "#00B050",
      showGridlines: false,
    });
  });

  test("merging keeps only the top-left value", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      sheet.getRange("A1:C1").values = [["title", "x", "y"]];
      sheet.getRange("A1:C1").merge();
    });
    expect(host.values("Sheet1", "A1:C1")).toEqual([["title", "", ""]]);
  });

  test("grouping rows sets their outline level", async () => {
    // Range.group is ExcelApi 1.10.
    const host = createExcelHost({ apiVersion: "1.10" });
    await onSheet(host, (sheet) => {
      sheet.getRange("3:5").group("ByRows");
      sheet.getRange("4:4").group("ByRows");
    });
    expect(host.sheet("Sheet1").rowOutlineLevels).toEqual({ 3: 1, 4: 2, 5: 1 });
  });

  test("a format read over cells that differ is null", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      sheet.getRange("A1").format.font.bold = true;
    });
    const bold = await host.run(async (context) => {
      const font = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").format.font.load("bold");
      await context.sync();
      return font.bold;
    });
    expect(bold).toBeNull();
  });

  test("a whole column unlocked leaves a cell in it unlocked and others locked", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      sheet.getRange("C:C").format.protection.locked = false;
    });
    expect([host.cell("Sheet1", "C500").locked, host.cell("Sheet1", "D1").locked]).toEqual([false, true]);
  });

  test("clearing formats relocks cells and resets their number format, keeping the values", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      const range = sheet.getRange("A1");
      range.values = [[0.5]];
      range.numberFormat = [["0%"]];
      range.format.protection.locked = false;
    });
    await onSheet(host, (sheet) => sheet.getRange("A1").clear("Formats"));
    expect(host.cell("Sheet1", "A1")).toMatchObject({ value: 0.5, numberFormat: "General", locked: true });
  });

  test("borders set per edge are kept on the cells", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      const borders = sheet.getRange("A1:B2").format.borders;
      borders.getItem("EdgeTop").style = "Continuous";
      borders.getItem("InsideHorizontal").style = "Continuous";
    });
    expect([host.cell("Sheet1", "B1").borders.top.style, host.cell("Sheet1", "B2").borders.top.style, host.cell("Sheet1", "B2").borders.bottom.style]).toEqual([
      "Continuous",
      "Continuous",
      "None",
    ]);
  });

  test("a hyperlink to a cell shows its text", async () => {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      sheet.getRange("A1").hyperlink = { documentReference: "'汇总'!B7", textToDisplay: "B7", screenTip: "跳转 / go" };
    });
    expect(host.cell("Sheet1", "A1")).toMatchObject({ value: "B7", hyperlink: { documentReference: "'汇总'!B7" } });
  });
});

describe("charts", () => {
  async function charted(): Promise<ExcelHost> {
    const host = createExcelHost();
    await onSheet(host, (sheet) => {
      sheet.getRange("A1:C4").values = [
        ["城市", "目标", "实际"],
        ["杭州", 100, 80],
        ["宁波", 90, 95],
        ["温州", 70, 40],
      ];
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C4"), "Auto");
      chart.title.text = "完成情况";
      chart.setPosition("E2", "L20");
    });
    return host;
  }

  test("a chart keeps its type, source, title and series", async () => {
    const host = await charted();
    expect(host.sheet("Sheet1").charts[0]).toMatchObject({
      name: "Chart 1",
      chartType: "ColumnClustered",
      source: "Sheet1!A1:C4",
      title: { text: "完成情况", visible: true },
      series: ["目标", "实际"],
    });
  });

  test("setPosition places the chart over the cells", async () => {
    const host = await charted();
    expect(host.sheet("Sheet1").charts[0]).toMatchObject({ top: 15, left: 192, width: 384, height: 285 });
  });

  test("the add-in reads the series count", async () => {
    const host = await charted();
    const count = await host.run(async (context) => {
      const series = context.workbook.worksheets.getItem("Sheet1").charts.getItemAt(0).series.load("count");
      await context.sync();
      return series.count;
    });
    expect(count).toBe(2);
  });
});

describe("workbook", () => {
  test("the selection a person made is what getSelectedRange returns", async () => {
    const host = createExcelHost({ sheets: ["A", "B"] });
    host.userSelect("B", "C3:D4");
    const address = await host.run(async (context) => {
      const range = context.workbook.getSelectedRange().load("address");
      await context.sync();
      return range.address;
    });
    expect(address).toBe("B!C3:D4");
  });

  test("a new sheet is added at the end and the add-in can position it", async () => {
    const host = createExcelHost({ sheets: ["A", "B"] });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.add("New");
      sheet.position = 0;
      await context.sync();
    });
    expect(host.sheetNames()).toEqual(["New", "A", "B"]);
  });

  test("settings keep JSON values between runs", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      context.workbook.settings.add("planbook", { revision: "003", sheets: ["杭州市"] });
      await context.sync();
    });
    const value = await host.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject("planbook").load("value");
      await context.sync();
      return setting.value as unknown;
    });
    expect(value).toEqual({ revision: "003", sheets: ["杭州市"] });
  });

  test("getCount delivers its value after the sync", async () => {
    const host = createExcelHost({ sheets: ["A", "B", "C"] });
    host.userSetVisibility("C", "Hidden");
    const count = await host.run(async (context) => {
      const visible = context.workbook.worksheets.getCount(true);
      await context.sync();
      return visible.value;
    });
    expect(count).toBe(2);
  });
});

describe("merged areas", () => {
  test("a person's merge keeps only the top-left value; getMergedAreasOrNullObject lists every area it meets, whole", async () => {
    // Range.getMergedAreasOrNullObject is ExcelApi 1.13.
    const host = createExcelHost({ apiVersion: "1.13" });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:D4").values = [
        [1, 2, 3, 4],
        [5, 6, 7, 8],
        [9, 10, 11, 12],
        [13, 14, 15, 16],
      ];
      await context.sync();
    });
    await host.userMerge("Sheet1", "B2:C2");
    await host.userMerge("Sheet1", "D3:D4");
    expect(host.values("Sheet1", "B2:D4")).toEqual([
      [6, "", 8],
      [10, 11, 12],
      [14, 15, ""],
    ]);
    const found = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const some = sheet.getRange("C1:D3").getMergedAreasOrNullObject();
      const none = sheet.getRange("A1:A4").getMergedAreasOrNullObject();
      some.load("address,areaCount");
      await context.sync();
      return { address: some.address, count: some.areaCount, none: none.isNullObject };
    });
    expect(found).toEqual({ address: "Sheet1!B2:C2, Sheet1!D3:D4", count: 2, none: true });
  });

  test("merged areas must be loaded before they are read, and a protected sheet refuses a person's merge", async () => {
    // Range.getMergedAreasOrNullObject is ExcelApi 1.13.
    const host = createExcelHost({ apiVersion: "1.13" });
    await host.userMerge("Sheet1", "A1:B1");
    await expect(
      host.run(async (context) => {
        const areas = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").getMergedAreasOrNullObject();
        await context.sync();
        return areas.address;
      }),
    ).rejects.toThrow(/PropertyNotLoaded|isNullObject|address/);
    host.userProtect("Sheet1");
    await expect(host.userMerge("Sheet1", "A3:B3")).rejects.toMatchObject({ reason: "protected" });
  });
});
