import type { AnyOperationSpec, ResourceOption } from '../common/operation';
import { activityOperations } from './resources/activity';
import { caseOperations } from './resources/case';
import { collectionOperations } from './resources/collection';
import { recordOperations } from './resources/record';
import { tokenOperations } from './resources/token';

export const wolkvoxResources: ResourceOption[] = [
	{ name: 'Case', value: 'case', description: 'Cases (requests, complaints, claims, suggestions) with attachments' },
	{ name: 'Activity', value: 'activity', description: 'Calls and tasks attached to a record of any module' },
	{ name: 'Collection Management', value: 'collection', description: 'Managements, obligations and case files of the collections module' },
	{ name: 'Record', value: 'record', description: 'Records of any module: contacts, leads or your own modules' },
	{ name: 'Token', value: 'token', description: "The token's daily usage" },
];

export const wolkvoxOperations: AnyOperationSpec[] = [
	...caseOperations,
	...activityOperations,
	...collectionOperations,
	...recordOperations,
	...tokenOperations,
];
