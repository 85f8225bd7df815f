/** Fixtures shared by the Prospect and Call tests: the documented meeting, as parameters and as sent. */
export const anyData = {
	additionalData: {
		pairs: [
			{ key: 'anyproperty1', value: 'anyData1' },
			{ key: 'anyproperty1N', value: 'anyData2' },
		],
	},
};

/** The meeting of the documented examples, as parameters and as sent. */
export const meetingParams = {
	meeting_date: '2021-10-02 19:59',
	meeting_duration_hours: '0',
	meeting_duration_minutes: '2',
	meeting_subject: 'Prueba de Manejo',
	meeting_comments: 'El cliente se acerca a la agencia...',
	meeting_location: 'Agencia los Chillos',
	meeting_type: '1',
	meeting_visit_type: '1',
	meeting_linea_negocio: '1',
	meetingOptions: { meeting_marca: '1', meeting_modelo: '2' },
	meeting_client_tipo_identificacion: 'C',
	meeting_client_numero_identificacion: '1719932079',
	meeting_client_gender: 'M',
	meeting_client_names: 'Freddy Roberto',
	meeting_client_surnames: 'Vargas Rodriguez',
	meeting_client_cellphone_number: '0987512224',
	meeting_client_email: 'mart2021@hotmail.com',
};
export const meetingBody = {
	date: '2021-10-02 19:59',
	duration_hours: '0',
	duration_minutes: '2',
	subject: 'Prueba de Manejo',
	comments: 'El cliente se acerca a la agencia...',
	location: 'Agencia los Chillos',
	type: '1',
	visit_type: '1',
	linea_negocio: '1',
	marca: '1',
	modelo: '2',
	client: {
		tipo_identificacion: 'C',
		numero_identificacion: '1719932079',
		gender: 'M',
		names: 'Freddy Roberto',
		surnames: 'Vargas Rodriguez',
		phone_home: '022072845',
		cellphone_number: '0987512224',
		email: 'mart2021@hotmail.com',
	},
};
