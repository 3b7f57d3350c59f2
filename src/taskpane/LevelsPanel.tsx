import * as React from "react";
import { Badge, Button, Caption1, Select, makeStyles, tokens } from "@fluentui/react-components";
import { isQuotaLevel, LEVEL_LABELS, type LevelRecord, levelRule, type PlanRevision, type Quota, QUOTA_LEVELS, type QuotaLevel } from "../core/plan";
import type { PlanbookOperations } from "../addin/operations";
import { Panel, type PanelMessage } from "./Panel";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  scroll: { maxHeight: "320px", overflowY: "auto" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, verticalAlign: "top", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** The quotas whose level a person may correct: Annex 1's (an Annex 2 city cell is its quota's share). */
function levelledQuotas(revision: PlanRevision): Quota[] {
  return revision.quotas.filter((quota) => quota.region === null);
}

/**
 * 指标层级: every quota of the plan in use with the level its text gives it (province-only,
 * contributed, split, per-unit) and the rule that said so, each correctable; corrections are saved
 * in the workbook's metadata, where templates, checks and merges made from it read them.
 */
export function LevelsPanel({
  strings,
  revision,
  operations,
  password,
}: {
  strings: Strings;
  /** The plan in use, as parsed: its levels are the derived ones. */
  revision: PlanRevision;
  operations: PlanbookOperations;
  password: string | null;
}): React.JSX.Element {
  const styles = useStyles();
  const text = strings.levels;
  const quotas = React.useMemo(() => levelledQuotas(revision), [revision]);
  /** The corrections as stored, then as edited here (a level equal to the derived one is no correction). */
  const [stored, setStored] = React.useState<LevelRecord[]>([]);
  const [edited, setEdited] = React.useState<Map<string, QuotaLevel>>(new Map());
  const [message, setMessage] = React.useState<PanelMessage | null>(null);

  React.useEffect(() => {
    let current = true;
    operations.readLevels().then(
      (levels) => {
        if (!current) return;
        setStored(levels);
        // What the person has changed since stays as changed.
        setEdited((previous) => new Map([...levels.map((l): [string, QuotaLevel] => [l.quotaId, l.level]), ...previous]));
      },
      (error: unknown) => {
        if (current) setMessage({ intent: "error", text: operations.describeError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [operations]);

  const levelOf = (quota: Quota): QuotaLevel => edited.get(quota.id) ?? quota.level;
  // Every quota whose level differs from what is stored: saved as a record each (the derived level undoes a correction).
  const changes = quotas.filter((quota) => levelOf(quota) !== (stored.find((l) => l.quotaId === quota.id)?.level ?? quota.level));

  async function save(): Promise<void> {
    const records = changes.map((quota) => ({ quotaId: quota.id, level: levelOf(quota) }));
    try {
      await operations.saveLevels(records, password);
      setStored((previous) => [...previous.filter((l) => !records.some((r) => r.quotaId === l.quotaId)), ...records]);
      setMessage({ intent: "success", text: text.saved(records.length) });
    } catch (error) {
      setMessage({ intent: "error", text: operations.describeError(error) });
    }
  }

  return (
    <Panel title={text.title} hint={text.hint} message={message}>
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={text.list}>
        <table className={styles.table}>
          <tbody>
            {quotas.map((quota) => {
              const level = levelOf(quota);
              const corrected = level !== quota.level;
              return (
                <tr key={quota.id}>
                  <td className={styles.cell}>
                    <div>{quota.id}</div>
                    <Caption1 className={styles.muted}>{text.derived(levelRule(quota, revision.quotas, revision.cities).says)}</Caption1>
                  </td>
                  <td className={styles.cell}>
                    <Select
                      size="small"
                      aria-label={text.label(quota.id)}
                      value={level}
                      onChange={(_, data) => {
                        if (!isQuotaLevel(data.value)) return;
                        const value = data.value;
                        setEdited((previous) => new Map(previous).set(quota.id, value));
                      }}
                    >
                      {QUOTA_LEVELS.map((option) => (
                        <option key={option} value={option}>
                          {LEVEL_LABELS[option].zh} / {LEVEL_LABELS[option].en}
                        </option>
                      ))}
                    </Select>
                    {corrected && (
                      <Badge size="small" appearance="tint" color="warning">
                        {text.corrected}
                      </Badge>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Button appearance="primary" disabled={changes.length === 0} onClick={() => void save()}>
        {text.save(changes.length)}
      </Button>
    </Panel>
  );
}
