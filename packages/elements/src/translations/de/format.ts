/** Day formats, made once on first use (building an Intl format costs more than using it). */
export const once = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};
export const deWeekday = once(() => new Intl.DateTimeFormat('de-DE', { weekday: 'short', timeZone: 'UTC' }));
export const deDay = once(() => new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', timeZone: 'UTC' }));
/** A `YYYY-MM-DD` day as midnight UTC, formatted in UTC, so no time zone moves it. */
export const utc = (day: string) => new Date(`${day}T00:00:00Z`);
