/**
 * manifest.xml, parsed once, and the lookups its tests make (the offline checks in tests/unit, the
 * build's pages and icons in tests/e2e).
 */
import { readFileSync } from "fs";
import path from "path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { present } from "./present";

export const ROOT = path.join(__dirname, "..", "..");

// Errors xmldom recovers from are collected; a fatal one (a tag left open) stops the suite itself.
export const parseErrors: string[] = [];
export const doc = new DOMParser({ onError: (level, message) => void (level !== "warning" && parseErrors.push(message)) }).parseFromString(
  readFileSync(path.join(ROOT, "manifest.xml"), "utf8"),
  "text/xml",
);

export const all = (tag: string, within: { getElementsByTagName(tag: string): ArrayLike<Element> } = doc) => Array.from(within.getElementsByTagName(tag));
export const first = (tag: string, within?: Element) => present(all(tag, within)[0], `a <${tag}> element`);
export const attribute = (name: string) => all("*").flatMap((el) => (el.hasAttribute(name) ? [el.getAttribute(name) as string] : []));
export const resource = (id: string | null) => all("*", first("Resources")).find((el) => el.getAttribute("id") === id);
export const control = (id: string) => all("Control").find((el) => el.getAttribute("id") === id) as Element;
export const child = (el: Element, tag: string) => Array.from(el.childNodes).find((node) => node.nodeName === tag) as Element | undefined;
export const labelOf = (el: Element) => resource(child(el, "Label")?.getAttribute("resid") ?? null)?.getAttribute("DefaultValue");
export const functionOf = (el: Element) => first("FunctionName", el).textContent;
export const iconSizes = (el: Element) => all("bt:Image", first("Icon", el)).map((image) => image.getAttribute("size"));
export const URLS = [...attribute("DefaultValue"), ...attribute("Value"), ...all("AppDomain").map((el) => el.textContent ?? "")].filter((v) => /^[a-z]+:\/\//i.test(v));
export const hasEnglish = (el: Element) => all("*", el).some((node) => node.localName === "Override" && node.getAttribute("Locale") === "en-US");
