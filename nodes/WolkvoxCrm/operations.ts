import type { AnyOperationSpec, ResourceOption } from '../common/execution/operation';
import { withToolRules } from '../common/execution/toolVariant';
import { activityOperations } from './resources/activity';
import { caseOperations } from './resources/case';
import { managementOperations } from './resources/collection/management';
import { obligationOperations } from './resources/collection/obligation';
import { recordOperations } from './resources/record';
import { tokenOperations } from './resources/token';
import { wolkvoxToolRules } from './toolRules';

export const wolkvoxResources: ResourceOption[] = [
	{
		name: 'Case',
		value: 'case',
		description: 'Cases (requests, complaints, claims, suggestions) with attachments',
	},
	{
		name: 'Activity',
		value: 'activity',
		description: 'Calls and tasks attached to a record of any module',
	},
	{
		name: 'Collection Management',
		value: 'collection',
		description: 'Managements, obligations and case files of the collections module',
	},
	{
		name: 'Record',
		value: 'record',
		description: 'Records of any module: contacts, leads or your own modules',
	},
	{ name: 'Token', value: 'token', description: "The token's daily usage" },
];

/** Every operation, in the order of the Operation dropdowns' defaults and of the README tables. */
export const wolkvoxOperations: AnyOperationSpec[] = withToolRules(
	[
		...caseOperations,
		...activityOperations,
		...managementOperations,
		...obligationOperations,
		...recordOperations,
		...tokenOperations,
	],
	wolkvoxToolRules,
);
