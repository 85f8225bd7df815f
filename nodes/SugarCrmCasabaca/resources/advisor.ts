import { required } from '../../common/fieldSet';
import type { AnyOperationSpec } from '../../common/operation';
import { bodyOperation } from '../body';
import { fieldsNamed } from '../fields';

const getAll = bodyOperation({
	resource: 'advisor',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many advisors',
	description: 'Retrieve the sales advisors available for a medio',
	method: 'GET',
	path: '/api/asesores',
	fields: required(fieldsNamed('medio')),
	wrap: false,
	// Documented as a JSON body on a GET, which n8n's HTTP client never sends: the query string
	// carries it instead (Laravel's request input reads both).
	inQuery: true,
});

export const advisorOperations: AnyOperationSpec[] = [getAll];
