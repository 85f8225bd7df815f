/** Reading leads: one, many (with their filters), and the history of one. */
import { z } from 'zod';

import type { FieldDef } from '../../../common/fields/fieldDef';
import { defineOperation } from '../../../common/execution/operation';
import { paginationSchema } from '../../../common/execution/pagination';
import {
	simplifiedOutput,
	simplifyProperty,
	simplifyShape,
} from '../../../common/execution/simplify';
import { concessionaireIds, status } from '../../fields';
import { listOperation } from '../../pages';
import { simplifyLead } from '../../simplify';
import { byLeadId, leadIdField } from './fields';

/** Lead > Get's path, also read by the Keep IDs updates of a lead and of its tasks. */
export const LEAD_PATH = '/api/lead/{leadId}/';

export const get = defineOperation({
	resource: 'lead',
	operation: 'get',
	default: true,
	name: 'Get',
	action: 'Get a lead',
	description: 'Retrieve one lead by its Lead ID, with its client, vehicle, tasks, notes and tags',
	method: 'GET',
	path: LEAD_PATH,
	properties: [...leadIdField.properties, simplifyProperty],
	schema: z.object({ ...byLeadId, ...simplifyShape }),
	output: simplifiedOutput(simplifyLead),
});

/* ---------------------------------------------------------------- get many */

export const concessionaires: FieldDef = {
	name: 'concessionaire__in',
	label: 'Concessionaire Names or IDs',
	load: { method: 'getConcessionaires' },
	text: 'Only leads of these concessionaires',
	schema: () => concessionaireIds,
	// Several at once: n8n's multiOptions, whose value is a list.
	property: {
		type: 'multiOptions',
		default: [],
		description:
			'Only leads of these concessionaires (API field: concessionaire__in). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
};

export const getAll = listOperation({
	resource: 'lead',
	noun: 'leads',
	path: '/api/lead/',
	simplify: simplifyLead,
	filters: [
		status,
		{
			name: 'client__phone__icontains',
			label: 'Client Phone Contains',
			text: "Part of the client's phone number",
		},
		{
			name: 'client__email__icontains',
			label: 'Client E-Mail Contains',
			text: "Part of the client's e-mail",
		},
		concessionaires,
	],
});

/* ----------------------------------------------------------------- history */

export const getHistory = defineOperation({
	resource: 'lead',
	operation: 'getHistory',
	name: 'Get History',
	action: 'Get the change history of a lead',
	description: 'Retrieve the summary of the changes made to a lead, by Lead ID',
	method: 'GET',
	path: '/api/lead_history/{leadId}/get_history/',
	paginate: true,
	properties: leadIdField.properties,
	schema: z.object({ ...byLeadId, ...paginationSchema }),
});
