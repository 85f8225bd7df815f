import { required } from '../../common/fields/fieldSet';
import type { AnyOperationSpec } from '../../common/execution/operation';
import { LISTS_VERSION } from '../../common/execution/pagination';
import { bodyOperation } from '../body';
import { fieldsNamed } from '../fields';

const getAll = bodyOperation({
	resource: 'advisor',
	operation: 'getAll',
	default: true,
	name: 'Get Many',
	action: 'Get many advisors',
	description: 'Retrieve the sales advisors available for a Medio ID (asesores)',
	method: 'GET',
	path: '/api/asesores',
	fields: required(fieldsNamed('medio')),
	wrap: false,
	// Documented as a JSON body on a GET, which n8n's HTTP client never sends: the query string
	// carries it instead (Laravel's request input reads both).
	inQuery: true,
	// Casabaca documents no paging: one request, cut to Limit. Saved workflows (published before
	// the pair) keep every advisor: Return All starts on before LISTS_VERSION.
	paginate: { returnAllBefore: LISTS_VERSION },
});

export const advisorOperations: AnyOperationSpec[] = [getAll];
