'use strict';
// Notes and tags ({id, content} with their own edit history) and the lead history: the nested pieces leads
// and tasks share, with the kit's rule for a nested list sent in a PATCH (mergeList).
const { now } = require('./common');

function createNotes(db, next, { userById }) {
	const noteOut = (n) => ({
		id: n.id,
		content: n.content,
		modified: n.modified,
		history: n.history || [],
	});

	const noteSpec = { content: { type: 'string', required: true } };

	function newNote(n) {
		return { id: next('note'), content: n.content, modified: now(), history: [] };
	}

	function newTag(n) {
		return { id: next('tag'), content: n.content, modified: now(), history: [] };
	}

	/**
	 * Applies a nested list (note, tags, task notes, tasks) the way the kit describes: items with an id
	 * update that item, items without one are created, and the list sent replaces the old list (items
	 * not sent are deleted). Returns { list, error }.
	 */
	function mergeList(current, incoming, create, update) {
		const errors = [];
		let bad = false;
		const out = [];
		for (const item of incoming) {
			if (item.id !== undefined) {
				const found = current.find((c) => c.id === item.id);
				if (!found) {
					bad = true;
					errors.push({ id: [`No existe un elemento con id ${item.id} en este objeto.`] });
					continue;
				}
				errors.push({});
				out.push(update(found, item));
			} else {
				errors.push({});
				out.push(create(item));
			}
		}
		return bad ? { error: errors } : { list: out };
	}

	function updateNote(n, v) {
		if (v.content !== undefined && v.content !== n.content) {
			n.history.push({
				history_id: next('history'),
				modified: n.modified,
				history_user: 2,
				content: n.content,
			});
			n.content = v.content;
			n.modified = now();
		}
		return n;
	}

	function addHistory(leadId, type, userId, changes) {
		if (!db.history.has(leadId)) db.history.set(leadId, []);
		db.history.get(leadId).push({
			history_id: next('history'),
			history_date: now(),
			history_type: type,
			history_user: userId,
			history_user_data: (() => {
				const u = userById(userId);
				return u
					? { id: u.id, first_name: u.first_name, last_name: u.last_name, username: u.username }
					: null;
			})(),
			lead: leadId,
			changes,
		});
	}

	return { noteOut, noteSpec, newNote, newTag, mergeList, updateNote, addHistory };
}

module.exports = { createNotes };
