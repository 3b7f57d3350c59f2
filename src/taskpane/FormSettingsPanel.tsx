import * as React from "react";
import { Button, Field, Input } from "@fluentui/react-components";
import { EMPTY_FORM, FORM_FIELDS, type FormSettings } from "../core/template";
import type { PlanbookOperations } from "../addin/operations";
import { Panel, type PanelMessage } from "./Panel";
import type { Strings } from "./strings";

/**
 * 报表表头设置: the form's frame (表号, 制表机关, 批准文号/备案号, 有效期至, contact), read from and
 * saved to the workbook's metadata, so every template made or handed out from it shows the same.
 */
export function FormSettingsPanel({ strings, operations, password }: { strings: Strings; operations: PlanbookOperations; password: string | null }): React.JSX.Element {
  const text = strings.form;
  const [settings, setSettings] = React.useState<FormSettings>(EMPTY_FORM);
  const [message, setMessage] = React.useState<PanelMessage | null>(null);

  React.useEffect(() => {
    let current = true;
    operations.readFormSettings().then(
      (stored) => {
        if (current) setSettings(stored);
      },
      (error: unknown) => {
        if (current) setMessage({ intent: "error", text: operations.describeError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [operations]);

  async function save(): Promise<void> {
    try {
      const saved = await operations.saveFormSettings(settings, password);
      setSettings(saved);
      setMessage({ intent: "success", text: text.saved });
    } catch (error) {
      setMessage({ intent: "error", text: operations.describeError(error) });
    }
  }

  return (
    <Panel title={text.title} hint={text.hint} message={message}>
      {FORM_FIELDS.map((field) => (
        <Field key={field} label={text.fields[field]}>
          <Input value={settings[field]} onChange={(_, data) => setSettings((previous) => ({ ...previous, [field]: data.value }))} />
        </Field>
      ))}
      <Button appearance="primary" onClick={() => void save()}>
        {text.save}
      </Button>
    </Panel>
  );
}
