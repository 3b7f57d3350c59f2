import { DOMParser, type Element, XMLSerializer } from "@xmldom/xmldom";
import JSZip from "jszip";
import { cellAddress, parseRange } from "../../../src/core/snapshot";
import { present } from "../../support/present";

/**
 * Reads the XML inside an .xlsx file directly, so tests check what a file really holds rather than
 * what our own reader (ExcelJS) makes of it.
 */

export async function partXml(file: Uint8Array, partPath: string): Promise<string> {
  const zip = await JSZip.loadAsync(file);
  const part = zip.file(partPath);
  if (!part) throw new Error(`no part ${partPath} in the file`);
  return part.async("string");
}

/** Every element of that local name (any namespace prefix), as its attributes and its children's text by local name. */
/** An element as XML text, itself included. */
export const outerXml = (element: Element): string => new XMLSerializer().serializeToString(element);

export function elements(xml: string, localName: string): { attributes: Record<string, string>; children: Record<string, string[]>; element: Element }[] {
  const document = new DOMParser().parseFromString(xml, "text/xml");
  const found = Array.from(document.getElementsByTagNameNS("*", localName));
  return found.map((element) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Array.from(element.attributes)) attributes[attribute.name] = attribute.value;
    const children: Record<string, string[]> = {};
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType !== child.ELEMENT_NODE) continue;
      const name = (child as Element).localName ?? (child as Element).nodeName;
      (children[name] ??= []).push(child.textContent ?? "");
    }
    return { attributes, children, element };
  });
}

/** The cells of an A1 range or of a space-separated list of ranges (an OOXML `sqref`). */
export function cellsOf(ranges: string): string[] {
  return ranges
    .split(/\s+/)
    .filter((range) => range !== "")
    .flatMap((range) => {
      const { start, end } = parseRange(range);
      const cells: string[] = [];
      for (let row = start.row; row <= end.row; row++) {
        for (let col = start.col; col <= end.col; col++) cells.push(cellAddress(row, col));
      }
      return cells;
    });
}

/** The path of a sheet's XML part, by the sheet's name, following workbook.xml and its relationships. */
export async function sheetPartPath(file: Uint8Array, sheetName: string): Promise<string> {
  const sheet = elements(await partXml(file, "xl/workbook.xml"), "sheet").find((s) => s.attributes.name === sheetName);
  if (!sheet) throw new Error(`no sheet named ${sheetName}`);
  const relationId = sheet.attributes["r:id"];
  const relation = elements(await partXml(file, "xl/_rels/workbook.xml.rels"), "Relationship").find(
    (r) => r.attributes.Id === relationId,
  );
  if (!relation) throw new Error(`no relationship ${relationId}`);
  const target = present(relation.attributes.Target, `the target of relationship ${relationId}`).replace(/^\/?xl\//, "");
  return `xl/${target}`;
}

/** The first element named `localName`, failing the test when the part has none. */
export function element(xml: string, localName: string): ReturnType<typeof elements>[number] {
  return present(elements(xml, localName)[0], `a <${localName}> element`);
}
