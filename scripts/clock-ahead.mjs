// Preload (`--import`): moves this process's wall clock ahead, by KONTOR_WALL_CLOCK_AHEAD_DAYS
// (default 366). Every time decision must read the app's injected clock; a test that passes at the
// fixed clock but fails here depends on the calendar date it runs on. Timers are not touched.
const ahead = Number(process.env.KONTOR_WALL_CLOCK_AHEAD_DAYS ?? 366) * 86_400_000;
if (!Number.isFinite(ahead)) throw new Error('KONTOR_WALL_CLOCK_AHEAD_DAYS must be a number');
const RealDate = globalThis.Date;
const shiftedNow = () => RealDate.now() + ahead;
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [shiftedNow()], newTarget),
  apply: () => new RealDate(shiftedNow()).toString(),
  get: (target, prop, receiver) => (prop === 'now' ? shiftedNow : Reflect.get(target, prop, receiver)),
});
