/**
 * The frame every statistical form carries (统计报表, 联网直报): who issued the form and under what
 * approval, top right; who reports and for which period, top left; who signs, at the foot. The
 * aggregator sets the issuer's part once in the 计划 view; it is stored in the workbook's metadata
 * (`_planbook`), so every template made from that workbook — and every file handed out — shows it.
 */
export interface FormSettings {
  /** 表号, e.g. `浙技富表1号`. */
  formNumber: string;
  /** 制表机关, e.g. `浙江省人力资源和社会保障厅`. */
  authority: string;
  /** 批准文号 or 备案号, e.g. `浙统制〔2025〕12号`. */
  approval: string;
  /** 有效期至, as the approval states it (`2027年12月`). */
  validUntil: string;
  /** Whom to ask (name and telephone), shown in 填报说明. */
  contact: string;
}

export type FormField = keyof FormSettings;

/** The settings' labels on the form and in the 计划 view, in the order they are shown. */
export const FORM_LABELS: Record<FormField, string> = {
  formNumber: "表号",
  authority: "制表机关",
  approval: "批准文号/备案号",
  validUntil: "有效期至",
  contact: "联系人及电话",
};

export const FORM_FIELDS = Object.keys(FORM_LABELS) as FormField[];

/** Nothing set: every part of the frame is printed with its label and a blank. */
export const EMPTY_FORM: FormSettings = { formNumber: "", authority: "", approval: "", validUntil: "", contact: "" };

/** The settings with surrounding spaces removed; unknown keys are dropped. */
export function cleanFormSettings(settings: Partial<Record<FormField, unknown>>): FormSettings {
  return Object.fromEntries(
    FORM_FIELDS.map((field) => [field, typeof settings[field] === "string" ? settings[field].trim() : ""]),
  ) as unknown as FormSettings;
}

/** The issuer's lines, top right of the form: every label printed, blank where unset. */
export function issuerLines(settings: FormSettings): string[] {
  return (["formNumber", "authority", "approval", "validUntil"] as const).map((field) => `${FORM_LABELS[field]}：${settings[field]}`);
}

/** The audit sheet's sign-off. */
export const AUDIT_SIGNATURE_FIELDS = ["审核人", "审核日期"] as const;
