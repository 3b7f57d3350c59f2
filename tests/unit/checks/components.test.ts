import { checkWorkbook } from "../../../src/core/checks";
import { quotaKindsRevision } from "../../support/plan";
import { PROVINCE, addressOf, sheetName, type, workbookOf } from "./fixture";

/** A total and its parts (培训2万人次,其中…0.8万人次、…0.6万人次): the parts typed may not exceed the total typed. */

const plan = quotaKindsRevision();
const request = { scope: PROVINCE, period: "2025-Q3" };
const TOTAL = "I03-职业技能培训-每年";
const PARTS = ["I03-新就业形态劳动者-每年", "I03-农村转移劳动力-每年"];

function typedParts(total: number, parts: number[]) {
  const snapshot = workbookOf([request], plan);
  const sheet = sheetName(request);
  type(snapshot, sheet, TOTAL, { cumulative: total });
  PARTS.forEach((id, i) => type(snapshot, sheet, id, { cumulative: parts[i] }));
  const findings = checkWorkbook(snapshot, { revisions: [plan] }).filter((f) => f.rule === "parts-exceed-total");
  return { findings, totalCell: addressOf(snapshot, sheet, TOTAL, "cumulative") };
}

describe("parts typed against their total", () => {
  test("parts that add up to more than the total are an error at the total's cell", () => {
    const { findings, totalCell } = typedParts(1, [0.8, 0.6]);
    expect(findings).toEqual([expect.objectContaining({ severity: "error", cell: totalCell, quotaId: TOTAL, params: expect.objectContaining({ total: 1, sum: 1.4 }) })]);
  });

  test("parts within the total raise nothing (其中 may name only some)", () => {
    expect(typedParts(1.5, [0.8, 0.6]).findings).toEqual([]);
  });
});
