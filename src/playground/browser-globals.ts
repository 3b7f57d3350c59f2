/**
 * The in-memory Excel host was written for Node (tests): it lands a sync with `setImmediate` and
 * measures requests with `Buffer.byteLength`. A browser has neither, so the playground supplies
 * both before the host runs. Only this dev page loads it; the add-in never does.
 */
const scope = globalThis as unknown as Record<string, unknown>;

if (typeof scope.setImmediate !== "function") {
  scope.setImmediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => setTimeout(() => callback(...args), 0);
}

if (typeof scope.Buffer === "undefined") {
  const utf8 = new TextEncoder();
  scope.Buffer = { byteLength: (text: string) => utf8.encode(text).length };
}

export {};
