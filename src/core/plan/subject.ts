/**
 * What a quota counts, as a noun phrase a person recognises — the part of its id that says what it
 * is (`技能型企业`, `高校未就业毕业生`, `中国特色企业新型学徒制`). General rules, never a window cut
 * from the wording:
 * - of a phrase's clauses, the first with an action verb, once adverbial clauses (以…为重点,
 *   根据…) are set aside; what follows the clause's last verb is the thing acted on;
 * - quotes and bracketed asides go; leading quantities (一批, 一次, 第二批) and fillers go;
 *   trailing predicates (进一步健全完善, 全覆盖, 比例) and training words (职业技能培训…) go;
 * - a long modifier before 的 (以职业能力为导向、…的技能人才评价体系) gives way to the head noun.
 */

const VERB = /(开展|推行|推广|建立|出台|推出|公布|遴选培育|遴选|组织|举办|打造|培育|建成|实施|落实好|落实|推进|完成|取得|形成|指导)/g;
const ADVERBIAL = /^(以.*为(重点|导向|主线)|根据.*|按照.*|围绕.*等.*领域)$/;
const LEADING = /^(每年|每两年|分别|累计|全省|全面|持续|进一步|健全|完善|一批|一次|一个|第[一二三四五六七八九十]+批|在|对|和|及)+/;
const TRAILING = /(进一步健全完善|健全完善|全覆盖|比例|累计|以上|左右|等)+$/;
const TRAINING = /(领域)?(就业创业)?(职业技能提升培训|技能提升培训|职业技能培训|技能培训|培训)?$/;

function afterLastVerb(clause: string): string {
  let end = -1;
  for (const match of clause.matchAll(VERB)) end = (match.index ?? 0) + match[0].length;
  return end === -1 ? clause : clause.slice(end);
}

/** The head noun phrase of a modifier + 的 + noun construction, when the modifier is long. */
function headNoun(text: string): string {
  const at = text.lastIndexOf("的");
  if (at === -1) return text;
  const modifier = text.slice(0, at);
  const head = text.slice(at + 1);
  return head.length >= 4 && (modifier.includes("、") || modifier.length > 8) ? head : `${modifier}${head}`;
}

/** The noun phrase a quota phrase (or a measure) is about; "" when it names nothing but an action (推广). */
export function readableSubject(phrase: string): string {
  const clauses = phrase
    .split(/[,;。:]/)
    .map((c) => c.trim())
    .filter((c) => c !== "" && !ADVERBIAL.test(c));
  const clause = clauses.find((c) => new RegExp(VERB.source).test(c)) ?? clauses[0] ?? "";
  let subject = afterLastVerb(clause)
    .replace(/[“”"《》‘’]/g, "")
    .replace(/\([^)]*\)/g, "")
    .replace(LEADING, "")
    .replace(TRAINING, "")
    .replace(TRAILING, "")
    .replace(/\s+/g, "");
  subject = headNoun(subject).replace(/、/g, "");
  return subject;
}

/** Dice coefficient of two texts' character pairs: 1 for the same wording, 0 for nothing shared. */
export function wordingSimilarity(a: string, b: string): number {
  const pairs = (text: string): string[] => {
    const compact = text.replace(/[\s,;:。、“”"()—–-]/g, "");
    return compact.length < 2 ? [compact] : Array.from({ length: compact.length - 1 }, (_, i) => compact.slice(i, i + 2));
  };
  const left = pairs(a);
  const right = pairs(b);
  const pool = new Map<string, number>();
  for (const pair of right) pool.set(pair, (pool.get(pair) ?? 0) + 1);
  let shared = 0;
  for (const pair of left) {
    const n = pool.get(pair) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(pair, n - 1);
    }
  }
  return left.length + right.length === 0 ? 1 : (2 * shared) / (left.length + right.length);
}
