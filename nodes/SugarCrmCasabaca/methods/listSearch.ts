/**
 * The "From List" modes of Casabaca's resource locators. getAvaluos and asesores answer their whole
 * list at once and document neither paging nor a search, so the list is filtered here, in one page.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequestBody } from '../../common/wire/http';
import { APPRAISALS_PATH } from '../resources/appraisal';
import { casabacaApi } from '../transport';

/** The appraisal answer is undocumented: these fields name it when they are there. */
const APPRAISAL_LABEL_FIELDS = ['placa', 'marca', 'modelo', 'anio'];

function appraisalLabel(appraisal: IDataObject): string {
	const parts = APPRAISAL_LABEL_FIELDS.map((name) => appraisal[name]).filter(
		(part) => part !== undefined && part !== null && part !== '',
	);
	return [`#${appraisal.id}`, ...parts].join(' · ');
}

/** "FRANCISCO XAVIER VILLAMAR CASTRO (MA_PALACIOS) · CUMBAYA" */
function advisorLabel(advisor: IDataObject): string {
	const name = [advisor.nombres, advisor.apellidos].filter(Boolean).join(' ');
	const label = name ? `${name} (${advisor.user_name})` : String(advisor.user_name);
	return advisor.agencia ? `${label} · ${advisor.agencia}` : label;
}

const matching = (items: INodeListSearchItems[], filter?: string) => {
	const wanted = filter?.trim().toLowerCase() ?? '';
	return items.filter((item) => item.name.toLowerCase().includes(wanted));
};

export const listSearch = {
	async searchAppraisals(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const body = await apiRequestBody.call(this, casabacaApi, {
			method: 'GET',
			path: APPRAISALS_PATH,
		});
		const appraisals = (Array.isArray(body) ? (body as IDataObject[]) : []).filter(
			(appraisal) => appraisal && appraisal.id !== undefined && appraisal.id !== null,
		);
		const items = appraisals.map((appraisal) => ({
			name: appraisalLabel(appraisal),
			value: String(appraisal.id),
		}));
		return { results: matching(items, filter) };
	},

	/** The advisors (asesores) of the operation's Medio ID, which must be a fixed value. */
	async searchAdvisors(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const medio = this.getCurrentNodeParameter('medio');
		const fixed =
			typeof medio === 'number' || (typeof medio === 'string' && /^\d+$/.test(medio.trim()));
		if (!fixed) {
			throw new NodeOperationError(
				this.getNode(),
				'Set the Medio ID (a number, not an expression) to list its advisors, or give the advisor By ID',
			);
		}
		const body = await apiRequestBody.call(this, casabacaApi, {
			method: 'GET',
			path: '/api/asesores',
			qs: { medio: String(medio).trim() },
		});
		const advisors = (Array.isArray(body) ? (body as IDataObject[]) : []).filter(
			(advisor) => advisor && typeof advisor.user_name === 'string' && advisor.user_name !== '',
		);
		const items = advisors.map((advisor) => ({
			name: advisorLabel(advisor),
			value: advisor.user_name as string,
		}));
		return { results: matching(items, filter) };
	},
};
