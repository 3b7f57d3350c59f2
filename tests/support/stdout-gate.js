// Preloaded (`node -r`) into a `planbook` run piped to a reader that must not read anything until
// the run has nothing left to do but wait for its output to go: it opens the FIFO named by
// PLANBOOK_TEST_STDOUT_GATE (the reader waits on it) once the pipe is full and stdout holds the
// rest (libuv's write queue is not empty after a write), or else as the process exits. A run that
// exits without waiting for stdout to drain then loses what the pipe did not take, every time:
// it exits before its event loop can write any more, whatever the reader does after the gate.
const fs = require("fs");

const gate = process.env.PLANBOOK_TEST_STDOUT_GATE;
if (!gate) throw new Error("stdout-gate.js: PLANBOOK_TEST_STDOUT_GATE names no FIFO");
let opened = false;
const openGate = () => {
  if (opened) return;
  opened = true;
  fs.writeFileSync(gate, "");
};
const stdout = process.stdout;
const write = stdout.write;
stdout.write = function writeThenOpenGateWhenPipeIsFull(...args) {
  const accepted = write.apply(this, args);
  if ((stdout._handle?.writeQueueSize ?? 0) > 0) openGate();
  return accepted;
};
process.on("exit", openGate);
