/**
 * Where a polling trigger stands, kept in the workflow's static data ('node' scope). n8n saves
 * static data with the workflow, so the position survives restarts and is the one every worker of
 * queue mode reads. It is stored with the configuration that gives it its meaning (the event, a
 * module, a time zone): after such a change the next poll starts over, silently, as a first poll.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/** Bumped when a position's shape changes: a position of another version counts as none. */
const POSITION_VERSION = 1;

/** The one key the triggers use in their node's static data. */
const KEY = 'position';

interface StoredPosition {
	version: number;
	configuration: string;
	position: IDataObject;
}

const isStored = (value: unknown): value is StoredPosition =>
	typeof value === 'object' &&
	value !== null &&
	(value as StoredPosition).version === POSITION_VERSION &&
	typeof (value as StoredPosition).configuration === 'string' &&
	typeof (value as StoredPosition).position === 'object' &&
	(value as StoredPosition).position !== null;

/**
 * The configuration as stored: its parts (joined by NUL in the triggers) as a JSON list, since
 * PostgreSQL's jsonb, where n8n's durable scheduler may keep the position, refuses a NUL character.
 */
const stored = (configuration: string) =>
	configuration.includes('\u0000') ? JSON.stringify(configuration.split('\u0000')) : configuration;

/** The stored position for this configuration, or undefined on a first poll. */
export function readPosition<P extends IDataObject>(
	fn: IPollFunctions,
	configuration: string,
): P | undefined {
	const saved = fn.getWorkflowStaticData('node')[KEY];
	// A position saved before the configuration was stored as a list keeps its meaning.
	const same =
		isStored(saved) &&
		(saved.configuration === stored(configuration) || saved.configuration === configuration);
	if (!same) return undefined;
	// A copy: the caller computes the next position from it without touching what n8n will save.
	return JSON.parse(JSON.stringify(saved.position)) as P;
}

/** Replaces the stored position in one assignment, which n8n's static data notices and saves. */
export function writePosition(
	fn: IPollFunctions,
	configuration: string,
	position: IDataObject,
): void {
	const entry: StoredPosition = {
		version: POSITION_VERSION,
		configuration: stored(configuration),
		position,
	};
	fn.getWorkflowStaticData('node')[KEY] = entry as unknown as IDataObject;
}
