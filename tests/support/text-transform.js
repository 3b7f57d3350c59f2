// Jest: a .txt module is its text, as webpack's `asset/source` bundles the seed texts.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
