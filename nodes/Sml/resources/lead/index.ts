import type { AnyOperationSpec } from '../../../common/execution/operation';
import { createOrUpdate } from './createOrUpdate';
import { get, getAll, getHistory } from './read';
import { assign, changeStatus, clickToCall, create, finalize, update } from './write';

/** In the Operation dropdown's order (the default is the spec marked `default: true`). */
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
