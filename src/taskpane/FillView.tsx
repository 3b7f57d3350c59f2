import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { GenerateResult, PlanbookOperations, RunProgress } from "../addin/operations";
import type { Period } from "../core/period";
import { countiesOf, type Geography, type PlanRevision, type Scope, unitsOf } from "../core/plan";
import { defaultPeriod } from "./period";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, "& > *": { flexGrow: 1, minWidth: 0 } },
});

type ScopeKind = Scope["kind"];

function progressLabel(progress: RunProgress | null, text: Strings["fill"]): string {
  if (progress?.kind === "retrying") return text.retrying(progress.attempt, progress.of);
  if (progress?.kind === "working") return text.working(progress.seconds);
  return text.generating;
}

type Outcome =
  | { state: "idle" }
  | { state: "running"; progress: RunProgress | null }
  | { state: "done"; result: GenerateResult; from?: string }
  | { state: "failed"; message: string };

export interface FillViewProps {
  strings: Strings;
  revision: PlanRevision;
  operations: PlanbookOperations;
  now: Date;
  /** Told after the workbook was changed (the playground redraws its grid). */
  onWorkbookChanged?: () => void;
  /** The sheet protection password from the add-in's settings (none by default). */
  password?: string | null;
  /** The counties: coverage targets (杭州市 13) and county sheets, as the CLI makes them. */
  geography?: Geography | null;
}

/** 填报: choose scope and period, then generate the reporting sheet in the open workbook. */
export function FillView({ strings, revision, operations, now, onWorkbookChanged, password = null, geography = null }: FillViewProps): React.JSX.Element {
  const text = strings.fill;
  const styles = useStyles();
  const units = React.useMemo(() => unitsOf(revision), [revision]);
  const initial = React.useMemo(() => defaultPeriod(now, revision.startYear, revision.endYear), [now, revision]);
  const years = React.useMemo(
    () => Array.from({ length: revision.endYear - revision.startYear + 1 }, (_, i) => revision.startYear + i),
    [revision],
  );

  const [scopeKind, setScopeKind] = React.useState<ScopeKind>("province");
  const [chosenUnit, setUnit] = React.useState(units[0] ?? "");
  const [chosenCity, setCity] = React.useState(revision.cities[0] ?? "");
  const [chosenCounty, setCounty] = React.useState("");
  const [cycle, setCycle] = React.useState<"month" | "quarter">("month");
  const [year, setYear] = React.useState(initial.year);
  const [month, setMonth] = React.useState(initial.month ?? 1);
  const [quarter, setQuarter] = React.useState(Math.floor(((initial.month ?? 1) - 1) / 3) + 1);
  const [outcome, setOutcome] = React.useState<Outcome>({ state: "idle" });

  // A newly chosen plan may name other units and cities: a choice it does not know falls back to its first.
  const unit = units.includes(chosenUnit) ? chosenUnit : (units[0] ?? "");
  const city = revision.cities.includes(chosenCity) ? chosenCity : (revision.cities[0] ?? "");
  // A county official reports for a county of the chosen city (the counties table ships with the add-in).
  const counties = React.useMemo(() => (geography ? countiesOf(geography, city).map((c) => c.name) : []), [geography, city]);
  const county = counties.includes(chosenCounty) ? chosenCounty : (counties[0] ?? "");

  const scope: Scope | null =
    scopeKind === "province"
      ? { kind: "province" }
      : scopeKind === "unit"
        ? unit
          ? { kind: "unit", unit }
          : null
        : scopeKind === "county"
          ? county
            ? { kind: "county", county }
            : null
          : city
            ? { kind: "city", city }
            : null;
  const period: Period = cycle === "month" ? { year, month, quarter: null } : { year, month: null, quarter };
  const running = outcome.state === "running";
  const [refreshed, setRefreshed] = React.useState<string | null>(null);

  async function generate(next: boolean): Promise<void> {
    if (!scope && !next) return;
    setOutcome({ state: "running", progress: null });
    const onProgress = (progress: RunProgress) => setOutcome({ state: "running", progress });
    try {
      if (next) {
        const result = await operations.nextPeriod({ revision, password, now: new Date(), ...(geography ? { geography } : {}) }, onProgress);
        setOutcome({ state: "done", result, from: result.previousSheet });
      } else if (scope) {
        setOutcome({ state: "done", result: await operations.generate({ revision, scope, period, password, now: new Date(), ...(geography ? { geography } : {}) }, onProgress) });
      }
    } catch (error) {
      setOutcome({ state: "failed", message: operations.describeError(error) });
    } finally {
      onWorkbookChanged?.();
    }
  }

  /** 更新上期累计 on the active sheet; what it did is said beside its button, a failure as any other. */
  async function refresh(): Promise<void> {
    setRefreshed(null);
    try {
      const result = await operations.refreshPrevious({ password, now: new Date() });
      setRefreshed(text.refreshedPrevious(result.sheet, result.changes.length));
    } catch (error) {
      setOutcome({ state: "failed", message: operations.describeError(error) });
    } finally {
      onWorkbookChanged?.();
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void generate(false);
      }}
    >
      <Field label={text.scopeKind}>
        <RadioGroup layout="horizontal" value={scopeKind} onChange={(_, data) => setScopeKind(data.value as ScopeKind)}>
          <Radio value="province" label={text.scopeKinds.province} />
          <Radio value="unit" label={text.scopeKinds.unit} disabled={units.length === 0} />
          <Radio value="city" label={text.scopeKinds.city} disabled={revision.cities.length === 0} />
          <Radio value="county" label={text.scopeKinds.county} disabled={!geography || revision.cities.length === 0} />
        </RadioGroup>
      </Field>
      {scopeKind === "unit" && (
        <Field label={text.unit}>
          <Select value={unit} onChange={(_, data) => setUnit(data.value)}>
            {units.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {(scopeKind === "city" || scopeKind === "county") && (
        <Field label={text.city}>
          <Select value={city} onChange={(_, data) => setCity(data.value)}>
            {revision.cities.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {scopeKind === "county" && (
        <Field label={text.county}>
          <Select value={county} onChange={(_, data) => setCounty(data.value)}>
            {counties.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={text.periodKind}>
        <RadioGroup layout="horizontal" value={cycle} onChange={(_, data) => setCycle(data.value as "month" | "quarter")}>
          <Radio value="month" label={text.periodKinds.month} />
          <Radio value="quarter" label={text.periodKinds.quarter} />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Field label={text.year}>
          <Select value={String(year)} onChange={(_, data) => setYear(Number(data.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        {cycle === "month" ? (
          <Field label={text.month}>
            <Select value={String(month)} onChange={(_, data) => setMonth(Number(data.value))}>
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                <option key={m} value={m}>
                  {text.monthOption(m)}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <Field label={text.quarter}>
            <Select value={String(quarter)} onChange={(_, data) => setQuarter(Number(data.value))}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {text.quarterOption(q)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <Button appearance="primary" type="submit" disabled={running || !scope}>
        {text.generate}
      </Button>
      <Field hint={text.nextPeriodHint}>
        <Button type="button" disabled={running} onClick={() => void generate(true)}>
          {text.nextPeriod}
        </Button>
      </Field>
      <Field hint={text.refreshPreviousHint} validationMessage={refreshed ?? undefined} validationState={refreshed ? "success" : "none"}>
        <Button type="button" disabled={running} onClick={() => void refresh()}>
          {text.refreshPrevious}
        </Button>
      </Field>
      <div aria-live="polite">
        {outcome.state === "running" && (
          <Spinner size="small" label={progressLabel(outcome.progress, text)} />
        )}
        {outcome.state === "done" && (
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{text.successTitle}</MessageBarTitle>
              {outcome.from ? text.nextPeriodSuccess(outcome.result.sheetName, outcome.from) : text.success(outcome.result.sheetName, outcome.result.quotaRows)}
              {outcome.result.keptRows > 0 && ` ${text.kept(outcome.result.keptRows)}`}
              {outcome.result.archived.length > 0 && ` ${text.archived(outcome.result.archived.length)}`}
              {outcome.result.keptCells > 0 && ` ${text.keptCells(outcome.result.keptCells)}`}
              {outcome.result.nameTakenBy && ` ${text.nameTaken(outcome.result.nameTakenBy)}`} {text.nextStep}
            </MessageBarBody>
          </MessageBar>
        )}
        {outcome.state === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{text.errorTitle}</MessageBarTitle>
              {outcome.message} {text.errorNext}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </form>
  );
}
