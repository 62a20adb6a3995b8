/** Today in Japan (where the region's gatherings are held), YYYY-MM-DD. */
export function japanToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(now);
}
