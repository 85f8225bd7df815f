/** How a Casabaca field is declared: a FieldDef, with the extras several fields share. */
import type { FieldDef, LocatorDef } from '../../common/fields/fieldDef';

type Extra = Partial<FieldDef>;

/**
 * The advisor of an appointment, from node version 2 picked from the advisors (asesores) of the
 * operation's Medio ID; an operation without a Medio ID keeps the plain field.
 */
export const ADVISOR_LOCATOR: LocatorDef = {
	noun: 'advisor',
	search: 'searchAdvisors',
	id: { placeholder: 'e.g. MA_PALACIOS', regex: '.*\\S.*' },
};

/** A FieldDef whose name stays a literal type, so that `fieldsNamed` accepts only declared names. */
export const defineField = <N extends string>(def: FieldDef & { name: N }) => def;

/** Sent as Y-m-d H:i in UTC, as Casabaca documents. */
export const IN_UTC: Extra = { date: { format: 'Y-m-d H:i' } };
export const EMAIL: Extra = { placeholder: 'name@email.com' };
