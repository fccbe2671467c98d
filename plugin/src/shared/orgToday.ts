/** Today's date (YYYY-MM-DD) in an IANA time zone: the default as-of date, as the org's users see the day. */
export function orgToday(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
