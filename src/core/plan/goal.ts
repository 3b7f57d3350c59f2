import type { Quota } from "./types";

/**
 * Reads the quotas inside one 工作目标 text. General rules, no per-row cases:
 * - the text splits into clauses at `;` and `。`; a clause may start with its deadline
 *   (`2025年,` `到2027年底,` `2025—2027年,` — a range's deadline is its last year); a clause
 *   without one inherits none;
 * - every `number + unit` (万人次, 家, 个, 名, 场, 项, 所, %) in a clause is a quota, `**` is an
 *   undecided number, `全覆盖` is 100%; `分别` pairs the numbers with the 、-list of subjects the
 *   measure names; a clause with no number is a milestone (reported as a status);
 * - `每年` makes a quota annual (no deadline), a percentage makes it a ratio, a count with a deadline
 *   is cumulative by that year;
 * - `以上`, `不少于`, `达到` and plain counts bind as `>=`, `左右` as `≈`.
 */
export type ExtractedQuota = Pick<Quota, "kind" | "comparator" | "target" | "pending" | "unit" | "year" | "subject" | "text" | "cadence"> & {
  /** Normalised subject for the first id scheme (kept to recognise workbooks made with it). */
  key: string;
  /** 在每个县(市、区)… / 每个设区市…: the unit each one is counted in. */
  per: "county" | "city" | null;
};

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

const UNITS = "万人次|人次|家|个|名|场|项|所|%|人";
/** A number (or `**`) with its unit, and what binds it: 不少于 before, 以上 / 左右 after. */
const NUMBER = new RegExp(`(不少于|达到|达)?(\\d+(?:\\.\\d+)?|\\*\\*)(${UNITS})(以上|左右)?`, "g");
const DEADLINE = /^(?:到)?(\d{4})(?:\s*[—–-]\s*(\d{4}))?年(?:底)?(?:[,:]|(?=[\u4e00-\u9fa5]))/;
/** Verbs and fillers around a subject that say what is done, not what is counted. */
const FILLER =
  /^(每年|分别|累计|实现|推动|争取|全省|全面|持续|进一步|遴选培育|遴选公布|遴选|公布|培育|培训|建设|建成|举办|打造|开展|完成|涉及|达到|达|推出|组织|在)+/;
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
    const trimmed = index === parts.length - 1 ? part.split("等")[0] : part;
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

export function extractQuotas(goal: string, measure: string, sub: string | null): ExtractedQuota[] {
  const quotas: ExtractedQuota[] = [];
  for (const clause of splitClauses(goal)) {
    const deadline = DEADLINE.exec(clause);
    const year = deadline ? Number(deadline[2] ?? deadline[1]) : null;
    const body = deadline ? clause.slice(deadline[0].length) : clause;
    const cadence = cadenceOf(body);
    const annual = cadence !== "once";
    const per = perUnitOf(body);
    const matches = [...body.matchAll(NUMBER)];
    const coverage = /全覆盖/.test(body);
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
    matches.forEach((match, index) => {
      const start = match.index ?? 0;
      const endOfMatch = start + match[0].length;
      // A subject after the number (10所一流技师学院) reaches the next delimiter or number;
      // otherwise it is the text before the number, back to the previous delimiter or number.
      const nextStart = matches[index + 1]?.index ?? body.length;
      const after = body
        .slice(endOfMatch, nextStart)
        .split(/[,、;]/)[0]
        .replace(/(和|及)$/, "");
      const previousEnd = index === 0 ? 0 : (matches[index - 1].index ?? 0) + matches[index - 1][0].length;
      const beforeText = body.slice(previousEnd, start);
      // Between two numbers a subject ends at 和 (10名…和600名…); before the first it is whole
      // (高技能领军人才和高技能青年人才120名).
      const before = beforeText.slice(beforeText.search(index === 0 ? /[^,、]*$/ : /[^,、和]*$/));
      const subject = listed ? listed[index] : clean(after) !== "" ? clean(after) : clean(before);
      // The first id scheme cut the subject before the first number at 和 too: its key is kept as it was.
      const legacySubject = listed ? listed[index] : clean(after) !== "" ? clean(after) : clean(beforeText.slice(beforeText.search(/[^,、和]*$/)));
      const percent = match[3] === "%";
      const pending = match[2] === "**";
      quotas.push({
        kind: percent ? "ratio" : annual ? "annual" : "cumulative",
        comparator: match[4] === "左右" ? "≈" : ">=",
        target: pending ? null : Number(match[2]),
        pending,
        unit: match[3],
        year: annual ? null : year,
        subject: subject === "" ? null : subject,
        key: subject === "" ? measureKey(measure, sub) : subjectKey(legacySubject),
        text: matches.length > 1 ? withCadence(`${deadline ? deadline[0] : ""}${before}${match[0]}${listed ? "" : clean(after)}`, cadence) : clause,
        cadence,
        per,
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
  return quotas;
}
