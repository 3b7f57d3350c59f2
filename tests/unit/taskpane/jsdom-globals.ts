import { setImmediate } from "timers";
import { TextDecoder, TextEncoder } from "util";

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
Object.assign(globalThis, { TextEncoder, TextDecoder, setImmediate, ResizeObserver: NoLayoutResizeObserver });
