/**
 * Casabaca's documented fields, each declared once (define.ts) in flat.ts, people.ts and calls.ts:
 * its label, its place in the body (relative to `datosSugarCRM`, or from the root for `datos_adicionales.*` and the flat
 * endpoints), its kind and choices. Operations pick them by name (`fieldsNamed`); the call type,
 * the meeting and the client blocks come as blocks from appointment.ts.
 */
import type { FieldDef } from '../../common/fields/fieldDef';
import { CALL_FIELDS } from './calls';
import { FLAT_FIELDS } from './flat';
import { PEOPLE_FIELDS } from './people';

const DOCUMENTED = [...FLAT_FIELDS, ...PEOPLE_FIELDS, ...CALL_FIELDS];

export type FieldName = (typeof DOCUMENTED)[number]['name'];

const BY_NAME = new Map<string, FieldDef>(DOCUMENTED.map((def) => [def.name, def]));

/** The declared fields of these names, in this order. */
export const fieldsNamed = (...names: FieldName[]): FieldDef[] =>
	names.map((name) => BY_NAME.get(name) as FieldDef);
