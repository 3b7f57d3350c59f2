/** Types of scripts/manifest-url.js (CommonJS: webpack.config.js requires it). */
export const DEV_URL: string;
export function productionUrl(value: string): string;
export function manifestFor(xml: string, value: string): string;
