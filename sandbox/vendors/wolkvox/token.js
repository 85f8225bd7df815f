'use strict';
// Token usage (token/tokenInformation): the daily quota every call counts against.

function createToken(db, router) {
	// ---------- token ----------
	router.add('GET', '/server/API/v2/token/tokenInformation.php', () => {
		// Documented with code and error as strings.
		return {
			status: 200,
			body: {
				code: '200',
				error: 'null',
				msg: '1 records were are found',
				data: {
					description: 'token',
					token_limit: db.tokenLimit,
					token_use_today: db.usesToday,
					available_consumition_options: Math.max(0, db.tokenLimit - db.usesToday),
					hours_to_restart_count: 24 - new Date().getUTCHours(),
				},
			},
		};
	});
}

module.exports = { createToken };
