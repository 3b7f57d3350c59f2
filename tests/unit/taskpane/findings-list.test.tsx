/** @jest-environment jsdom */
import "./jsdom-globals";
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { Pane } from "./fluent";
import { finding } from "../../../src/core/findings";
import { FindingsList } from "../../../src/taskpane/FindingsList";
import { STRINGS, type Language } from "../../../src/taskpane/strings";

const notANumber = finding(
  "not-a-number",
  { sheet: "杭州市 2026-10", cell: "K12", quotaId: "I08-技能型企业-2027" },
  { kind: "cumulative", unit: "家", found: "1,000", plausible: true, suggestion: 1000 },
  "1,000",
  1000,
);
const unreadable = finding("merge-unreadable", { sheet: "", cell: null, quotaId: null, file: "宁波市.xlsx" }, { problem: "encrypted", size: null, limit: null, cause: null });

function shownMessages(language: Language): string[] {
  render(
    <Pane>
      <FindingsList findings={[notANumber, unreadable]} strings={STRINGS[language]} onSelect={() => undefined} />
    </Pane>,
  );
  return screen.getAllByRole("listitem").map((item) => item.lastElementChild?.textContent ?? "");
}

describe("the findings list says each finding in the pane's language only", () => {
  test("in English, the messages are English, still naming the file and the cell", () => {
    expect(shownMessages("en")).toEqual([
      'K12: "1,000" is not a number; expected a whole number ≥ 0 (家); did you mean 1000?',
      'file "宁波市.xlsx": is password-protected: remove the password in Excel, then try again',
    ]);
  });

  test("in Chinese, the messages are Chinese", () => {
    expect(shownMessages("zh")).toEqual(["K12：填写的「1,000」不是数字，应为不小于 0 的整数（家）；可改为 1000", "文件「宁波市.xlsx」设有打开密码：请在 Excel 中取消密码后再试"]);
  });
});
