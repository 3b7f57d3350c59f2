import * as React from "react";
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import { familyLabel, planSplit, regionalFamilies, type SplitPlan, type SplitSource, splittableQuotas } from "../core/merge";
import type { PlanRevision } from "../core/plan";
import type { PlanbookOperations } from "../addin/operations";
import { findingMessage } from "../core/findings";
import { Panel, type PanelMessage } from "./Panel";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
});

type Kind = SplitSource["kind"];

/** 目标分解: split a provincial target across the cities, preview the parts, store them in the workbook. */
export function SplitPanel({ strings, revision, operations, password }: { strings: Strings; revision: PlanRevision; operations: PlanbookOperations; password: string | null }): React.JSX.Element {
  const styles = useStyles();
  const text = strings.split;
  const quotas = React.useMemo(() => splittableQuotas(revision), [revision]);
  const families = React.useMemo(() => regionalFamilies(revision), [revision]);
  const [quotaId, setQuotaId] = React.useState(quotas[0]?.id ?? "");
  const [kind, setKind] = React.useState<Kind>("annex");
  const [familyId, setFamilyId] = React.useState(families[families.length - 1]?.id ?? "");
  const [typed, setTyped] = React.useState<Record<string, string>>({});
  const [message, setMessage] = React.useState<PanelMessage | null>(null);

  const numbers = Object.fromEntries(Object.entries(typed).map(([city, value]) => [city, Number(value) || 0]));
  const source: SplitSource =
    kind === "annex" ? { kind, familyId } : kind === "weights" ? { kind, weights: numbers } : { kind, parts: numbers };
  const plan: SplitPlan | null = quotaId ? planSplit(revision, quotaId, source) : null;

  async function save(): Promise<void> {
    if (!plan || plan.records.length === 0) return;
    try {
      await operations.saveSplit(plan.records, password);
      // A quota with several deadlines has a record per city and deadline: the message counts cities.
      setMessage({ intent: "success", text: text.saved(new Set(plan.records.map((record) => record.city)).size) });
    } catch (error) {
      setMessage({ intent: "error", text: operations.describeError(error) });
    }
  }

  if (quotas.length === 0) return <Body1>{text.none}</Body1>;
  return (
    <Panel title={text.title} heading="h3" message={message}>
      <Field label={text.quota}>
        <Select value={quotaId} onChange={(_, data) => setQuotaId(data.value)}>
          {quotas.map((q) => (
            <option key={q.id} value={q.id}>
              {`${q.id}：${q.target}${q.unit ?? ""}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text.source}>
        <RadioGroup value={kind} onChange={(_, data) => setKind(data.value as Kind)}>
          <Radio value="annex" label={text.byAnnex} disabled={families.length === 0} />
          <Radio value="weights" label={text.byWeights} />
          <Radio value="manual" label={text.byHand} />
        </RadioGroup>
      </Field>
      {kind === "annex" ? (
        <Field label={text.family}>
          <Select value={familyId} onChange={(_, data) => setFamilyId(data.value)}>
            {families.map((family) => (
              <option key={family.id} value={family.id}>
                {familyLabel(family)}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <div className={styles.grid}>
          {revision.cities.map((city) => (
            <Field key={city} label={city}>
              <Input inputMode="decimal" value={typed[city] ?? ""} onChange={(_, data) => setTyped((t) => ({ ...t, [city]: data.value }))} />
            </Field>
          ))}
        </div>
      )}
      {plan && plan.findings.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{plan.findings.map((f) => findingMessage(f, strings.language)).join("；")}</MessageBarBody>
        </MessageBar>
      )}
      {plan && plan.records.length > 0 && (
        <Caption1 aria-label={text.preview}>{plan.records.map((r) => `${r.city}${r.year === undefined ? "" : ` ${r.year}`} ${r.target}`).join("　")}</Caption1>
      )}
      <Button onClick={() => void save()} disabled={!plan || plan.records.length === 0}>
        {text.save}
      </Button>
    </Panel>
  );
}
