/** One Jest run over every workspace: unit and database tests beside each package, end-to-end tests in tests/. */
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: "es2022",
      keepClassNames: true,
    },
    module: { type: "commonjs" },
    sourceMaps: "inline",
  },
];

module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": swc },
  moduleNameMapper: {
    "^@kttt/(core|demo|launcher|reference|spreadsheet|testkit)$": "<rootDir>/packages/$1/src",
    "^@kttt/(membership|ocop|trade-promotion|policy-support)$": "<rootDir>/services/$1/src",
    "^@kttt/gateway$": "<rootDir>/gateway/src",
  },
  // Fault tests (restarts, kills, load) run with `npm run test:faults`; CI runs both.
  testMatch:
    process.env.KTTT_TEST_SUITE === "faults"
      ? ["<rootDir>/tests/faults/**/*.test.ts"]
      : ["<rootDir>/{packages,services}/*/test/**/*.test.ts", "<rootDir>/{gateway,tests}/test/**/*.test.ts"],
  globalSetup: "<rootDir>/tests/setup/global-setup.ts",
  globalTeardown: "<rootDir>/tests/setup/global-teardown.ts",
  testTimeout: 60_000,
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/tests/setup/summary-reporter.js"],
};
