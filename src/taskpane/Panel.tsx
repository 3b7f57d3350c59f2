import * as React from "react";
import { Body1, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** What a panel's last action came to, shown under it. */
export interface PanelMessage {
  intent: "success" | "error" | "warning" | "info";
  text: string;
}

/**
 * A settings panel of a view (levels, form settings, target splits): a titled section with an
 * optional hint, its controls, and the outcome of its last action in a polite live region, so a
 * screen reader hears "saved" or the error without moving focus.
 */
export function Panel({
  title,
  hint,
  heading = "h2",
  message,
  children,
}: {
  title: string;
  hint?: string;
  /** The heading's level in the view it sits in. */
  heading?: "h2" | "h3";
  message: PanelMessage | null;
  children: React.ReactNode;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-label={title}>
      <Body1 as={heading}>{title}</Body1>
      {hint !== undefined && <Caption1 className={styles.muted}>{hint}</Caption1>}
      {children}
      <div aria-live="polite">
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
