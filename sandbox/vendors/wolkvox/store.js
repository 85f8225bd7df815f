'use strict';
// Records of any module and the users: wolkvox-style record ids (always increasing), contacts by e-mail.
const { clone } = require('../../util');

function createStore(db) {
	function nowStamp() {
		return new Date().toISOString().replace('T', ' ').slice(0, 19);
	}

	// Record ids as wolkvox's look (24 hex digits like a MongoDB ObjectId, creation second first) and
	// always increasing, so the highest id is the newest record, as Create or Update assumes.
	let recordSeq = 0;
	function newRecordId() {
		const second = Math.floor(Date.now() / 1000)
			.toString(16)
			.padStart(8, '0');
		return `${second}${(recordSeq++).toString(16).padStart(16, '0')}`;
	}

	function moduleStore(name) {
		if (!db.modules.has(name)) db.modules.set(name, new Map());
		return db.modules.get(name);
	}

	function insertRecord(module, fields, created) {
		const rec = {
			wolkvox_id: newRecordId(),
			...clone(fields),
			created: created || nowStamp(),
			modified: created || nowStamp(),
		};
		moduleStore(module).set(rec.wolkvox_id, rec);
		return rec;
	}

	function findContact(email) {
		const contacts = db.modules.get('contacts');
		if (!contacts) return null;
		return (
			[...contacts.values()].find(
				(c) =>
					String(c.emailcontact || c.Email || '').toLowerCase() === String(email).toLowerCase(),
			) || null
		);
	}

	const userByLogin = (login) =>
		db.users.find((u) => u.login.toLowerCase() === String(login).toLowerCase());

	return { nowStamp, newRecordId, moduleStore, insertRecord, findContact, userByLogin };
}

module.exports = { createStore };
