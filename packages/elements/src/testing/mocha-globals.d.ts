// The few Mocha globals the tests use (@types/mocha is not installed; web-test-runner provides Mocha at run time).
type Done = (error?: unknown) => void;
type TestFn = (this: unknown, done: Done) => void | Promise<unknown>;
declare function describe(title: string, fn: () => void): void;
declare function it(title: string, fn: TestFn | (() => void | Promise<unknown>)): void;
declare function before(fn: () => void | Promise<unknown>): void;
declare function after(fn: () => void | Promise<unknown>): void;
declare function beforeEach(fn: () => void | Promise<unknown>): void;
declare function afterEach(fn: () => void | Promise<unknown>): void;
