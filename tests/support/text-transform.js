// Jest: a .txt or .tsv module is its text, as webpack's `asset/source` bundles the seeds.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
