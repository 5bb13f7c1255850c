/** Day formats, made once on first use (building an Intl format costs more than using it). */
export const once = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};
export const enWeekdayDay = once(() => new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }));
export const enDay = once(() => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }));
/** A `YYYY-MM-DD` day as midnight UTC, formatted in UTC, so no time zone moves it. */
export const utc = (day: string) => new Date(`${day}T00:00:00Z`);
