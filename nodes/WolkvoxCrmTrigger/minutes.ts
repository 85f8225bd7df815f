/**
 * wolkvox's date ranges are written in minutes ("Y-m-d H:i") in the CRM's clock, with no time
 * zone documented: the trigger keeps instants (ms since the epoch) and writes them in the zone the
 * user names.
 */
export const MINUTE = 60_000;

/** The start of the minute an instant falls in. */
export const minuteOf = (instant: number) => Math.floor(instant / MINUTE) * MINUTE;

/** An instant as wolkvox's "Y-m-d H:i" in `zone`. */
export function wolkvoxMinute(instant: number, zone: string): string {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
	}).formatToParts(new Date(instant));
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
