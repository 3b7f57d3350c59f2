// The add-in's address in its manifest. manifest.xml names the dev server (https://localhost:3000);
// `PLANBOOK_URL=https://intranet.example/planbook npm run build` writes dist/manifest.xml for that
// address instead, as Microsoft's templates do with their production URL.
const DEV_URL = "https://localhost:3000";

/** The production address from PLANBOOK_URL, checked: Office loads add-ins only over https. */
function productionUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PLANBOOK_URL 不是有效地址 / PLANBOOK_URL is not a valid address: "${value}"`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`PLANBOOK_URL 必须是 https 地址（Office 只从 https 加载加载项）/ PLANBOOK_URL must be an https address (Office loads add-ins only over https): "${value}"`);
  }
  if (url.search || url.hash) throw new Error(`PLANBOOK_URL 不能带 ? 或 # / PLANBOOK_URL may not carry a query or a fragment: "${value}"`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** The manifest with every dev-server address replaced by the production one (AppDomain: its origin). */
function manifestFor(xml, value) {
  const base = productionUrl(value);
  const origin = new URL(base).origin;
  return xml.replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`).split(DEV_URL).join(base);
}

module.exports = { DEV_URL, productionUrl, manifestFor };
