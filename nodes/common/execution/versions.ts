/**
 * n8n's light versioning: one node class with `version: [1, 2]`; a property shown only in some
 * versions carries `displayOptions.show['@version']`. Workflows saved with version 1 keep their
 * parameters (plain IDs, raw answers); new nodes are version 2 (resource locators, Simplify).
 */
import type { INodeProperties } from 'n8n-workflow';

/** The versions every node of the package accepts, oldest first; the last is the default. */
export const NODE_VERSIONS = [1, 2];

/** The version that brought resource locators and Simplify. */
export const LOCATOR_VERSION = 2;

type VersionCondition = NonNullable<
	NonNullable<INodeProperties['displayOptions']>['show']
>['@version'];

function shownIn(property: INodeProperties, versions: VersionCondition): INodeProperties {
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, '@version': versions },
		},
	};
}

/** The property as versions before `version` show it. */
export const beforeVersion = (version: number, property: INodeProperties) =>
	shownIn(property, [{ _cnd: { lt: version } }]);

/** The property as `version` and later show it. */
export const fromVersion = (version: number, property: INodeProperties) =>
	shownIn(property, [{ _cnd: { gte: version } }]);
