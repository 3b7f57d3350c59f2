import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { parsePlan, type PlanRevision, type Quota, readUnits } from "../../../src/core/plan";
import { main } from "../../../src/cli/main";
import { present } from "../../support/present";

/** Task lists written for these tests, one per layout; none is a copy of a real document. */

const quotaOn = (revision: PlanRevision, line: number): Quota[] => revision.quotas.filter((q) => q.line === line);

describe("a table pasted from Word or WPS (tab-separated)", () => {
  const titled = [
    "附件",
    "某市稳就业重点任务分解表",
    "序号\t重点任务\t具体举措\t牵头单位\t配合单位\t完成时限",
    "1\t稳定高校毕业生就业\t每年组织就业见习岗位3000个\t市人力社保局\t市教育局、团市委\t长期",
    '2\t\t"建设零工市场\n实现县域全覆盖"\t\t\t2026年底',
    "3\t加强技能培训\t开展数字技能培训2万人次\t市经信局\t\t2025年底",
    "4\t\t\t\t\t",
  ].join("\n");

  test("columns are recognised by their titles, lead and supporting units apart", () => {
    const revision = parsePlan(titled);
    expect(revision.title).toBe("某市稳就业重点任务分解表");
    expect(revision.items.map((i) => i.title)).toEqual(["稳定高校毕业生就业", "加强技能培训"]);
    expect(quotaOn(revision, 4)).toEqual([
      expect.objectContaining({ kind: "annual", target: 3000, unit: "个", year: null, units: ["市人力社保局"], supportingUnits: ["市教育局", "团市委"] }),
    ]);
  });

  test("a quoted cell with a line break is one cell, blank merged cells repeat the units above, and the deadline column dates the goal", () => {
    const revision = parsePlan(titled);
    expect(quotaOn(revision, 5)).toEqual([
      expect.objectContaining({ kind: "ratio", target: 100, unit: "%", year: 2026, measure: "建设零工市场实现县域全覆盖", units: ["市人力社保局"], supportingUnits: ["市教育局", "团市委"] }),
    ]);
    // A filled lead cell stands alone: the supporting units above do not follow it.
    expect(quotaOn(revision, 7)).toEqual([expect.objectContaining({ kind: "cumulative", target: 2, unit: "万人次", year: 2025, units: ["市经信局"] })]);
    expect(present(quotaOn(revision, 7)[0], "the quota on line 7").supportingUnits).toBeUndefined();
  });

  test("a row with nothing to read is listed as unread with its line, not dropped", () => {
    expect(parsePlan(titled).unread).toEqual([{ line: 8, text: "4", reason: expect.stringMatching(/没有工作举措或目标/) }]);
  });

  test("other titles that mean the same (工作任务, 工作目标, 责任单位) are understood", () => {
    const text = ["工作任务\t工作内容\t工作目标\t责任单位", "一、优化营商环境\t推进企业开办全程网办\t到2025年底,企业开办时间压缩至1个工作日\t县市场监管局、县数据局"].join("\n");
    const revision = parsePlan(text);
    expect(revision.actions.map((a) => a.title)).toEqual(["优化营商环境"]);
    expect(revision.quotas).toEqual([expect.objectContaining({ year: 2025, units: ["县市场监管局", "县数据局"] })]);
  });

  test("a 牵头领导 column names a person, not the lead unit; a units cell may mark its lead (牵头)", () => {
    const text = [
      "序号\t工作任务\t工作目标\t牵头领导\t牵头单位/责任单位",
      "1\t推进城乡风貌整治\t完成风貌样板区建设4个\t张某某\t区住建局(牵头)、区农业农村局、各街道",
    ].join("\n");
    expect(parsePlan(text).quotas).toEqual([expect.objectContaining({ target: 4, unit: "个", lead: ["区住建局"], units: ["区农业农村局", "各街道"] })]);
  });

  test("a table without titles is read by its cells' shape, Word's unquoted line breaks joined", () => {
    const text = [
      "1\t提升公共服务\t新建城乡社区嵌入式服务设施20个\t区民政局\t2026年底",
      "2\t\t完善社区养老",
      "服务网络,每年培训养老护理员300名\t区民政局、区卫健局\t长期",
    ].join("\n");
    const revision = parsePlan(text);
    expect(revision.items.map((i) => i.title)).toEqual(["提升公共服务"]);
    expect(revision.quotas).toEqual([
      expect.objectContaining({ line: 1, kind: "cumulative", target: 20, unit: "个", year: 2026, units: ["区民政局"] }),
      expect.objectContaining({ line: 2, kind: "annual", measure: "完善社区养老服务网络,每年培训养老护理员300名", units: ["区民政局", "区卫健局"] }),
    ]);
    expect(revision.unread).toBeUndefined();
  });
});

describe("a numbered list (1.… under 一、 and (一) headings)", () => {
  const list = [
    "某县共同富裕2025年重点工作任务",
    "一、扩大中等收入群体",
    "（一）促进技能人才增收",
    "1.每年培训技能人才5000人次。",
    "牵头单位：县人力社保局",
    "配合单位：县财政局、县总工会",
    "2.建设技能大师工作室3个。（县人力社保局牵头，县经信局配合）",
    "3.完善技能人才薪酬分配制度。（县人力社保局、县国资办）",
    "（二）完善公共服务。（县民政局）",
    "二、改善农村环境",
    "1.完成农村生活污水治理设施标准化运维。",
    "这一行不属于任何格式",
  ].join("\n");

  test("units on lines of their own: lead and supporting apart", () => {
    const revision = parsePlan(list);
    expect(revision.title).toBe("某县共同富裕2025年重点工作任务");
    expect(quotaOn(revision, 4)).toEqual([
      expect.objectContaining({ kind: "annual", target: 5000, unit: "人次", units: ["县人力社保局"], supportingUnits: ["县财政局", "县总工会"] }),
    ]);
  });

  test("units in brackets at the item's end: (…牵头,…配合) and a plain list", () => {
    const revision = parsePlan(list);
    expect(quotaOn(revision, 7)).toEqual([expect.objectContaining({ target: 3, unit: "个", units: ["县人力社保局"], supportingUnits: ["县经信局"], measure: "建设技能大师工作室3个。" })]);
    expect(quotaOn(revision, 8)).toEqual([expect.objectContaining({ kind: "milestone", target: null, units: ["县人力社保局", "县国资办"] })]);
  });

  test("a (一) heading with its own units and no numbered items is a measure", () => {
    const revision = parsePlan(list);
    expect(quotaOn(revision, 9)).toEqual([expect.objectContaining({ kind: "milestone", units: ["县民政局"] })]);
    expect(revision.items.map((i) => [i.number, i.action, i.title])).toEqual([
      [1, 1, "促进技能人才增收"],
      [2, 1, "完善公共服务"],
      // 二、 has a numbered item and no (一): the action is its own key work item.
      [3, 2, "改善农村环境"],
    ]);
  });

  test("an item with no units and a line that fits no layout are unread, each with its line and reason", () => {
    const unread = parsePlan(list).unread ?? [];
    expect(unread.map((u) => u.line)).toEqual([11, 12]);
    expect(unread[0]?.reason).toMatch(/责任单位/);
    expect(unread[1]).toEqual({ line: 12, text: "这一行不属于任何格式", reason: expect.stringMatching(/不是标题、任务条目或责任单位/) });
  });

  test("items numbered again under each action get one numbering across the plan", () => {
    const text = ["一、甲", "(一)甲一", "1.开展甲项工作。(市甲局)", "二、乙", "(一)乙一", "1.开展乙项工作。(市乙局)"].join("\n");
    expect(parsePlan(text).items.map((i) => [i.number, i.action])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });
});

describe("units named every way a list names them", () => {
  test.each([
    ["市人力社保局、市教育局", [], ["市人力社保局", "市教育局"], []],
    ["牵头单位:市人力社保局;配合单位:市教育局、团市委", ["市人力社保局"], [], ["市教育局", "团市委"]],
    ["市人力社保局牵头,市教育局、团市委配合", ["市人力社保局"], [], ["市教育局", "团市委"]],
    ["责任单位:县民政局", [], ["县民政局"], []],
    // A lead named apart from the co-responsible units: both kept, the lead not repeated among them.
    ["牵头单位:区发改局;责任单位:区财政局、区发改局、区住建局", ["区发改局"], ["区财政局", "区住建局"], []],
    ["责任单位:区商务局;牵头单位:区发改局", ["区发改局"], ["区商务局"], []],
    ["区发改局牵头", ["区发改局"], [], []],
    ["区发改局牵头,各街道按职责分工负责", ["区发改局"], ["各街道"], []],
    // A lead marked after its name, the others sharing the work; 配合 only when the list says so.
    ["区发改局(牵头)、区财政局、区统计局", ["区发改局"], ["区财政局", "区统计局"], []],
    ["区发改局牵头,区财政局、区统计局", ["区发改局"], ["区财政局", "区统计局"], []],
    ["区住建局、区城管局牵头,各街道配合", ["区住建局", "区城管局"], [], ["各街道"]],
  ])("%s", (cell, lead, responsible, supporting) => {
    expect(readUnits(cell)).toEqual({ lead, responsible, supporting });
  });
});

describe("planbook plan --revision with unread lines", () => {
  test("reports each unread line on stderr, --json staying the list of quotas", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-layouts-"));
    const file = path.join(dir, "list.txt");
    writeFileSync(file, ["一、甲", "(一)甲一", "1.每年开展甲项培训20场。(市甲局)", "说明:本表由市甲局汇总"].join("\n"));
    let out = "";
    let err = "";
    const code = await main(["plan", "--json", "--revision", file], { out: (t) => (out += t), err: (t) => (err += t) });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([expect.objectContaining({ kind: "annual", target: 20, unit: "场", units: ["市甲局"] })]);
    expect(err).toMatch(/未读行 \/ unread line 4: .*说明:本表由市甲局汇总/);
  });
});
