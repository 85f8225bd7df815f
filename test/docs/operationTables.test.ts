/**
 * The README's operation tables are rendered from the nodes' own specs by
 * scripts/docs/operationTables.ts; this test fails when README.md has drifted from them.
 */
import fs from 'node:fs';

import { README, withOperationTables } from '../../scripts/docs/operationTables';

test('README operation tables match the nodes (else run `npm run docs:operations`)', () => {
	const current = fs.readFileSync(README, 'utf8');
	expect(current).toBe(withOperationTables(current));
});
