/**
 * New Appraisal: getAvaluos answers every appraisal at once (the reference documents no filter and
 * no pages), and appraisals have whole-number ids (getAvaluo/1). A new appraisal is one whose id is
 * above the highest id seen.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { APPRAISALS_PATH } from '../SugarCrmCasabaca/resources/appraisal';
import { casabacaApi } from '../SugarCrmCasabaca/transport';
import type { IdPosition } from '../triggers/idWatermark';
import { highestId, idOf, latest, newerThan } from '../triggers/idWatermark';
import type { Detector } from '../triggers/poll';
import { pollRequests } from '../triggers/pollRequests';

type Appraisals = Array<{ id: number; record: IDataObject }>;

export function newAppraisalDetector(fn: IPollFunctions): Detector<Appraisals, IdPosition> {
	const requests = pollRequests(fn, casabacaApi);
	return {
		configuration: 'newAppraisal',
		async read() {
			const body = await requests.request({ method: 'GET', path: APPRAISALS_PATH });
			if (!Array.isArray(body)) {
				throw new NodeOperationError(
					fn.getNode(),
					`SugarCRM Casabaca: GET ${APPRAISALS_PATH} did not answer a list of appraisals`,
					{
						description: `Its answer (its "data" when it has one) was ${JSON.stringify(body)?.slice(0, 200)}. Nothing was emitted.`,
					},
				);
			}
			return (body as IDataObject[]).map((record) => ({
				id: idOf(fn.getNode(), record, 'id', 'appraisal'),
				record,
			}));
		},
		start: (appraisals) => ({ lastId: highestId(appraisals.map((a) => a.id)) }),
		advance: (appraisals, { lastId }) => ({
			records: newerThan(appraisals, lastId),
			position: {
				lastId: highestId(
					appraisals.map((a) => a.id),
					lastId,
				),
			},
		}),
		sample: (appraisals) => latest(appraisals),
	};
}
