import { matchGroup } from "../core/shared";
import JSZip from "jszip";
import { columnLetter, parseRange, sheetRef } from "../core/snapshot";
import type { ChartSpec } from "../core/merge";
import type { SheetSpec } from "../core/template";

/**
 * Charts in an .xlsx file. ExcelJS writes no charts, so after it has written the workbook the
 * chart parts are added to the package as Excel writes them (ECMA-376 part 1, §21.2 DrawingML
 * charts): per chart a `c:chartSpace` part, per sheet a drawing part anchoring its charts to
 * cells, the relationships between sheet, drawing and charts, and their content types. A chart
 * reads its categories and values from the sheet's cells by reference, so the spreadsheet program
 * draws it from the figures it has just calculated.
 */

const NS = {
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
  spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRelationships: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;
const RELATIONSHIP_TYPE = {
  drawing: `${NS.relationships}/drawing`,
  chart: `${NS.relationships}/chart`,
} as const;
const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** English Metric Units: 914400 a inch, 12700 a point, 9525 a pixel at 96 dpi. */
const EMU_PER_POINT = 12700;
const EMU_PER_PIXEL = 9525;
/** Excel's pixel width of a column `chars` wide (7 px a character of the default font, 5 px of padding). */
const columnPixels = (chars: number): number => Math.trunc(chars * 7 + 5);
const DEFAULT_ROW_POINTS = 15;
/** Office's first accent colour: no cell of a Planbook sheet is filled with it, so a drawn bar is told apart from a cell. */
const SERIES_COLOR = "4472C4";
/** Office's accent colours, one a line of a line chart. */
const LINE_COLORS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

const xmlText = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** `'汇总'!$B$11:$B$21` for a range of the sheet. */
function absoluteRef(sheet: string, first: { row: number; col: number }, last: { row: number; col: number }): string {
  const cell = (at: { row: number; col: number }): string => `$${columnLetter(at.col)}$${at.row + 1}`;
  const area = first.row === last.row && first.col === last.col ? cell(first) : `${cell(first)}:${cell(last)}`;
  return sheetRef(sheet, area);
}

/**
 * The chart part, one series a further column of the source: a clustered column chart of
 * percentages (labelled), or a line chart of figures over time (each line its own colour, a legend).
 */
export function chartPartXml(spec: ChartSpec): string {
  const { start, end } = parseRange(spec.source);
  const line = spec.type === "Line";
  const series = Array.from({ length: end.col - start.col }, (_, i) => {
    const col = start.col + 1 + i;
    const name = absoluteRef(spec.sheet, { row: start.row, col }, { row: start.row, col });
    const categories = absoluteRef(spec.sheet, { row: start.row + 1, col: start.col }, { row: end.row, col: start.col });
    const values = absoluteRef(spec.sheet, { row: start.row + 1, col }, { row: end.row, col });
    const color = line ? LINE_COLORS[i % LINE_COLORS.length] : SERIES_COLOR;
    return (
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
      `<c:tx><c:strRef><c:f>${xmlText(name)}</c:f></c:strRef></c:tx>` +
      (line
        ? `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr>` +
          `<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>`
        : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>` +
          `<c:invertIfNegative val="0"/>` +
          `<c:dLbls><c:numFmt formatCode="0%" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
          `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
          `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`) +
      `<c:cat><c:strRef><c:f>${xmlText(categories)}</c:f></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${xmlText(values)}</c:f></c:numRef></c:val>` +
      (line ? `<c:smooth val="0"/>` : "") +
      `</c:ser>`
    );
  }).join("");
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="500001"/><c:axId val="500002"/></c:lineChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/><c:axId val="500001"/><c:axId val="500002"/></c:barChart>`;
  const valueFormat = line ? "General" : "0%";
  const axisText = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.relationships}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${xmlText(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    plot +
    `<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisText}<c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${valueFormat}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisText}<c:crossAx val="500001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    (line ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `</c:chartSpace>`
  );
}

/** Where a chart's corners fall on the grid: its top-left cell, and the cell its size reaches. */
export function chartAnchor(spec: ChartSpec, sheet: Pick<SheetSpec, "columnWidths" | "rowHeights">): { from: { col: number; row: number }; to: { col: number; colOff: number; row: number; rowOff: number } } {
  const { start } = parseRange(spec.topLeft);
  let col = start.col;
  let left = spec.width * EMU_PER_POINT;
  for (;;) {
    const width = columnPixels(sheet.columnWidths[col] ?? 9) * EMU_PER_PIXEL;
    if (left <= width) break;
    left -= width;
    col++;
  }
  let row = start.row;
  let down = spec.height * EMU_PER_POINT;
  for (;;) {
    const height = (sheet.rowHeights?.[row + 1] ?? DEFAULT_ROW_POINTS) * EMU_PER_POINT;
    if (down <= height) break;
    down -= height;
    row++;
  }
  return { from: { col: start.col, row: start.row }, to: { col, colOff: Math.round(left), row, rowOff: Math.round(down) } };
}

function drawingPartXml(anchors: { spec: ChartSpec; anchor: ReturnType<typeof chartAnchor>; relationId: string }[]): string {
  const frames = anchors
    .map(({ spec, anchor, relationId }, index) => {
      const { from, to } = anchor;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${to.col}</xdr:col><xdr:colOff>${to.colOff}</xdr:colOff><xdr:row>${to.row}</xdr:row><xdr:rowOff>${to.rowOff}</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${xmlText(spec.name)}" descr="${xmlText(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="${relationId}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.relationships}">${frames}</xdr:wsDr>`;
}

function relationshipsXml(relations: { id: string; type: string; target: string }[]): string {
  const items = relations.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlText(r.target)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRelationships}">${items}</Relationships>`;
}

/** Elements a worksheet may have after `<drawing>`, in schema order: the drawing goes before the first of them. */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

async function sheetPartPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!workbook || !rels) throw new Error("the workbook has no xl/workbook.xml or its relationships");
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const decode = (text: string): string => text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return new Map(
    [...workbook.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)].map((m) => [decode(matchGroup(m, 1)), `xl/${(targets.get(matchGroup(m, 2)) ?? "").replace(/^\/?xl\//, "")}`]),
  );
}

/**
 * The workbook with the charts added, each on the sheet its spec names. `sheets` gives the
 * sheets' layout (column widths, row heights) for placing each chart.
 */
export async function withCharts(file: Uint8Array, charts: ChartSpec[], sheets: SheetSpec[]): Promise<Uint8Array> {
  if (charts.length === 0) return file;
  const zip = await JSZip.loadAsync(file);
  const parts = await sheetPartPaths(zip);
  let contentTypes = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  const overrides: string[] = [];
  let chartNumber = 0;
  const bySheet = new Map<string, ChartSpec[]>();
  for (const chart of charts) bySheet.set(chart.sheet, [...(bySheet.get(chart.sheet) ?? []), chart]);
  let drawingNumber = 0;
  for (const [sheetName, sheetCharts] of bySheet) {
    const sheetPath = parts.get(sheetName);
    const sheet = sheets.find((s) => s.name === sheetName);
    if (!sheetPath || !sheet) throw new Error(`图表所在的工作表「${sheetName}」不存在 / no sheet "${sheetName}" for a chart`);
    drawingNumber++;
    const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
    const anchors = sheetCharts.map((spec, index) => {
      chartNumber++;
      const chartPath = `xl/charts/chart${chartNumber}.xml`;
      zip.file(chartPath, chartPartXml(spec));
      overrides.push(`<Override PartName="/${chartPath}" ContentType="${CONTENT_TYPE.chart}"/>`);
      return { spec, anchor: chartAnchor(spec, sheet), relationId: `rId${index + 1}`, target: `../charts/chart${chartNumber}.xml` };
    });
    zip.file(drawingPath, drawingPartXml(anchors));
    zip.file(
      `xl/drawings/_rels/drawing${drawingNumber}.xml.rels`,
      relationshipsXml(anchors.map((a) => ({ id: a.relationId, type: RELATIONSHIP_TYPE.chart, target: a.target }))),
    );
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CONTENT_TYPE.drawing}"/>`);

    // The sheet's relationships (ExcelJS writes some for hyperlinks) gain one to the drawing.
    const sheetFile = sheetPath.split("/").pop() as string;
    const relsPath = `${sheetPath.slice(0, -sheetFile.length)}_rels/${sheetFile}.rels`;
    const relationId = "rIdPlanbookDrawing";
    const existing = await zip.file(relsPath)?.async("string");
    const relation = `<Relationship Id="${relationId}" Type="${RELATIONSHIP_TYPE.drawing}" Target="../drawings/drawing${drawingNumber}.xml"/>`;
    zip.file(relsPath, existing ? existing.replace("</Relationships>", `${relation}</Relationships>`) : relationshipsXml([]).replace("</Relationships>", `${relation}</Relationships>`));

    const sheetXml = (await zip.file(sheetPath)?.async("string")) ?? "";
    const drawing = `<drawing r:id="${relationId}"/>`;
    const before = AFTER_DRAWING.map((name) => sheetXml.indexOf(`<${name}`)).filter((index) => index !== -1);
    const at = before.length > 0 ? Math.min(...before) : sheetXml.lastIndexOf("</worksheet>");
    const withNamespace = /xmlns:r=/.test(sheetXml.slice(0, sheetXml.indexOf(">", sheetXml.indexOf("<worksheet")))) ? sheetXml : sheetXml.replace("<worksheet ", `<worksheet xmlns:r="${NS.relationships}" `);
    const shift = withNamespace.length - sheetXml.length;
    zip.file(sheetPath, `${withNamespace.slice(0, at + shift)}${drawing}${withNamespace.slice(at + shift)}`);
  }
  contentTypes = contentTypes.replace("</Types>", `${overrides.join("")}</Types>`);
  zip.file("[Content_Types].xml", contentTypes);
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}
