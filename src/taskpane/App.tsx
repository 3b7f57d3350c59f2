import * as React from "react";
import { Title3 } from "@fluentui/react-components";

/** The task pane's shell; the views grow from here. */
export function App(): React.JSX.Element {
  return <Title3 as="h1">计划填报 Planbook</Title3>;
}
