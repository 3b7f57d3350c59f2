import type { ConditionalFormatSpec, StyleSpec } from "./spec";
import { STATES } from "./columns";

/** Every colour Planbook's sheets use, so a report, a summary and an audit look like one product. */
export const PALETTE = {
  title: "#1F4E79",
  titleFont: "#FFFFFF",
  header: "#DDEBF7",
  action: "#BDD7EE",
  /** Key work item rows, and the summary's source-file row. */
  band: "#F2F2F2",
  input: "#FFF9E5",
  notApplicable: "#E7E6E6",
  archive: "#FCE4D6",
  behind: "#FDE7E9",
  behindFont: "#A4262C",
  done: "#DFF6DD",
  doneFont: "#107C10",
  onTrack: "#EFF6FC",
  onTrackFont: "#005A9E",
  reportTab: "#107C41",
  summaryTab: "#1F4E79",
  auditTab: "#C50F1F",
} as const;

/** Completion and 序时进度 are shown to one decimal; ratio targets and figures as whole percentages. */
export const PERCENT_FORMAT = "0.0%";
export const RATIO_FORMAT = "0%";

/** A sheet's title row: large white text on the title colour. */
export function titleStyle(range: string, centered = true): StyleSpec {
  return { range, bold: true, fontSize: 14, fill: PALETTE.title, fontColor: PALETTE.titleFont, ...(centered ? { horizontal: "Center" as const } : {}) };
}

/** A table's header rows: bold, wrapped, centred, bordered on the header colour. */
export function headerStyle(range: string): StyleSpec {
  return { range, bold: true, fill: PALETTE.header, wrap: true, horizontal: "Center", vertical: "Center", border: true };
}

/** 状态 cells coloured by what they say; `ref` is the range's top-left cell with its column fixed. */
export function stateFormats(range: string, ref: string): ConditionalFormatSpec[] {
  return [
    { range, formula: `=${ref}="${STATES.behind}"`, fill: PALETTE.behind, fontColor: PALETTE.behindFont },
    { range, formula: `=${ref}="${STATES.notDone}"`, fill: PALETTE.behind, fontColor: PALETTE.behindFont },
    { range, formula: `=${ref}="${STATES.done}"`, fill: PALETTE.done, fontColor: PALETTE.doneFont },
    { range, formula: `=${ref}="${STATES.onTrack}"`, fill: PALETTE.onTrack, fontColor: PALETTE.onTrackFont },
  ];
}
