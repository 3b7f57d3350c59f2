// Once per `jest` run, before any test file: the run's fast-check seed.
module.exports = () => require("./fast-check-seed").chooseSeed();
