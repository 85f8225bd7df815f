/**
 * New Case: cases/queryCases.php finds cases by one field's value and has no date field, but two
 * of its documented fields make new cases findable: `status` (a new case starts in the status your
 * operation gives it, e.g. "open") and `idCase`, the case number, which grows with every case. Each
 * poll asks once for the cases in that status; a new case is one whose idCase is above the highest
 * seen. The position is that one number.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { wolkvoxApi } from '../WolkvoxCrm/transport';
import type { IdPosition } from '../triggers/idWatermark';
import { highestId, idOf, latest, newerThan } from '../triggers/idWatermark';
import type { Detector } from '../triggers/poll';
import { pollRequests } from '../triggers/pollRequests';
import { recordsOf } from './answers';

export const QUERY_CASES_PATH = '/server/API/v2/cases/queryCases.php';

type Cases = Array<{ id: number; record: IDataObject }>;

export function newCaseDetector(
	fn: IPollFunctions,
	caseStatus: string,
): Detector<Cases, IdPosition> {
	const requests = pollRequests(fn, wolkvoxApi);
	return {
		configuration: `newCase\u0000${caseStatus}`,
		async read() {
			const response = await requests.requestRaw({
				method: 'POST',
				path: QUERY_CASES_PATH,
				body: { field: 'status', value: caseStatus },
			});
			const cases = recordsOf(fn.getNode(), response.body, `POST ${QUERY_CASES_PATH}`);
			return cases.map((record) => ({ id: idOf(fn.getNode(), record, 'idCase', 'case'), record }));
		},
		start: (cases) => ({ lastId: highestId(cases.map((c) => c.id)) }),
		advance: (cases, { lastId }) => ({
			records: newerThan(cases, lastId),
			position: {
				lastId: highestId(
					cases.map((c) => c.id),
					lastId,
				),
			},
		}),
		sample: (cases) => latest(cases),
	};
}
