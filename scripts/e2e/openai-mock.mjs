// A loopback stand-in for OpenAI's chat-completions API (POST <base>/chat/completions), for the e2e's AI Agent
// checks (agent-checks.mjs). It plays a model that uses one tool: its first answer in a conversation is a tool call
// with the arguments a scenario chose; once the request carries the tool's result (a `tool` message), it answers
// with a final message quoting that result. Every request is recorded for the checks.
// Streaming requests (`stream: true`) get the same answers as server-sent events.
import http from 'node:http';

/**
 * scenarios: { [toolName]: { args: object, final?: (toolResult: string) => string } }. The scenario is picked by
 * the first offered tool (`tools[].function.name`) that has one.
 */
export async function startOpenAiMock(scenarios) {
	const requests = [];
	let calls = 0;
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (d) => (raw += d));
		req.on('end', () => {
			let body;
			try {
				body = raw ? JSON.parse(raw) : {};
			} catch {
				body = { unparsed: raw };
			}
			const entry = { method: req.method, path: req.url, headers: req.headers, body };
			requests.push(entry);
			const send = (status, json) => {
				res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
			};
			if (req.method === 'GET' && /\/models$/.test(req.url)) {
				return send(200, {
					object: 'list',
					data: [{ id: 'gpt-e2e-mock', object: 'model', created: 0, owned_by: 'e2e' }],
				});
			}
			if (req.method !== 'POST' || !/\/chat\/completions$/.test(req.url)) {
				return send(404, {
					error: {
						message: `the mock answers POST /chat/completions only, not ${req.method} ${req.url}`,
						type: 'invalid_request_error',
					},
				});
			}
			const offered = (body.tools || []).map((t) => t.function?.name).filter(Boolean);
			const toolName = offered.find((name) => scenarios[name]);
			entry.offeredTools = offered;
			if (!toolName) {
				return send(400, {
					error: {
						message: `no scenario for the offered tools ${JSON.stringify(offered)}`,
						type: 'invalid_request_error',
					},
				});
			}
			const scenario = scenarios[toolName];
			const messages = body.messages || [];
			const toolMessage = [...messages].reverse().find((m) => m.role === 'tool');
			calls += 1;
			const id = `chatcmpl-e2e-${calls}`;
			let message;
			if (!toolMessage) {
				const callId = `call_e2e_${calls}`;
				entry.answer = { toolCall: { name: toolName, args: scenario.args } };
				message = {
					role: 'assistant',
					content: null,
					tool_calls: [
						{
							id: callId,
							type: 'function',
							function: { name: toolName, arguments: JSON.stringify(scenario.args) },
						},
					],
				};
			} else {
				const result =
					typeof toolMessage.content === 'string'
						? toolMessage.content
						: JSON.stringify(toolMessage.content);
				const text = scenario.final
					? scenario.final(result)
					: `Done. The tool answered: ${result.slice(0, 200)}`;
				entry.answer = { final: text };
				message = { role: 'assistant', content: text };
			}
			const finishReason = message.tool_calls ? 'tool_calls' : 'stop';
			const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
			if (body.stream) {
				res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
				const chunk = (delta, finish) =>
					`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
				const delta = message.tool_calls
					? {
							role: 'assistant',
							tool_calls: message.tool_calls.map((c, index) => ({ index, ...c })),
						}
					: { role: 'assistant', content: message.content };
				res.write(chunk(delta, null));
				res.write(chunk({}, finishReason));
				res.write(
					`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: body.model, choices: [], usage })}\n\n`,
				);
				return res.end('data: [DONE]\n\n');
			}
			return send(200, {
				id,
				object: 'chat.completion',
				created: 0,
				model: body.model,
				choices: [{ index: 0, message, finish_reason: finishReason }],
				usage,
			});
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		reset: () => {
			requests.length = 0;
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
