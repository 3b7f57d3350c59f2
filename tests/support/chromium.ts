/** What the end-to-end tests share: a build folder served as a tiny static site, and Debian's Chromium. */
import { existsSync, readFileSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import path from "path";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "text/xml" };

/** A build folder as a tiny static site; a file outside it or missing is 404. */
export function serve(directory: string): Promise<Server> {
  const server = createServer((request, response) => {
    const file = path.join(directory, decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    if (!file.startsWith(directory) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The address a served folder answers at. */
export const servedAt = (server: Server): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Debian's Chromium, headless; a browser is never downloaded. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Chromium (CI installs it) to run the end-to-end tests`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}
