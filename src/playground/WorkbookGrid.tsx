import * as React from "react";
import { Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from "@fluentui/react-components";
import { cellAddress, columnLetter, parseRange } from "../core/snapshot";
import type { ExcelHost } from "@planbook/excel-host";

const useStyles = makeStyles({
  grid: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  scroll: { overflow: "auto", maxHeight: "calc(100vh - 140px)", border: `1px solid ${tokens.colorNeutralStroke1}` },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  header: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    position: "sticky",
    top: 0,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    maxWidth: "220px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    verticalAlign: "top",
  },
  locked: { backgroundColor: tokens.colorNeutralBackground4 },
  input: {
    width: "90px",
    border: "none",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    ":focus": { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
});

export interface WorkbookGridProps {
  host: ExcelHost;
  /** Changes whenever the workbook changed, to draw it again. */
  version: number;
  /** Told after a person's edit landed. */
  onEdited: () => void;
}

/** The sheet shown first: the active one (where an operation just wrote), else the first visible. */
function activeSheet(host: ExcelHost, visible: string[]): string {
  return visible.find((name) => host.sheet(name).active) ?? visible[0] ?? "";
}

/** A plain view of the in-memory workbook: computed values, locked cells shaded, input cells editable. */
export function WorkbookGrid({ host, version, onEdited }: WorkbookGridProps): React.JSX.Element {
  const styles = useStyles();
  const visible = host.sheetNames().filter((name) => host.sheet(name).visibility === "Visible");
  /** The sheet a person picked, and at which version of the workbook. */
  const [picked, setPicked] = React.useState<{ sheet: string; version: number } | null>(null);
  const [refusal, setRefusal] = React.useState<string | null>(null);

  // After an operation (a new version), follow Excel: show the sheet it activated.
  const chosen = picked && picked.version === version ? picked.sheet : activeSheet(host, visible);

  const sheet = visible.includes(chosen) ? chosen : (visible[0] ?? "");
  const snapshot = sheet ? host.sheet(sheet) : null;
  const used = snapshot?.usedRange ? parseRange(snapshot.usedRange) : null;
  const texts = used && sheet ? host.texts(sheet, `A1:${cellAddress(used.end.row, used.end.col)}`) : [];

  async function edit(address: string, value: string): Promise<void> {
    try {
      await host.userEdit(sheet, address, [[value]]);
      setRefusal(null);
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
    }
    onEdited();
  }

  return (
    <section className={styles.grid} aria-label="工作簿 / workbook">
      <Field label="工作表 / Sheet">
        <Select value={sheet} onChange={(_, data) => setPicked({ sheet: data.value, version })}>
          {visible.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      {refusal && (
        <MessageBar intent="warning">
          <MessageBarBody>{refusal}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.scroll}>
        <table className={styles.table} aria-label={sheet}>
          <thead>
            <tr>
              <th className={styles.header} />
              {(texts[0] ?? []).map((_, col) => (
                <th key={col} scope="col" className={styles.header}>
                  {columnLetter(col)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {texts.map((line, row) => (
              <tr key={row}>
                <th scope="row" className={styles.header}>
                  {row + 1}
                </th>
                {line.map((text, col) => {
                  const address = cellAddress(row, col);
                  const locked = !snapshot?.protection.protected || host.cell(sheet, address).locked;
                  return (
                    <td key={col} className={`${styles.cell} ${locked ? styles.locked : ""}`} title={text} data-address={address}>
                      {locked ? (
                        text
                      ) : (
                        <input
                          key={`${version}:${text}`}
                          className={styles.input}
                          aria-label={`${sheet}!${address}`}
                          defaultValue={text}
                          onKeyDown={(event) => {
                            if (event.key === "Enter") event.currentTarget.blur();
                          }}
                          onBlur={(event) => {
                            if (event.currentTarget.value !== text) void edit(address, event.currentTarget.value);
                          }}
                        />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
