import { setImmediate } from "timers";
import { TextDecoder, TextEncoder } from "util";
import { deserialize, serialize } from "v8";

// jsdom leaves out things browsers have: the encoders (the Excel adapter measures request sizes
// with TextEncoder) and ResizeObserver (Fluent's MessageBar watches its width to reflow; jsdom
// has no layout, so an observer that never fires is the honest stand-in). It also hides Node's
// setImmediate, with which the in-memory Excel host lands a sync. Imported first by the
// component tests.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
// structuredClone too (the host's inspection helpers copy with it): Node's own, via v8.
const structuredCloneOfNode = (value: unknown): unknown => deserialize(serialize(value));
Object.assign(globalThis, { TextEncoder, TextDecoder, setImmediate, ResizeObserver: NoLayoutResizeObserver });
if (typeof globalThis.structuredClone !== "function") Object.assign(globalThis, { structuredClone: structuredCloneOfNode });
