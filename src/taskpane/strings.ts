/**
 * Every text the task pane shows, once per language. `zh` is the default; `en` has the same
 * shape (the type makes a missing translation a compile error).
 */
export type Language = "zh" | "en";

const zh = {
  appTitle: "计划填报 Planbook",
  switchLanguage: "English",
  switchLanguageLabel: "切换到英文界面 / Switch to English",
  viewsLabel: "功能",
  views: { fill: "填报", plan: "计划", merge: "汇总", audit: "审核" },
  fill: {
    noPlan: "没有可用的计划，请在「计划」中导入。",
    scopeKind: "填报范围",
    scopeKinds: { province: "全省", unit: "责任单位", city: "市" },
    unit: "选择责任单位",
    city: "选择市",
    periodKind: "报告周期",
    periodKinds: { month: "月报", quarter: "季报" },
    year: "年份",
    month: "月份",
    quarter: "季度",
    monthOption: (month: number) => `${month}月`,
    quarterOption: (quarter: number) => `第${quarter}季度`,
    generate: "生成模板",
    generating: "正在生成模板…",
    retrying: (attempt: number, of: number) => `Excel 没有响应，正在重试（${attempt}/${of}）…`,
    successTitle: "模板已生成",
    success: (sheet: string, rows: number) => `工作表「${sheet}」，共 ${rows} 行指标。`,
    kept: (rows: number) => `已保留 ${rows} 行已填数据。`,
    archived: (count: number) => `${count} 项新版已删除的指标已移入归档区。`,
    nameTaken: (wanted: string) => `「${wanted}」已被非本插件的工作表占用，未改动它。`,
    nextStep: "请在未锁定的单元格中填写本期完成、累计完成和说明。",
    errorTitle: "生成失败",
    errorNext: "请检查后再按「生成模板」重试；若仍失败，请关闭工作簿后重新打开。",
  },
  plan: {
    builtIn: "内置计划版本",
    quotaCount: (quotas: number, regional: number) => `${quotas} 项指标（其中地区指标 ${regional} 项）`,
    diffTitle: (older: string, newer: string) => `版本对比：${older} → ${newer}`,
    added: (n: number) => `新增 ${n}`,
    removed: (n: number) => `删除 ${n}`,
    changed: (n: number) => `修改 ${n}`,
    noDiff: "只有一个版本，无可对比。",
    importTitle: "导入其他计划",
    pasteLabel: "粘贴计划附件文本",
    pasteHint: "附件1 重点工作任务清单（含表头），可带附件2。",
    parse: "解析",
    parsedTitle: (items: number, quotas: number) => `找到 ${items} 项重点工作、${quotas} 项指标`,
    parseErrorTitle: (line: number) => `第 ${line} 行无法解析`,
    use: "使用此计划",
    inUse: "正在使用",
    pending: "待定",
    milestone: "里程碑",
    active: (label: string) => `当前计划：${label}`,
  },
  merge: {
    title: "汇总",
    notYet: "在任务窗格中汇总各市报送的工作簿（合并为全省汇总表）的界面尚未完成，暂不可用。",
  },
  audit: {
    title: "审核",
    intro: "检查工作簿中所有填报表，结果写入受保护的「审核结果」表；不会改动任何填报数据。",
    run: "运行全部校验",
    running: "正在校验…",
    summary: (sheets: number, errors: number, warnings: number, sheet: string) =>
      `已检查 ${sheets} 张填报表：${errors} 个错误，${warnings} 个警告。详见「${sheet}」表。`,
    byRule: "按规则统计",
    rule: "规则",
    count: "数量",
  },
  findings: {
    title: "录入检查",
    none: "没有发现问题。",
    workbook: "工作簿",
    severity: { error: "错误（须更正）", warning: "警告（须在说明中解释）", info: "提示" },
  },
  language: "zh" as "zh" | "en",
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: "Planbook",
  switchLanguage: "中文",
  switchLanguageLabel: "切换到中文界面 / Switch to Chinese",
  viewsLabel: "Views",
  views: { fill: "Report", plan: "Plan", merge: "Merge", audit: "Audit" },
  fill: {
    noPlan: "No plan is available: import one in the Plan view.",
    scopeKind: "Scope",
    scopeKinds: { province: "Province", unit: "Responsible unit", city: "City" },
    unit: "Which unit",
    city: "Which city",
    periodKind: "Reporting cycle",
    periodKinds: { month: "Monthly", quarter: "Quarterly" },
    year: "Year",
    month: "Month",
    quarter: "Quarter",
    monthOption: (month: number) => new Date(2000, month - 1, 1).toLocaleString("en", { month: "long" }),
    quarterOption: (quarter: number) => `Q${quarter}`,
    generate: "Generate template",
    generating: "Generating the template…",
    retrying: (attempt: number, of: number) => `Excel did not answer; retrying (${attempt}/${of})…`,
    successTitle: "Template generated",
    success: (sheet: string, rows: number) => `Sheet "${sheet}" with ${rows} quota rows.`,
    kept: (rows: number) => `${rows} rows of typed figures were kept.`,
    archived: (count: number) => `${count} quotas dropped by the new revision were moved to the archive area.`,
    nameTaken: (wanted: string) => `"${wanted}" belongs to a sheet Planbook did not make; it was left alone.`,
    nextStep: "Type this period's figures, the cumulative figures and notes into the unlocked cells.",
    errorTitle: "Generation failed",
    errorNext: "Check the above, then press Generate template again; if it still fails, close and reopen the workbook.",
  },
  plan: {
    builtIn: "Built-in revisions",
    quotaCount: (quotas: number, regional: number) => `${quotas} quotas (${regional} regional)`,
    diffTitle: (older: string, newer: string) => `Changes: ${older} → ${newer}`,
    added: (n: number) => `${n} added`,
    removed: (n: number) => `${n} removed`,
    changed: (n: number) => `${n} changed`,
    noDiff: "Only one revision: nothing to compare.",
    importTitle: "Import another plan",
    pasteLabel: "Paste the plan's annex text",
    pasteHint: "Annex 1 task list (with its header row), optionally Annex 2.",
    parse: "Parse",
    parsedTitle: (items: number, quotas: number) => `Found ${items} key work items and ${quotas} quotas`,
    parseErrorTitle: (line: number) => `Line ${line} could not be read`,
    use: "Use this plan",
    inUse: "In use",
    pending: "pending",
    milestone: "milestone",
    active: (label: string) => `Plan in use: ${label}`,
  },
  merge: {
    title: "Merge",
    notYet: "Merging the cities' returned workbooks into the province summary is not available in the task pane yet.",
  },
  audit: {
    title: "Audit",
    intro: "Checks every Planbook sheet of the workbook and lists the findings in a protected audit sheet; no data is changed.",
    run: "Run all checks",
    running: "Checking…",
    summary: (sheets: number, errors: number, warnings: number, sheet: string) =>
      `${sheets} report sheets checked: ${errors} errors, ${warnings} warnings. See the "${sheet}" sheet.`,
    byRule: "Findings by rule",
    rule: "Rule",
    count: "Count",
  },
  findings: {
    title: "Checks as you type",
    none: "No problems found.",
    workbook: "Workbook",
    severity: { error: "Errors (must be fixed)", warning: "Warnings (explain in 说明)", info: "Information" },
  },
  language: "en",
};

export const STRINGS: Record<Language, Strings> = { zh, en };

/** English when Office speaks English, Chinese otherwise (the plan's officials work in Chinese). */
export function languageOf(displayLanguage: string | undefined | null): Language {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "zh";
}
