import mammoth from "mammoth";
import { DomUtils, parseDocument } from "htmlparser2";

/**
 * A .docx plan as the text the plan parser reads: mammoth turns the document into HTML (tables
 * with their rows, cells and merges; paragraphs; numbered lists), htmlparser2 reads that HTML, and
 * each table becomes tab-separated rows (a cell's paragraphs kept as one quoted cell, a cell merged
 * from above left blank), each paragraph a line. The .docx's XML is never read by hand.
 */
export async function docxPlanText(bytes: Uint8Array): Promise<string> {
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // mammoth reads `buffer` under Node and `arrayBuffer` in its browser build; both go to JSZip, which takes an ArrayBuffer.
  const { value: html } = await mammoth.convertToHtml({ arrayBuffer, buffer: arrayBuffer as unknown as Buffer });
  const lines: string[] = [];
  for (const node of parseDocument(html).children) blockLines(node, lines);
  return lines.join("\n");
}

type ChildNode = ReturnType<typeof parseDocument>["children"][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;

const text = (node: ChildNode) => DomUtils.textContent(node).replace(/\s+/g, " ").trim();
const isElement = (node: ChildNode): node is Element => DomUtils.isTag(node);

function blockLines(node: ChildNode, lines: string[]): void {
  if (!isElement(node)) {
    const loose = text(node);
    if (loose !== "") lines.push(loose);
    return;
  }
  if (node.name === "table") {
    lines.push(...tableLines(node));
    return;
  }
  if (node.name === "ol" || node.name === "ul") {
    // Word's automatic numbering is not in the text mammoth gives: write it, as a reader sees it.
    node.children.filter(isElement).forEach((item, index) => lines.push(node.name === "ol" ? `${index + 1}.${text(item)}` : text(item)));
    return;
  }
  lines.push(text(node));
}

/** A cell's paragraphs, one a line, quoted when there are several (as Excel and WPS copy a cell). */
function cellText(cell: Element): string {
  const paragraphs = cell.children.filter(isElement).map(text).filter((p) => p !== "");
  const joined = paragraphs.length > 0 ? paragraphs.join("\n") : text(cell);
  return joined.includes("\n") ? `"${joined.replace(/"/g, '""')}"` : joined;
}

function tableLines(table: Element): string[] {
  const rows = DomUtils.findAll((e) => e.name === "tr", table.children);
  /** Columns still covered by a cell above that spans rows (rowspan): how many rows more. */
  const covered: number[] = [];
  return rows.map((row) => {
    const cells: string[] = [];
    let column = 0;
    const skipCovered = () => {
      for (let rowsLeft = covered[column] ?? 0; rowsLeft > 0; rowsLeft = covered[column] ?? 0) {
        covered[column] = rowsLeft - 1;
        cells.push("");
        column++;
      }
    };
    for (const cell of row.children.filter((c): c is Element => isElement(c) && (c.name === "td" || c.name === "th"))) {
      skipCovered();
      const span = Number(cell.attribs.colspan ?? 1);
      const down = Number(cell.attribs.rowspan ?? 1);
      for (let i = 0; i < span; i++) {
        cells.push(i === 0 ? cellText(cell) : "");
        if (down > 1) covered[column] = down - 1;
        column++;
      }
    }
    skipCovered();
    return cells.join("\t");
  });
}
