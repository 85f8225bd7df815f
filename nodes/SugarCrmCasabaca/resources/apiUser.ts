import type { AnyOperationSpec } from '../../common/operation';
import { bodyOperation } from '../define';
import { combine, optional, required } from '../fragments';

const create = bodyOperation({
	resource: 'apiUser',
	operation: 'create',
	name: 'Create',
	action: 'Create an API user',
	description: 'Register a user of the API (register)',
	path: '/api/register',
	fields: combine(
		required(['name', 'register_email']),
		optional(['register_password', 'fuente', 'fuente_id', 'medios', 'compania']),
	),
	wrap: false,
});

export const apiUserOperations: AnyOperationSpec[] = [create];
