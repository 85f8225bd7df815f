import type { AnyOperationSpec } from '../../../common/execution/operation';
import { recordCreateOrUpdate } from './createOrUpdate';
import { recordSearchOperations } from './search';
import { recordChangeOperations, recordInsert } from './write';

/** The Record operations, in the order of the README table; Insert stays the dropdown's default. */
export const recordOperations: AnyOperationSpec[] = [
	recordInsert,
	recordCreateOrUpdate,
	...recordChangeOperations,
	...recordSearchOperations,
];
