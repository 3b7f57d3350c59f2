import type { Quota } from "./types";

/** Units that count whole things: a fraction typed for them is an error. 万人次 and % are not. */
const COUNT_UNITS = new Set(["家", "个", "名", "场", "项", "所", "人", "次", "批", "条", "座", "户"]);

export function isCountUnit(unit: string | null): boolean {
  return unit !== null && COUNT_UNITS.has(unit);
}

/** What a cell of this quota expects, said the way a person would. */
export function expectedInput(quota: Pick<Quota, "kind" | "unit">): { zh: string; en: string } {
  if (quota.kind === "milestone") return { zh: "未启动、推进中或已完成", en: "未启动, 推进中 or 已完成" };
  if (quota.kind === "ratio") return { zh: "0%–100% 之间的百分比", en: "a percentage between 0% and 100%" };
  if (isCountUnit(quota.unit)) return { zh: `不小于 0 的整数（${quota.unit}）`, en: `a whole number ≥ 0 (${quota.unit})` };
  return { zh: `不小于 0 的数（${quota.unit ?? ""}）`, en: `a number ≥ 0 (${quota.unit ?? ""})` };
}
