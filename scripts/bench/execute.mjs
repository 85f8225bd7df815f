// `n8n execute --id <id> --rawOutput` for the bench, watched from outside: the e2e's runCli keeps the whole stdout
// in a string and does not expose the process, and here a run can print a few hundred MB (n8n prints the whole
// run, 100,000 leads included) and its memory has to be read while it runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { N8N_BIN, NODE24 } from '../e2e/config.mjs';
import { freePort, n8nEnv, parseRun } from '../e2e/n8n.mjs';

/** VmRSS and VmHWM (kB) of a live process, or null once it is gone. */
function readMemory(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
		return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
	} catch {
		return null;
	}
}

/**
 * Runs one imported workflow. Memory, how it is measured:
 *  - the bench polls /proc/<pid>/status of the `n8n execute` process (the node process itself: bin/n8n does not
 *    re-spawn, and with N8N_RUNNERS_ENABLED=false nothing runs in a child) every `sampleMs`, from this process, so
 *    samples keep coming while n8n's main thread is busy (parsing a 100 MB page, for instance);
 *  - `hwmKb` is the last VmHWM read (the kernel's high-water mark of resident memory: it only grows, and n8n frees
 *    nothing big between printing the run and exiting, so the read at most one period before exit is the peak);
 *  - `samples` ([Date.now(), VmRSS kB]) let the caller cut out the window of one node (runData's startTime and
 *    executionTime are Date.now() in the n8n process: the same clock on the same machine).
 * Resolves { code, signal, seconds, run (parsed, or null), outputBytes, stderrTail, hwmKb, samples }.
 * @param {string} userFolder
 * @param {string} workflowId
 * @param {{ timeoutMs?: number, sampleMs?: number, keepOutput?: boolean }} [options]
 */
export async function executeWorkflow(
	userFolder,
	workflowId,
	{ timeoutMs = 900_000, sampleMs = 20, keepOutput } = {},
) {
	const brokerPort = await freePort();
	const outFile = path.join(userFolder, `execute-${workflowId}-${Date.now()}.out`);
	const errFile = `${outFile.slice(0, -4)}.err`;
	const out = fs.openSync(outFile, 'w');
	const err = fs.openSync(errFile, 'w');
	const started = Date.now();
	// Straight into files: the bench's event loop stays free for the mock vendor and the memory sampler.
	const child = spawn(NODE24, [N8N_BIN, 'execute', `--id=${workflowId}`, '--rawOutput'], {
		env: n8nEnv(userFolder, { brokerPort }),
		stdio: ['ignore', out, err],
	});
	fs.closeSync(out);
	fs.closeSync(err);
	const samples = [];
	let hwmKb = 0;
	const sample = () => {
		const m = readMemory(child.pid);
		if (!m) return;
		samples.push([Date.now(), m.rss]);
		if (m.hwm > hwmKb) hwmKb = m.hwm;
	};
	sample();
	const sampler = setInterval(sample, sampleMs);
	const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
	const { code, signal } = await new Promise((resolve) =>
		child.on('exit', (c, s) => resolve({ code: c, signal: s })),
	);
	clearInterval(sampler);
	clearTimeout(timer);
	const seconds = (Date.now() - started) / 1000;
	const outputBytes = fs.statSync(outFile).size;
	const stdout = fs.readFileSync(outFile, 'utf8');
	const run = parseRun(stdout);
	const stderr = fs.readFileSync(errFile, 'utf8');
	// Kept when the run could not be read (the caller keeps the user folder then).
	if (run && !keepOutput) {
		fs.rmSync(outFile, { force: true });
		fs.rmSync(errFile, { force: true });
	}
	return {
		code,
		signal,
		seconds,
		run,
		outputBytes,
		stdoutTail: run ? '' : stdout.slice(-3000),
		stderrTail: stderr.slice(-3000),
		hwmKb,
		samples,
	};
}

/** Peak VmRSS growth (MB) inside [from, to] over the last sample at or before `from`; null without samples there. */
export function rssGrowthMb(samples, from, to) {
	let before = null;
	let peak = null;
	for (const [t, rss] of samples) {
		if (t <= from) before = rss;
		else if (t <= to) peak = Math.max(peak ?? 0, rss);
	}
	if (before === null || peak === null) return null;
	return Math.max(0, peak - before) / 1024;
}
