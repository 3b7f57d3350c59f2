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
export type ExtractedQuota = Pick<Quota, "kind" | "comparator" | "target" | "pending" | "unit" | "year" | "subject" | "text" | "cadence" | "range"> & {
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

/** Units a figure is counted in, longest first so that 万人次 is not read as 人次. */
const UNITS = "万人次|万人|人次|万元|亿元|万户|家|个|名|场|项|所|%|人|户|起|次|座|条|套|批|处|支";
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
const DEADLINE = /^(?:到)?(\d{4})(?:\s*[—–-]\s*(\d{4}))?年(?:底)?(?:[,:]|(?=[\u4e00-\u9fa5]))/;
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

function clean(subject: string): string {
  return subject.replace(/^[,:\s]+|[,:\s]+$/g, "").replace(FILLER, "").replace(/^(和|及)/, "").trim();
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

export function extractQuotas(goal: string, measure: string, sub: string | null): { quotas: ExtractedQuota[]; unread: UnreadClause[] } {
  const quotas: ExtractedQuota[] = [];
  const unread: UnreadClause[] = [];
  for (const clause of splitClauses(goal)) {
    const deadline = DEADLINE.exec(clause);
    const year = deadline ? Number(deadline[2] ?? deadline[1]) : null;
    const body = deadline ? clause.slice(deadline[0].length) : clause;
    const cadence = cadenceOf(body);
    const annual = cadence !== "once";
    const per = perUnitOf(body);
    const matches = [...body.matchAll(NUMBER)];
    const coverage = /全覆盖/.test(body);
    const problem = unreadable(body, matches);
    if (problem) {
      unread.push({ text: clause, reason: problem });
      continue;
    }
    if (matches.length === 0 && !coverage) {
      quotas.push({
        kind: "milestone",
        comparator: "=",
        target: null,
        pending: false,
        unit: null,
        year: annual ? null : year,
        subject: clean(body),
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
      quotas.push({
        // A growth rate is due every year: this year's figure against last year's.
        kind: growth ? "growth" : percent ? "ratio" : annual ? "annual" : "cumulative",
        comparator: comparatorOf(match[1], match[5]),
        target: low,
        pending,
        unit,
        year: annual ? null : year,
        subject: subject === "" ? null : subject,
        key: subject === "" ? measureKey(measure, sub) : subjectKey(legacySubject),
        // A part's phrase without 其中, so that its cadence reads before it (每年新就业形态劳动者…, not 每年其中…).
        text: matches.length > 1 ? withCadence(`${deadline ? deadline[0] : ""}${rawBefore.replace(/^其中/, "")}${match[0]}${listed ? "" : clean(after)}`, cadence) : clause,
        cadence: growth ? "annual" : cadence,
        per,
        ...(range ? { range } : {}),
        ...(hasParts && index > 0 ? { partOfOffset: quotas.length - first } : {}),
      });
    });
    if (coverage) {
      const subject = clean(body.replace(/全覆盖.*$/, ""));
      quotas.push({
        kind: "ratio",
        comparator: ">=",
        target: 100,
        pending: false,
        unit: "%",
        year: annual ? null : year,
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
