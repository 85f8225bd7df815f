import type { AnyOperationSpec } from '../../../common/operation';
import { createOrUpdate } from './createOrUpdate';
import { get, getAll, getHistory } from './read';
import { assign, changeStatus, clickToCall, create, finalize, update } from './write';

/** The first is the default of the Operation dropdown. */
export const leadOperations: AnyOperationSpec[] = [
	get,
	getAll,
	create,
	createOrUpdate,
	update,
	assign,
	changeStatus,
	finalize,
	getHistory,
	clickToCall,
];
