/** The token's daily usage: the same call as the credential test. */
import { z } from 'zod';

import type { AnyOperationSpec } from '../../common/execution/operation';
import { defineOperation } from '../../common/execution/operation';
import { USAGE_INFORMATION_PATH } from '../server';

const getUsage = defineOperation({
	resource: 'token',
	operation: 'getUsage',
	default: true,
	name: 'Get Usage',
	action: 'Get the usage of the token',
	description:
		"Read the token's daily limit, today's uses, the uses left and the hours until the count restarts; this call itself uses one",
	method: 'GET',
	// The credential's operation name is added as ?operation=... by the transport.
	path: USAGE_INFORMATION_PATH,
	properties: [],
	schema: z.object({}),
});

export const tokenOperations: AnyOperationSpec[] = [getUsage];
