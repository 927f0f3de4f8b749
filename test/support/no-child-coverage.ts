// Loaded by mocha before any test (see .mocharc.json). Node reads NODE_V8_COVERAGE once at
// start-up, so removing it here keeps this process's coverage but stops the CLI children that
// tests spawn from writing their own: c8 merges those badly under tsx and reports code that the
// in-process tests ran as uncovered.
delete process.env.NODE_V8_COVERAGE;
