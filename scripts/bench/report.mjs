// The bench's table: absolute figures, the ratio to the HTTP Request node of the same run (the figure that
// counts: absolute times move ±35% run to run on these machines), and issue 10's goal for each line.

/** The sizes and latencies the issue's goals are written for: absolute goals are judged only there. */
export const ISSUE_SIZES = { creates: 1000, upserts: 1000, leads: 100_000, wolkvox: 10_000 };
const WOLKVOX_MAX_IN_FLIGHT = 2;

const fmt = {
	s: (v) =>
		v === null || v === undefined
			? '—'
			: v >= 100
				? `${v.toFixed(0)} s`
				: v >= 10
					? `${v.toFixed(1)} s`
					: `${v.toFixed(2)} s`,
	n: (v) => (v === null || v === undefined ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1)),
	x: (v) =>
		v === null || v === undefined || !Number.isFinite(v)
			? '—'
			: `${v >= 10 ? v.toFixed(1) : v.toFixed(2)}×`,
	mb: (v) => (v === null || v === undefined ? '—' : `${v.toFixed(0)} MB`),
};

/**
 * Issue 10's goals for a row of our node: [{ text, met: true | false | null (not judged here) , why }].
 * `concurrency`: the default the node declares (Options > Concurrency), or undefined.
 * @param {any} row
 * @param {{ concurrency?: number }} [options]
 */
export function goalsFor(row, { concurrency } = {}) {
	const goals = [];
	const judge = (text, applies, met, why = '') =>
		goals.push({ text, met: applies ? Boolean(met) : null, why });
	if (row.case === 'create') {
		const exact = row.items === ISSUE_SIZES.creates;
		judge('≥0.8× HTTP node', row.ratio !== null, row.ratio >= 0.8, fmt.x(row.ratio));
		if (row.latencyMs > 0) {
			judge(
				'≥150 items/s',
				exact && row.latencyMs === 50,
				row.itemsPerSecond >= 150,
				`${fmt.n(row.itemsPerSecond)}/s`,
			);
			judge(
				Number.isInteger(concurrency)
					? `≤${concurrency} in flight (default Concurrency)`
					: '≤Concurrency in flight',
				Number.isInteger(concurrency),
				row.maxInFlight <= concurrency,
				Number.isInteger(concurrency)
					? `${row.maxInFlight} in flight`
					: 'the node declares no Concurrency default',
			);
		}
	}
	if (row.case === 'upsert' && row.latencyMs > 0) {
		// Issue 21: the lookups kept in flight the way Create keeps its requests, within the same bound.
		judge(
			Number.isInteger(concurrency)
				? `≤${concurrency} in flight (default Concurrency)`
				: '≤Concurrency in flight',
			Number.isInteger(concurrency),
			row.maxInFlight <= concurrency,
			Number.isInteger(concurrency)
				? `${row.maxInFlight} in flight`
				: 'the node declares no Concurrency default',
		);
	}
	if (row.case === 'getAll') {
		const exact = row.items === ISSUE_SIZES.leads && (row.latencyMs === 0 || row.latencyMs === 50);
		const limit = row.latencyMs === 0 ? 6 : 10;
		judge(`≤${limit} s`, exact, row.nodeSeconds <= limit, fmt.s(row.nodeSeconds));
		// The goal is about reading the list: the login is counted in its own column.
		const listRequests = row.requests - (row.logins ?? 0);
		judge(
			'≤100 list requests',
			exact,
			listRequests <= 100,
			`${listRequests} + ${row.logins ?? 0} login`,
		);
		const mem = row.memInNodeMb ?? row.hwmGrowthMb;
		judge('memory ≤300 MB', exact && mem !== null, mem <= 300, fmt.mb(mem));
	}
	if (row.case === 'wolkvox') {
		judge(
			'≤33 s',
			row.items === ISSUE_SIZES.wolkvox && row.latencyMs === 50,
			row.nodeSeconds <= 33,
			fmt.s(row.nodeSeconds),
		);
		judge(
			`≤${WOLKVOX_MAX_IN_FLIGHT} in flight`,
			true,
			row.maxInFlight <= WOLKVOX_MAX_IN_FLIGHT,
			`${row.maxInFlight} in flight`,
		);
	}
	if (row.logins !== null && row.logins !== undefined && row.case !== 'wolkvox') {
		judge('1 login', true, row.logins === 1, `${row.logins} logins`);
	}
	return goals;
}

/** Each goal with its verdict: ✓, ✗ (and the figure), or n/a (not judged at this size or latency). */
function verdicts(goals) {
	return goals
		.map((g) => `${g.text} ${g.met === null ? 'n/a' : g.met ? '✓' : `✗ (${g.why})`}`)
		.join('; ');
}

/** The table as text lines. */
export function formatTable(rows) {
	const head = [
		'work',
		'latency',
		'runner',
		'node time',
		'items/s',
		'vs HTTP node',
		'requests',
		'max in flight',
		'logins',
		'memory',
		'goals of issue 10: ✓ met, ✗ not met',
	];
	const body = [];
	let lastGroup = '';
	for (const r of rows) {
		const group = `${r.work} ${r.latencyMs}`;
		const first = group !== lastGroup;
		lastGroup = group;
		const goals = r.goals || [];
		const hwm =
			r.hwmGrowthMb !== null && r.hwmGrowthMb !== undefined
				? ` (HWM ${fmt.mb(r.hwmGrowthMb)})`
				: '';
		const memory = `${fmt.mb(r.memInNodeMb)}${hwm}`;
		body.push(
			[
				first ? r.work : '',
				first ? `${r.latencyMs} ms` : '',
				r.runner,
				r.failed ? `FAILED` : fmt.s(r.nodeSeconds),
				fmt.n(r.itemsPerSecond),
				fmt.x(r.ratio),
				r.requests ?? '—',
				r.maxInFlight ?? '—',
				r.logins ?? '—',
				memory,
				verdicts(goals),
			].map(String),
		);
	}
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
	const line = (cells) =>
		cells
			.map((c, i) => c.padEnd(widths[i]))
			.join('  ')
			.trimEnd();
	return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}

export const LEGEND = [
	'node time: runData[node][0].executionTime (n8n start-up excluded); raw HTTP: wall time in the bench process.',
	"vs HTTP node: the HTTP Request node's time / this line's time in the same run (1.00× = as fast; 0.10× = 10× slower).",
	'requests (logins included), max in flight, logins: counted at the mock (logins = POST /api/auth/login/).',
	'memory: peak VmRSS growth of the `n8n execute` process while the node ran (RSS at its start subtracted; the',
	'  issue\'s "heap growth ≤300 MB" is judged on it: resident memory includes the V8 heap and the answer buffers);',
	"  HWM (a node alone in its process): the process's VmHWM minus that of a trivial one-item workflow (includes n8n",
	"  printing the run as JSON). n/a: a goal written for the issue's sizes and latencies (1000 creates, 100,000 leads,",
	'  10,000 records; 0 and 50 ms), not judged on other ones.',
	'Create or Update (issue 21): the HTTP Request node line is two nodes, a GET ?client__email__icontains= per item, then',
	"  one node whose method and URL are expressions (PATCH /api/lead/<id>/ when the lookup's results hold the item's",
	'  e-mail exactly, else POST /api/lead/); its time is the sum of both nodes. It sends the lead as given, without the',
	'  nested IDs the SML node keeps on an update; max in flight counts the lookups and writes together.',
];

const CASE_ORDER = ['create', 'upsert', 'getAll', 'wolkvox'];

/** Sorts a report's rows, and sets each row's ratio to the HTTP Request node and, on our nodes' rows, its goals. */
export function judge(report) {
	const { rows } = report;
	// The table reads by work, then latency, then ours / HTTP Request node / raw, whatever order the runs took.
	const runnerRank = (r) =>
		r.runner.startsWith('HTTP Request') ? 1 : r.runner.startsWith('raw') ? 2 : 0;
	rows.sort(
		(a, b) =>
			CASE_ORDER.indexOf(a.case) - CASE_ORDER.indexOf(b.case) ||
			a.latencyMs - b.latencyMs ||
			runnerRank(a) - runnerRank(b),
	);
	for (const row of rows) {
		const http = rows.find(
			(x) =>
				x.work === row.work &&
				x.latencyMs === row.latencyMs &&
				x.runner.startsWith('HTTP Request node'),
		);
		row.ratio =
			http && !http.failed && !row.failed && row.nodeSeconds
				? http.nodeSeconds / row.nodeSeconds
				: null;
	}
	const concurrency = report.concurrencyDefault ?? undefined;
	const upsertConcurrency = report.upsertConcurrencyDefault ?? undefined;
	for (const row of rows)
		row.goals = /^(SML|wolkvox CRM) node$/.test(row.runner)
			? goalsFor(row, { concurrency: row.case === 'upsert' ? upsertConcurrency : concurrency })
			: [];
	return report;
}

export function printReport(report) {
	const { package: pkg, concurrencyDefault: c, loadAverage: load } = report;
	console.log(
		`\nn8n ${report.n8nVersion}, package ${pkg.name}@${pkg.version} (${pkg.label})${c === null || c === undefined ? '' : `, Options > Concurrency default ${c}`}` +
			`, ${report.cpus} CPUs, load average ${load.start.toFixed(1)} at the start and ${load.end.toFixed(1)} at the end`,
	);
	for (const line of formatTable(report.rows)) console.log(line);
	console.log('');
	for (const line of LEGEND) console.log(line);
	if (report.notes.length)
		console.log(`\nn8n behaviour noted:\n${report.notes.map((n) => `  - ${n}`).join('\n')}`);
}
