import { combine, inCollection, required } from '../../common/fields/fieldSet';
import type { AnyOperationSpec } from '../../common/execution/operation';
import { bodyOperation } from '../body';
import { fieldsNamed } from '../fields';

const create = bodyOperation({
	resource: 'apiUser',
	operation: 'create',
	default: true,
	name: 'Create',
	action: 'Create an API user',
	description: 'Register a new user of the API with a name and an e-mail (register)',
	path: '/api/register',
	fields: combine(
		required(fieldsNamed('name', 'register_email')),
		inCollection(fieldsNamed('register_password', 'fuente', 'fuente_id', 'medios', 'compania')),
	),
	wrap: false,
});

export const apiUserOperations: AnyOperationSpec[] = [create];
