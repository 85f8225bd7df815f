'use strict';
// Appraisals (getAvaluos, getAvaluo, createUpdateAvaluo, pdf, correo).
const { clone, isObject } = require('../../util');

/** A small valid one-page PDF naming the appraisal (xref offsets computed). */
function makePdf(lines) {
	const text = lines
		.map(
			(l, i) =>
				`BT /F1 12 Tf 72 ${760 - i * 18} Td (${String(l)
					.replace(/[()\\]/g, '\\$&')
					.replace(/[^\x20-\x7e]/g, '?')}) Tj ET`,
		)
		.join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n';
	const offsets = [];
	objects.forEach((o, i) => {
		offsets.push(Buffer.byteLength(out));
		out += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = Buffer.byteLength(out);
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

function createAppraisals(db, router) {
	// Appraisals: the reference documents the paths only; the answers below are the sandbox's choice.
	router.add('GET', '/api/getAvaluos', () => ({
		status: 200,
		body: { data: [...db.appraisals.values()].map(clone) },
	}));

	router.add('GET', '/api/getAvaluo/:id', (ctx) => {
		const a = db.appraisals.get(ctx.params.id);
		return a
			? { status: 200, body: { data: clone(a) } }
			: { status: 404, body: { error: 'Avalúo no existe, id inválido' } };
	});

	router.add('POST', '/api/createUpdateAvaluo', (ctx) => {
		const body = isObject(ctx.body) ? ctx.body : {};
		const id =
			body.id !== undefined && body.id !== null && body.id !== '' ? String(body.id) : undefined;
		if (id !== undefined && db.appraisals.has(id)) {
			const a = Object.assign(db.appraisals.get(id), clone(body), {
				id,
				updated_at: new Date().toISOString(),
			});
			return { status: 200, body: { data: clone(a), message: 'Avalúo actualizado correctamente' } };
		}
		if (id !== undefined) return { status: 404, body: { error: 'Avalúo no existe, id inválido' } };
		const newId = String(db.seq.appraisal++);
		const a = { ...clone(body), id: newId, created_at: new Date().toISOString() };
		db.appraisals.set(newId, a);
		return { status: 200, body: { data: clone(a), message: 'Avalúo creado correctamente' } };
	});

	router.add('GET', '/api/pdf/:id', (ctx) => {
		const a = db.appraisals.get(ctx.params.id);
		if (!a) return { status: 404, body: { error: 'Avalúo no existe, id inválido' } };
		const pdf = makePdf([
			`Avaluo ${a.id}`,
			`Placa: ${a.placa || ''}`,
			`Vehiculo: ${a.marca || ''} ${a.modelo || ''} ${a.anio || ''}`,
			`Valor: ${a.valor || ''}`,
			'Casabaca sandbox',
		]);
		return {
			status: 200,
			body: pdf,
			headers: {
				'Content-Type': 'application/pdf',
				'Content-Disposition': `attachment; filename="avaluo-${a.id}.pdf"`,
			},
		};
	});

	router.add('GET', '/api/correo/:id', (ctx) => {
		const a = db.appraisals.get(ctx.params.id);
		if (!a) return { status: 404, body: { error: 'Avalúo no existe, id inválido' } };
		(a.emails = a.emails || []).push(new Date().toISOString());
		return {
			status: 200,
			body: { data: { avaluo_id: a.id, message: 'Correo enviado correctamente' } },
		};
	});
}

module.exports = { createAppraisals, makePdf };
