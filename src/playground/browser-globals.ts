/**
 * The in-memory Excel host was written for Node (tests): it lands a sync with `setImmediate`,
 * which a browser lacks, so the playground supplies it before the host runs. (No `Buffer` shim:
 * ExcelJS takes a global Buffer for Node's and fails.) Only this dev page loads it.
 */
const scope = globalThis as unknown as Record<string, unknown>;

if (typeof scope.setImmediate !== "function") {
  scope.setImmediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => setTimeout(() => callback(...args), 0);
}

export {};
