'use strict';
// The choices the reference lists (identification types, closing reasons, business lines), its advisors and
// call-center users, and the answer to a missing or rejected token.

const TIPO_ID = ['C', 'P', 'R'];
const TIPO_ID_MSG =
	'Tipo de identificación no contiene un valor válido, valores válidos: C(Cedula),P(Pasaporte), R(RUC)';
const MOTIVO_TICKET = [
	'abandono_chat',
	'solo_informacion',
	'desiste',
	'no_contesta',
	'compra_futura',
];
const MOTIVO_PROSPECCION = ['1', '2', '3', '4', '5'];
const LINEA = ['1', '2', '3', '4'];
const UNAUTHENTICATED = { status: 500, body: { message: 'Unauthenticated.', status_code: 500 } };

const ADVISORS = [
	{
		nombres: 'FRANCISCO XAVIER',
		apellidos: 'VILLAMAR CASTRO',
		celular: '0987647944',
		user_name: 'MA_PALACIOS',
		email: 'fvillamar@1001carros.com',
		agencia: 'CUMBAYA',
		lineas_negocio: ['SEMINUEVOS'],
		medios: [11, 13, 18],
	},
	{
		nombres: 'CARLOS GABRIEL',
		apellidos: 'RAMOS PAREDES',
		celular: '0987512224',
		user_name: 'CG_RAMOS',
		email: 'cramos@casabaca.example',
		agencia: 'LOS CHILLOS',
		lineas_negocio: ['NUEVOS', 'POSTVENTA'],
		medios: [10, 11, 13],
	},
	{
		nombres: 'Admin',
		apellidos: 'SugarCRM',
		celular: null,
		user_name: 'admin',
		email: 'mwherrera@plus-projects.com',
		agencia: 'MATRIZ',
		lineas_negocio: [],
		medios: [10, 11, 13, 18],
	},
];
const CALL_CENTER = ['CG_RAMOS', 'JA_AGUIRRE'];

module.exports = {
	TIPO_ID,
	TIPO_ID_MSG,
	MOTIVO_TICKET,
	MOTIVO_PROSPECCION,
	LINEA,
	UNAUTHENTICATED,
	ADVISORS,
	CALL_CENTER,
};
