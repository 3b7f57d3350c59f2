import * as React from "react";
import { Badge, Body1, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { type Finding, findingMessage, type Severity } from "../core/findings";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: "none" },
  item: { display: "flex", flexDirection: "column", paddingBlock: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

const ORDER: Severity[] = ["error", "warning", "info"];
const COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

/** Findings grouped by severity; a finding with a cell is a link that selects the cell. */
export function FindingsList({ findings, strings, onSelect }: { findings: Finding[]; strings: Strings; onSelect: (finding: Finding) => void }): React.JSX.Element {
  const styles = useStyles();
  const text = strings.findings;
  if (findings.length === 0) return <Body1>{text.none}</Body1>;
  return (
    <div>
      {ORDER.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} aria-label={text.severity[severity]}>
            <div className={styles.heading}>
              <Badge color={COLOR[severity]}>{group.length}</Badge>
              <Body1 as="h3">{text.severity[severity]}</Body1>
            </div>
            <ul className={styles.group}>
              {group.map((f, index) => (
                <li key={`${f.sheet}!${f.cell}!${f.rule}!${index}`} className={styles.item}>
                  {f.cell ? (
                    <Link as="button" onClick={() => onSelect(f)}>
                      {`${f.sheet}!${f.cell}`}
                    </Link>
                  ) : (
                    <Caption1>{f.sheet || text.workbook}</Caption1>
                  )}
                  <Caption1>{findingMessage(f, strings.language)}</Caption1>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

