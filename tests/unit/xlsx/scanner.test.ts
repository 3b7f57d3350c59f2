import { XmlScanner, attribute } from "../../../src/xlsx/xml";
import { isDateFormat, shiftFormula } from "../../../src/xlsx/package-parts";
import { XmlError } from "../../../src/xlsx/errors";

/** The events a document gives, fed in the chunks given. */
function events(chunks: string[]): string[] {
  const seen: string[] = [];
  const scanner = new XmlScanner({
    open: (name, attributes, empty) => seen.push(`<${name}${empty ? "/" : ""} ${attributes.trim()}`),
    close: (name) => seen.push(`</${name}`),
    text: (text) => seen.push(`"${text}`),
  });
  for (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  // Text may arrive in several pieces; join neighbouring pieces to compare.
  return seen.reduce<string[]>((out, event) => {
    const last = out.at(-1);
    if (event.startsWith('"') && last !== undefined && last.startsWith('"')) out[out.length - 1] = last + event.slice(1);
    else out.push(event);
    return out;
  }, []);
}

const DOCUMENT =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment > with a bracket -->' +
  '<x:worksheet xmlns:x="urn:main"><x:c r="A1" t="s" note=\'a > b\'><x:v>1 &lt; 2 &amp; &#x4E2D;&#25991;</x:v></x:c>' +
  '<x:c r="B1"/><x:is><![CDATA[<not a tag> & raw]]></x:is></x:worksheet>';

describe("the XML scanner", () => {
  test("gives elements by local name, attributes as written, text with entities decoded and CDATA as text", () => {
    expect(events([DOCUMENT])).toEqual([
      '<worksheet xmlns:x="urn:main"',
      `<c r="A1" t="s" note='a > b'`,
      '<v ',
      '"1 < 2 & 中文',
      "</v",
      "</c",
      '<c/ r="B1"',
      "</c",
      "<is ",
      '"<not a tag> & raw',
      "</is",
      "</worksheet",
    ]);
  });

  test("gives the same events wherever the chunks are cut", () => {
    const whole = events([DOCUMENT]);
    for (let cut = 1; cut < DOCUMENT.length; cut++) {
      expect(events([DOCUMENT.slice(0, cut), DOCUMENT.slice(cut)])).toEqual(whole);
    }
  });

  test.each([
    ["a DOCTYPE (entity expansion)", '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'],
    ["an entity XML does not define", "<x>&nbsp;</x>"],
    ["a document cut inside a tag", '<x><c r="A1'],
    ["an element left open", "<x><c>"],
    ["an end tag with no start", "<x></x></y>"],
  ])("refuses %s", (_what, xml) => {
    expect(() => events([xml])).toThrow(XmlError);
  });

  test("finds an attribute by local name, not inside another attribute's name", () => {
    const attributes = ' ref="A1:B2" r:id="rId3" sheetId="1" r="C4"';
    expect([attribute(attributes, "r"), attribute(attributes, "id"), attribute(attributes, "ref"), attribute(attributes, "t")]).toEqual([
      "C4",
      "rId3",
      "A1:B2",
      undefined,
    ]);
  });
});

describe("shared formulas as each cell sees them", () => {
  test.each([
    ["A2*10", 1, 0, "A3*10"],
    ["SUM($B2:B$2)+C3", 2, 1, "SUM($B4:C$2)+D5"],
    ['IF(A1="A1",LOG10(B1),0)', 1, 1, 'IF(B2="A1",LOG10(C2),0)'],
    ["'数据 A1'!B1+数据!C1", 3, 0, "'数据 A1'!B4+数据!C4"],
    ["$A$1", 5, 5, "$A$1"],
  ])("%s moved %i rows and %i columns is %s", (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });
});

describe("date number formats", () => {
  test.each([
    [14, "m/d/yyyy", true],
    [164, 'yyyy"年"m"月"d"日"', true],
    [165, "[$-F800]dddd, mmmm dd, yyyy", true],
    [166, "hh:mm", true],
    [0, "General", false],
    [164, "0.0%", false],
    [167, '#,##0" 个"', false],
    [168, '0.00"天数 day"', false],
    [169, "[Red]0.00;[Blue]-0.00", false],
  ])("format %i %s shows a date: %s", (id, code, expected) => {
    expect(isDateFormat(id, code)).toBe(expected);
  });
});
