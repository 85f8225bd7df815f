import type { AnyOperationSpec, ResourceOption } from '../common/execution/operation';
import { withToolRules } from '../common/execution/toolVariant';
import { catalogOperations } from './resources/catalogs';
import { leadOperations } from './resources/lead';
import { sessionOperations } from './resources/session';
import { taskOperations } from './resources/task';
import { smlToolRules } from './toolRules';

export const smlResources: ResourceOption[] = [
	{ name: 'Lead', value: 'lead', description: 'Leads: interested clients and their vehicles' },
	{ name: 'Task', value: 'task', description: 'Tasks (requests) of a lead' },
	{ name: 'Client', value: 'client' },
	{ name: 'Concessionaire', value: 'concessionaire' },
	{ name: 'Fuel Type', value: 'gasType' },
	{ name: 'Locality', value: 'locality' },
	{ name: 'Province', value: 'province' },
	{ name: 'Session', value: 'session' },
	{ name: 'Source', value: 'source', description: 'Where leads come from (phone, e-mail, web...)' },
	{ name: 'User', value: 'user' },
];

export const smlOperations: AnyOperationSpec[] = withToolRules(
	[...leadOperations, ...taskOperations, ...catalogOperations, ...sessionOperations],
	smlToolRules,
);
