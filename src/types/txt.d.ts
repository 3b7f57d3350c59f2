/** Seed texts and the counties table are imported as strings (webpack `asset/source`). */
declare module "*.txt" {
  const text: string;
  export default text;
}

declare module "*.tsv" {
  const text: string;
  export default text;
}
