import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../../src/cli/main";
import { convertWithLibreOffice } from "../../support/libreoffice";

/** Task lists written for this test, saved as .docx by LibreOffice from HTML, read with `--revision plan.docx`. */

const DOCX = { extension: "docx", filter: "MS Word 2007 XML" };

const TABLE_PLAN = `<html><head><meta charset="utf-8"></head><body>
<p>某市稳就业重点任务分解表</p>
<table border="1">
<tr><td>序号</td><td>重点任务</td><td>具体举措</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>
<tr><td>1</td><td rowspan="2">稳定高校毕业生就业</td><td>每年组织就业见习岗位3000个</td><td>市人力社保局</td><td>市教育局、团市委</td><td>长期</td></tr>
<tr><td>2</td><td><p>建设零工市场</p><p>实现县域全覆盖</p></td><td>市人力社保局</td><td>市民政局</td><td>2026年底</td></tr>
<tr><td>3</td><td>加强技能培训</td><td>开展数字技能培训2万人次</td><td>市经信局</td><td></td><td>2025年底</td></tr>
</table>
</body></html>`;

const LIST_PLAN = `<html><head><meta charset="utf-8"></head><body>
<p>某县共同富裕重点工作任务</p>
<p>一、扩大中等收入群体</p>
<p>（一）促进技能人才增收</p>
<p>1.每年培训技能人才5000人次。</p>
<p>牵头单位：县人力社保局</p>
<p>配合单位：县财政局、县总工会</p>
<p>2.建设技能大师工作室3个。（县人力社保局牵头，县经信局配合）</p>
<p>二、改善农村环境</p>
<p>（二）完善公共服务。（县民政局）</p>
<p>本表由县发展改革局汇总。</p>
</body></html>`;

const INDICATOR_PLAN = `<html><head><meta charset="utf-8"></head><body>
<p>某县2026年主要指标任务分解表</p>
<table border="1">
<tr><td>序号</td><td>类别</td><td>指标名称</td><td>计量单位</td><td>全市目标</td><td>本县目标</td><td>指标属性</td><td>完成时限</td><td>牵头单位</td><td>责任单位</td><td>权重</td></tr>
<tr><td>1</td><td rowspan="2">民生保障</td><td>城镇新增就业</td><td>人</td><td>60000</td><td>5200</td><td>预期性</td><td>11月底前</td><td>县人力社保局</td><td>各乡镇（街道）</td><td>6</td></tr>
<tr><td>2</td><td>城乡居民人均可支配收入</td><td>元</td><td>72000</td><td>61500</td><td>预期性</td><td>12月底前</td><td>县发改局</td><td>县统计局、县农业农村局</td><td>8</td></tr>
<tr><td>3</td><td>绿色低碳</td><td>新增造林面积</td><td>亩</td><td>8000</td><td>600</td><td>约束性</td><td>3月底前</td><td>县林业局</td><td></td><td>4</td></tr>
</table>
</body></html>`;

async function planJson(file: string): Promise<{ code: number; quotas: Record<string, unknown>[]; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["plan", "--json", "--revision", file], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, quotas: code === 0 ? (JSON.parse(out) as Record<string, unknown>[]) : [], err };
}

describe("planbook plan --revision <plan.docx> (a .docx saved by LibreOffice)", () => {
  let tablePlan: string;
  let listPlan: string;
  let indicatorPlan: string;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-docx-"));
    const htmlDir = mkdtempSync(path.join(dir, "html-"));
    const outDir = mkdtempSync(path.join(dir, "docx-"));
    writeFileSync(path.join(htmlDir, "table-plan.html"), TABLE_PLAN);
    writeFileSync(path.join(htmlDir, "list-plan.html"), LIST_PLAN);
    writeFileSync(path.join(htmlDir, "indicator-plan.html"), INDICATOR_PLAN);
    [tablePlan, listPlan, indicatorPlan] = await convertWithLibreOffice(
      [path.join(htmlDir, "table-plan.html"), path.join(htmlDir, "list-plan.html"), path.join(htmlDir, "indicator-plan.html")],
      outDir,
      DOCX,
    );
  });

  test("a Word table: titled columns, a merged task cell, a cell of two paragraphs, lead and supporting units apart", async () => {
    const { code, quotas, err } = await planJson(tablePlan);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(quotas).toEqual([
      expect.objectContaining({ item: 1, kind: "annual", target: 3000, unit: "个", units: ["市人力社保局"], supportingUnits: ["市教育局", "团市委"] }),
      expect.objectContaining({ item: 1, kind: "ratio", target: 100, year: 2026, measure: "建设零工市场实现县域全覆盖", supportingUnits: ["市民政局"] }),
      expect.objectContaining({ item: 2, kind: "cumulative", target: 2, unit: "万人次", year: 2025, units: ["市经信局"] }),
    ]);
    expect(quotas[2]).not.toHaveProperty("supportingUnits");
  });

  test("numbered paragraphs: units on lines of their own and in brackets; a line that is no task is reported, not dropped", async () => {
    const { code, quotas, err } = await planJson(listPlan);
    expect(code).toBe(0);
    expect(quotas).toEqual([
      expect.objectContaining({ action: 1, kind: "annual", target: 5000, unit: "人次", units: ["县人力社保局"], supportingUnits: ["县财政局", "县总工会"] }),
      expect.objectContaining({ action: 1, target: 3, unit: "个", units: ["县人力社保局"], supportingUnits: ["县经信局"] }),
      expect.objectContaining({ action: 2, kind: "milestone", units: ["县民政局"] }),
    ]);
    expect(err).toMatch(/未读行 \/ unread line \d+: .*「本表由县发展改革局汇总。」/);
  });

  test("a Word indicator table: a merged 类别, 属性, month deadlines, this county's target beside the city's, lead units and weights", async () => {
    const { code, quotas, err } = await planJson(indicatorPlan);
    expect([code, err]).toEqual([0, ""]);
    expect(quotas).toEqual([
      expect.objectContaining({ action: 1, subject: "城镇新增就业", kind: "cumulative", target: 5200, unit: "人", year: 2026, month: 11, attribute: "expected", wholeTarget: 60000, weight: 6, lead: ["县人力社保局"], units: ["各乡镇(街道)"] }),
      expect.objectContaining({ action: 1, subject: "城乡居民人均可支配收入", target: 61500, unit: "元", month: 12, measures: "per-capita", lead: ["县发改局"], units: ["县统计局", "县农业农村局"] }),
      expect.objectContaining({ action: 2, subject: "新增造林面积", target: 600, unit: "亩", month: 3, attribute: "binding", wholeTarget: 8000, weight: 4, lead: ["县林业局"], units: ["县林业局"] }),
    ]);
  });

  test("a file named .docx that is not one is refused by name", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-docx-bad-"));
    const file = path.join(dir, "not-a-plan.docx");
    writeFileSync(file, "一、甲\n(一)乙\n1.开展工作。(市甲局)");
    let err = "";
    const code = await main(["plan", "--revision", file], { out: () => undefined, err: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toMatch(/not-a-plan\.docx.*不是可读的 \.docx 文件/);
  });
});
