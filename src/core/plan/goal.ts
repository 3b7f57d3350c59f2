import { matchGroup } from "../shared/required";
import { beforeFirst } from "../shared/text";
import type { Quota } from "./types";

/**
 * Reads the quotas inside one 工作目标 text. General rules, no per-row cases:
 * - the text splits into clauses at `;` and `。`; a clause may start with its deadline
 *   (`2025年,` `到2027年底,` `2025—2027年,` — a range's deadline is its last year); a clause
 *   without one inherits none;
 * - every `number + unit` (万人次, 万人, 家, 个, 名, 场, 项, 所, %…) in a clause is a quota, `**` is an
 *   undecided number, `全覆盖` is 100%; `分别` pairs the numbers with the 、-list of subjects the
 *   measure names; a clause with no number is a milestone (reported as a status);
 * - `每年` makes a quota annual (no deadline), a percentage makes it a ratio, a count with a deadline
 *   is cumulative by that year;
 * - a percentage after `增长` / `增速` (年均增长5%, 同比增长8%) is a growth rate against the same period
 *   last year (kind growth, due every year), never a ratio of 5 %;
 * - `以上`, `不少于`, `不低于`, `达到` and plain counts bind as `>=`, `左右` as `≈`; a ceiling (`以内`,
 *   `以下`, `不超过`, `不高于`, `低于`, `控制在`) as `<=`;
 * - a range (`3-5个`, `3至5个`, `60%-70%`) is met at its lower bound (the target), the range kept;
 * - `其中` after one figure makes the figures after it parts of that total (培训2万人次,其中…0.8万人次、…);
 * - a clause whose figures cannot be read that way (a decrease `下降3%`, a change in `个百分点`, a
 *   number with no unit Planbook knows) is unread, with the reason: never a quota guessed at.
 */
export type ExtractedQuota = Pick<Quota, "kind" | "comparator" | "target" | "pending" | "unit" | "year" | "subject" | "text" | "cadence" | "range" | "month" | "attribute" | "measures"> & {
  /** Where the figure stands when the plan starts (从A提高到B: A); absent for 0. */
  baseline?: number;
  /** Normalised subject for the first id scheme (kept to recognise workbooks made with it). */
  key: string;
  /** 在每个县(市、区)… / 每个设区市…: the unit each one is counted in. */
  per: "county" | "city" | null;
  /** A part named after `其中`: its total is the quota extracted `partOfOffset` places before it. */
  partOfOffset?: number;
};

/** A clause of a goal that became no quota, and why (Chinese, then English). */
export interface UnreadClause {
  text: string;
  reason: string;
}

/** 每年, 每两年, 每季度: how often a clause's figure is due. */
function cadenceOf(body: string): Quota["cadence"] {
  if (/每两年/.test(body)) return "biennial";
  if (/每季度/.test(body)) return "quarterly";
  return /每年/.test(body) ? "annual" : "once";
}

/** The cadence words a clause starts its figures with, for a target phrase cut out of it. */
const CADENCE_WORDS: Record<Quota["cadence"], string> = { once: "", annual: "每年", biennial: "每两年", quarterly: "每季度" };

/** 每个县(市、区), 每个县, 每个设区市, 每个市, 各县(市、区): a figure that every such unit must reach. */
function perUnitOf(body: string): "county" | "city" | null {
  if (/(每个|各)县/.test(body)) return "county";
  if (/(每个|各)(设区)?市/.test(body)) return "city";
  return null;
}

/** Units a figure is counted in, longest first so that 万人次 is not read as 人次 (nor 平方米 as 米). */
export const MEASURE_UNITS =
  "万人次|万人|人次|万元|亿元|元|万户|万平方米|平方米|万亩|亩|公顷|万吨|吨|公里|千米|米|万千瓦|千瓦|兆瓦|万辆|辆|台套|台|万册|册|家|个|名|场|项|所|%|人|户|起|次|座|条|套|批|处|支|张|间|栋|幢|床|艘|架|件|篇|期|班|门|种|小时|天|分钟|岁|倍|标箱";
const UNITS = MEASURE_UNITS;
/**
 * A number (or `**`) with its unit, and what binds it: a word before (不少于, 不超过…), `以上`, `左右`,
 * `以内`, `以下` after; a second number after a dash or 至 makes a range (3-5个, 60%-70%).
 */
const NUMBER = new RegExp(
  `(不少于|不低于|不超过|不高于|低于|控制在|达到|达)?(\\d+(?:\\.\\d+)?|\\*\\*)(?:%?\\s*(?:-|—|–|~|～|至)\\s*(\\d+(?:\\.\\d+)?))?(${UNITS})(以上|左右|以内|以下)?`,
  "g",
);
/** Words before a percentage that make it a growth rate (年均增长5%, 增速达到7%). */
const GROWTH = /(?:年均|同比|年)?(?:增长|增速|增幅)(?:率)?(?:达到|达|保持在|保持|为)?$/;
/** Words before a percentage that make it a decrease, which Planbook does not read yet. */
const DECREASE = /(?:下降|降低|减少|压减|降幅)(?:率)?(?:达到|达|为)?$/;
/** A figure's comparator from the words around it. */
function comparatorOf(before: string | undefined, after: string | undefined): Quota["comparator"] {
  if (after === "左右") return "≈";
  if (after === "以内" || after === "以下" || (before !== undefined && /不超过|不高于|^低于|控制在/.test(before))) return "<=";
  return ">=";
}
const DEADLINE = /^(?:到|于|在)?(\d{4})(?:\s*[—–-]\s*(\d{4}))?年(?:(\d{1,2})月)?(?:底|末)?(?:前)?(?:[,:]|(?=[\u4e00-\u9fa5]))/;
/** A deadline inside the clause (…,2026年6月底前完成; 6月底前建成…): a year, a month, or both. */
const INNER_DEADLINE = /(?:(\d{4})年)?(?:(\d{1,2})月)(?:底|末)(?:前)?|(\d{4})年(?:底|末)前/;
/** 约束性 / 预期性 written with a goal ((约束性), 属性:预期性): how the plan holds its quotas. */
const ATTRIBUTE = /[(\[]?(?:属性\s*[:：]?\s*)?(约束性|预期性)(?:指标)?[)\]]?/;
/** A figure before which 人均 or 占…比重 says what it measures. */
const PER_CAPITA = /人均/;
const SHARE = /占[^,;,、]{0,20}(?:比重|比例|份额)|占比/;
/**
 * Figures that go from a level to another (从8.5万元提高到9.2万元, 由60%提升至75%, 从A、B分别提高到
 * C、D): the first list is where each stands when the plan starts, the second its target.
 */
const FIGURE_LIST = `\\d+(?:\\.\\d+)?(?:${UNITS})?(?:\\s*[、和及与]\\s*\\d+(?:\\.\\d+)?(?:${UNITS})?)*`;
const FROM_TO = new RegExp(`(?:从|由)\s*(${FIGURE_LIST})\s*(?:分别)?(提高|提升|增加|增长|扩大|上升|下降|降低|减少|压减|压缩|缩短|调整)(?:到|至)\s*(${FIGURE_LIST})`);
/** Verbs and fillers around a subject that say what is done, not what is counted. */
const FILLER =
  /^(其中|每年|分别|累计|实现|推动|争取|全省|全市|全县|全区|全面|持续|进一步|遴选培育|遴选公布|遴选|公布|培育|培训|建设|建成|举办|打造|开展|完成|涉及|达到|达|推出|组织|在)+/;
/** Words that make a measure's text long without telling one measure from another. */
const GENERIC = /开展|领域|职业技能|提升|培训|技能培训|就业创业|的|“|”|"|\(|\)|。|,|、/g;

export function subjectKey(text: string, maxLength = 6): string {
  const compact = text.replace(/\(.*?\)/g, "").replace(GENERIC, "").replace(/\s+/g, "");
  return compact.length <= maxLength ? compact : compact.slice(compact.length - maxLength);
}

/** The key of a measure (or its sub-measure) when the quota itself names no subject. */
export function measureKey(measure: string, sub: string | null): string {
  if (sub) return subjectKey(sub);
  const compact = measure.replace(/\(.*?\)/g, "").replace(GENERIC, "").replace(/\s+/g, "");
  return compact.slice(0, 6);
}

/** The 、-list of subjects a `分别` clause pairs its numbers with (网店业主、网络主播、外卖骑手等…). */
function listedSubjects(measure: string, count: number): string[] | null {
  const parts = measure.split("、");
  if (parts.length !== count) return null;
  const shortest = Math.min(...parts.slice(1, -1).map((p) => p.length), 8);
  return parts.map((part, index) => {
    const trimmed = index === parts.length - 1 ? beforeFirst(part, "等") : part;
    // The first part carries the measure's verb (开展…): keep as many characters as the others have.
    return index === 0 ? trimmed.slice(Math.max(0, trimmed.length - shortest)) : trimmed;
  });
}

/** Verbs a subject ends in before its figure (森林覆盖率保持在62%): what binds it, not what is counted. */
const BINDING_TAIL = /(保持在|稳定在|控制在|提高到|提升至|提高至|提升到|达到|保持|为)$/;

function clean(subject: string): string {
  return subject.replace(/^[,:\s]+|[,:\s]+$/g, "").replace(FILLER, "").replace(/^(和|及)/, "").replace(BINDING_TAIL, "").trim();
}

/** A unit written in brackets after its indicator (新建城市道路(公里):8.5) moved after the figure, as the quota reader reads it. */
function unitAfterFigure(clause: string): string {
  return clause.replace(new RegExp(`\\((${UNITS})\\)\\s*[:：]?\\s*(\\d+(?:\\.\\d+)?)(?![\\d.%]|${UNITS})`, "g"), "$2$1");
}

/** A target phrase cut out of a clause keeps the clause's cadence (每年…1万人次, not 1万人次). */
function withCadence(text: string, cadence: Quota["cadence"]): string {
  const words = CADENCE_WORDS[cadence];
  return words === "" || text.includes(words) ? text : `${words}${text.replace(/^[、,\s]+/, "")}`;
}

function splitClauses(goal: string): string[] {
  return goal
    // A new deadline after a comma starts a clause too: 到2025年底,…5000家,到2027年底,…10000家.
    .split(/[;。]|,(?=到?\d{4}(?:\s*[—–-]\s*\d{4})?年)/)
    .map((c) => c.trim())
    .filter((c) => c !== "");
}

/** Digits left in a clause once its years (2025年, 2025—2027年) are set aside: figures with no known unit. */
const STRAY_DIGITS = /\d/;
/** Names that carry digits: quoted (“415X”), or a token with Latin letters (5G, 3A级). */
const NAMES = /[“"][^”"]*[”"]|[A-Za-z0-9.]*[A-Za-z][A-Za-z0-9.]*/g;
const YEARS = /\d{4}\s*(?:[—–-]\s*\d{4}\s*)?年/g;

const unreadReason = (zh: string, en: string): string => `${zh} / ${en}`;

/** What the plan around a goal says of every clause: its one year (a 2026年 list), due at that year's end. */
export interface GoalContext {
  year?: number | null;
}

/** The figure and unit of one entry of a from → to list (8.5万元), the unit null when it carries none. */
function listFigures(list: string): { figure: number; unit: string | null }[] {
  return list.split(/\s*[、和及与]\s*/).map((entry) => {
    const match = new RegExp(`^(\\d+(?:\\.\\d+)?)(${UNITS})?$`).exec(entry.trim());
    return { figure: Number(match?.[1] ?? NaN), unit: match?.[2] ?? null };
  });
}

/**
 * The subjects a clause names before its figures, one per figure: `城镇、农村居民人均可支配收入` for two
 * (城镇居民人均可支配收入, 农村居民人均可支配收入 — a short first part shares the last one's head
 * noun), the measure's listed subjects, else the one subject numbered.
 */
function subjectsFor(text: string, count: number, measure: string): string[] {
  const whole = clean(text.replace(/分别$/, "").replace(/^.*[,:]/, ""));
  if (count === 1) return [whole];
  const parts = whole.split(/[、和及与]/).map((p) => p.trim()).filter((p) => p !== "");
  const last = parts.at(-1) ?? "";
  if (parts.length === count) return parts.map((part, index) => (index < count - 1 && part.length <= 4 && last.length > part.length + 2 ? `${part}${last.slice(part.length)}` : part));
  return listedSubjects(measure, count) ?? Array.from({ length: count }, (_, index) => `${whole}(${index + 1})`);
}

/** 从A提高到B (从A、B分别提高到C、D): one level target each, its baseline where the figure stands now. */
function fromToQuotas(match: RegExpExecArray, body: string, measure: string, common: Pick<ExtractedQuota, "year" | "cadence" | "per" | "month" | "attribute">, deadlineText: string): ExtractedQuota[] | null {
  const from = listFigures(matchGroup(match, 1));
  const to = listFigures(matchGroup(match, 3));
  if (from.length !== to.length || [...from, ...to].some((f) => !Number.isFinite(f.figure))) return null;
  const before = body.slice(0, match.index);
  const subjects = subjectsFor(before.slice(before.search(/[^,;]*$/)), to.length, measure);
  return to.map((target, index): ExtractedQuota => {
    const start = from[index] as { figure: number; unit: string | null };
    const unit = target.unit ?? start.unit ?? to.find((t) => t.unit !== null)?.unit ?? from.find((f) => f.unit !== null)?.unit ?? null;
    const subject = subjects[index] ?? "";
    const falls = target.figure < start.figure;
    return {
      kind: unit === "%" ? "ratio" : "cumulative",
      comparator: falls ? "<=" : ">=",
      target: target.figure,
      pending: false,
      unit,
      ...common,
      subject: subject === "" ? null : subject,
      key: subject === "" ? measureKey(measure, null) : subjectKey(subject),
      text: `${deadlineText}${subject}从${start.figure}${start.unit ?? unit ?? ""}${falls ? "降至" : "提高到"}${target.figure}${target.unit ?? unit ?? ""}`,
      baseline: start.figure,
      measures: PER_CAPITA.test(subject) ? "per-capita" : "level",
    };
  });
}

/** The subjects a `各N个` figure counts for (A和B各建设2个): one quota each; null for one subject or a per-unit 各县. */
function eachSubjects(beforeText: string): string[] | null {
  const each = /各(?!县|市|区|地|乡|镇|街|村|单位|部门)([\u4e00-\u9fa5]{0,3})$/.exec(beforeText);
  if (!each) return null;
  const listed = beforeText.slice(0, each.index).replace(/^.*[,;]/, "");
  const parts = listed
    .split(/[、和及与]/)
    .map(clean)
    .filter((p) => p !== "");
  return parts.length >= 2 ? parts : null;
}

export function extractQuotas(goal: string, measure: string, sub: string | null, context: GoalContext = {}): { quotas: ExtractedQuota[]; unread: UnreadClause[] } {
  const quotas: ExtractedQuota[] = [];
  const unread: UnreadClause[] = [];
  const attributeMatch = ATTRIBUTE.exec(goal);
  const attribute: ExtractedQuota["attribute"] = attributeMatch ? (attributeMatch[1] === "约束性" ? "binding" : "expected") : undefined;
  const stated = attributeMatch ? goal.replace(new RegExp(ATTRIBUTE.source, "g"), "") : goal;
  for (const clause of splitClauses(stated).map(unitAfterFigure)) {
    const deadline = DEADLINE.exec(clause);
    let body = deadline ? clause.slice(deadline[0].length) : clause;
    const inner = deadline ? null : INNER_DEADLINE.exec(body);
    const statedYear = deadline ? Number(deadline[2] ?? deadline[1]) : inner ? Number(inner[1] ?? inner[3] ?? NaN) : NaN;
    const statedMonth = deadline?.[3] ?? inner?.[2];
    const cadence = cadenceOf(body);
    const annual = cadence !== "once";
    // A clause with no year of its own is due when the plan is (a 2026年 list: its year's end).
    const year = Number.isFinite(statedYear) ? statedYear : (context.year ?? null);
    const month = statedMonth !== undefined && !annual ? Number(statedMonth) : undefined;
    const dated = { year: annual ? null : year, ...(month !== undefined ? { month } : {}), ...(attribute ? { attribute } : {}) };
    const per = perUnitOf(body);
    const fromTo = FROM_TO.exec(body);
    const levels = fromTo ? fromToQuotas(fromTo, body, measure, { ...dated, cadence, per }, deadline ? deadline[0] : "") : null;
    if (fromTo && levels) {
      quotas.push(...levels);
      // The rest of the clause may state figures of its own.
      body = `${body.slice(0, fromTo.index).replace(/[^,;]*$/, "")}${body.slice(fromTo.index + fromTo[0].length)}`;
    }
    const matches = [...body.matchAll(NUMBER)];
    const coverage = /全覆盖/.test(body);
    const problem = unreadable(body, matches);
    if (problem) {
      unread.push({ text: clause, reason: problem });
      continue;
    }
    if (matches.length === 0 && !coverage) {
      if (levels) continue;
      quotas.push({
        kind: "milestone",
        comparator: "=",
        target: null,
        pending: false,
        unit: null,
        ...dated,
        subject: clean(body.replace(INNER_DEADLINE, "")),
        key: subjectKey(clean(body), 8),
        text: clause,
        cadence,
        per: null,
      });
      continue;
    }
    const listed = /分别/.test(body) ? listedSubjects(measure, matches.length) : null;
    // 其中 after the first figure: the figures after it are that total's parts.
    const partsFrom = body.indexOf("其中");
    const [firstMatch, secondMatch] = matches;
    const hasParts = partsFrom !== -1 && firstMatch !== undefined && secondMatch !== undefined && (firstMatch.index ?? 0) < partsFrom && (secondMatch.index ?? 0) > partsFrom;
    const first = quotas.length;
    matches.forEach((match, index) => {
      const start = match.index ?? 0;
      const unit = matchGroup(match, 4);
      const figure = matchGroup(match, 2);
      const endOfMatch = start + match[0].length;
      // A subject after the number (10所一流技师学院) reaches the next delimiter or number;
      // otherwise it is the text before the number, back to the previous delimiter or number.
      const nextStart = matches[index + 1]?.index ?? body.length;
      const after = beforeFirst(body.slice(endOfMatch, nextStart), /[,、;]/).replace(/(和|及)$/, "");
      const previous = index === 0 ? undefined : matches[index - 1];
      const previousEnd = previous ? (previous.index ?? 0) + previous[0].length : 0;
      const beforeText = body.slice(previousEnd, start);
      const growth = unit === "%" && GROWTH.test(beforeText);
      // Between two numbers a subject ends at 和 (10名…和600名…); before the first it is whole
      // (高技能领军人才和高技能青年人才120名). A growth rate's subject is what grows (地区生产总值).
      const rawBefore = beforeText.slice(beforeText.search(index === 0 ? /[^,、]*$/ : /[^,、和]*$/));
      const withoutGrowth = (text: string): string => (growth ? text.replace(GROWTH, "") : text);
      const before = withoutGrowth(rawBefore);
      // listedSubjects gives one subject per match, or none at all.
      const subject = listed?.[index] ?? (clean(after) !== "" ? clean(after) : clean(before));
      // The first id scheme cut the subject before the first number at 和 too: its key is kept as it was.
      const legacySubject = listed?.[index] ?? (clean(after) !== "" ? clean(after) : clean(withoutGrowth(beforeText.slice(beforeText.search(/[^,、和]*$/)))));
      const percent = unit === "%";
      const pending = figure === "**";
      const low = pending ? null : Number(figure);
      const range = match[3] !== undefined && low !== null ? { low, high: Number(match[3]) } : undefined;
      const measures: ExtractedQuota["measures"] = PER_CAPITA.test(beforeText) || PER_CAPITA.test(subject) ? "per-capita" : percent && SHARE.test(beforeText) ? "share" : undefined;
      const quota: ExtractedQuota = {
        // A growth rate is due every year: this year's figure against last year's.
        kind: growth ? "growth" : percent ? "ratio" : annual ? "annual" : "cumulative",
        comparator: comparatorOf(match[1], match[5]),
        target: low,
        pending,
        unit,
        ...dated,
        subject: subject === "" ? null : subject,
        key: subject === "" ? measureKey(measure, sub) : subjectKey(legacySubject),
        // A part's phrase without 其中, so that its cadence reads before it (每年新就业形态劳动者…, not 每年其中…).
        text: matches.length > 1 ? withCadence(`${deadline ? deadline[0] : ""}${rawBefore.replace(/^其中/, "")}${match[0]}${listed ? "" : clean(after)}`, cadence) : clause,
        cadence: growth ? "annual" : cadence,
        per,
        ...(measures ? { measures } : {}),
        ...(range ? { range } : {}),
        ...(hasParts && index > 0 ? { partOfOffset: quotas.length - first } : {}),
      };
      // A和B各建设2个: the figure is each subject's.
      const each = listed ? null : eachSubjects(beforeText);
      if (!each) {
        quotas.push(quota);
        return;
      }
      for (const part of each) {
        const own = `${part}${clean(after)}`;
        quotas.push({ ...quota, subject: own, key: subjectKey(own), text: `${deadline ? deadline[0] : ""}${part}${match[0]}${clean(after)}` });
      }
    });
    if (coverage) {
      const subject = clean(body.replace(/全覆盖.*$/, ""));
      quotas.push({
        kind: "ratio",
        comparator: ">=",
        target: 100,
        pending: false,
        unit: "%",
        ...dated,
        subject,
        key: subjectKey(subject),
        text: clause,
        cadence,
        per,
      });
    }
  }
  return { quotas, unread };
}

/** Why a clause's figures cannot be read as quotas, or null when they can. */
function unreadable(body: string, matches: RegExpMatchArray[]): string | null {
  for (const match of matches) {
    const start = match.index ?? 0;
    if (match[4] === "%" && DECREASE.test(body.slice(0, start))) {
      return unreadReason("降幅指标（下降…%）尚不能自动读取，请在导入时手工设定", "a decrease (下降…%) is not read automatically yet; set it by hand when importing");
    }
    if (match[4] === "个" && body.slice(start + match[0].length).startsWith("百分点")) {
      return unreadReason("以「个百分点」表示的变化尚不能自动读取，请在导入时手工设定", "a change in percentage points (个百分点) is not read automatically yet; set it by hand when importing");
    }
  }
  // A figure left once the quotas, years and names (“415X”集群, 5G) are taken out has a unit Planbook does not know.
  let rest = body.replace(YEARS, "").replace(NAMES, "");
  for (const match of matches) rest = rest.replace(match[0], "");
  if (STRAY_DIGITS.test(rest.replace(/每\d+年|\d+月/g, ""))) {
    return unreadReason("目标中有无法识别单位或句式的数字", "a number in the goal whose unit or wording is not understood");
  }
  return null;
}
