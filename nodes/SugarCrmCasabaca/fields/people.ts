/** Casabaca's documented fields: people and tickets. */
import {
	BUSINESS_LINES,
	DISABILITY_RANGES,
	FUELS,
	ID_TYPES,
	TICKET_CLOSE_REASONS,
	TRANSACTION_TYPES,
} from '../choices';
import { EMAIL, defineField } from './define';

export const PEOPLE_FIELDS = [
	// People and tickets
	defineField({
		name: 'numero_identificacion',
		label: 'Identification Number',
		text: 'Identification number of the client',
	}),
	defineField({
		name: 'tipo_identificacion',
		label: 'Identification Type',
		kind: 'enum',
		text: 'Identification type of the client',
		options: ID_TYPES,
	}),
	defineField({ name: 'nombres', label: 'First Names', text: 'First names of the client' }),
	defineField({ name: 'apellidos', label: 'Last Names', text: 'Last names of the client' }),
	defineField({
		name: 'email',
		label: 'E-Mail',
		kind: 'email',
		text: 'E-mail of the client',
		...EMAIL,
	}),
	defineField({
		name: 'celular',
		label: 'Mobile Phone',
		kind: 'digits',
		text: 'Mobile phone of the client',
	}),
	defineField({
		name: 'telefono',
		label: 'Home Phone',
		kind: 'digits',
		text: 'Home phone of the client',
	}),
	defineField({
		name: 'user_name',
		label: 'Advisor User Name',
		text: 'SugarCRM user name of the advisor; required when the source is inConcert',
	}),
	defineField({
		name: 'linea_negocio',
		label: 'Business Line',
		kind: 'enum',
		text: 'Business line',
		options: BUSINESS_LINES,
	}),
	defineField({
		name: 'tipo_transaccion',
		label: 'Transaction Type',
		kind: 'enum',
		text: 'Type of transaction',
		options: TRANSACTION_TYPES,
	}),
	defineField({ name: 'anio', label: 'Vehicle Year', text: 'Year of the vehicle' }),
	defineField({ name: 'placa', label: 'License Plate', text: 'License plate of the vehicle' }),
	defineField({ name: 'campania', label: 'Campaign ID', text: 'ID of the campaign' }),
	defineField({
		name: 'asunto',
		label: 'Subject',
		text: 'Subject; required when a client comment is given',
	}),
	defineField({
		name: 'comentario_cliente',
		label: 'Client Comment',
		kind: 'longText',
		text: 'Comment of the client',
	}),
	defineField({
		name: 'id_interaccion_inconcert',
		label: 'External Interaction ID',
		text: 'ID of the interaction in the external system (e.g. inConcert)',
	}),
	defineField({
		name: 'description',
		label: 'Advisor Comment',
		kind: 'longText',
		text: 'Comment of the advisor',
	}),
	defineField({
		name: 'porcentaje_discapacidad',
		label: 'Disability Percentage',
		kind: 'enum',
		text: 'Disability percentage of the client',
		options: DISABILITY_RANGES,
	}),
	defineField({
		name: 'marca',
		label: 'Brand',
		text: 'Brand of the vehicle (code from the vendor table; required for CarMatch)',
	}),
	defineField({ name: 'modelo', label: 'Model', text: 'Model of the vehicle' }),
	defineField({
		name: 'precio',
		label: 'Price',
		text: 'Price of the vehicle (required for CarMatch)',
	}),
	defineField({
		name: 'color',
		label: 'Color',
		text: 'Color of the vehicle (required for CarMatch)',
	}),
	defineField({
		name: 'anioMin',
		label: 'Minimum Year',
		text: 'Minimum year of the vehicle (required for CarMatch)',
	}),
	defineField({
		name: 'anioMax',
		label: 'Maximum Year',
		text: 'Maximum year of the vehicle (required for CarMatch)',
	}),
	defineField({
		name: 'kilometraje',
		label: 'Mileage',
		text: 'Mileage of the vehicle (required for CarMatch)',
	}),
	defineField({
		name: 'combustible',
		label: 'Fuel',
		kind: 'enum',
		text: 'Fuel of the vehicle (required for CarMatch)',
		options: FUELS,
	}),
	defineField({ name: 'formulario', label: 'Form Name', text: 'Name of the landing page form' }),
	defineField({
		name: 'concesionario',
		label: 'Dealership',
		text: 'Name of the agency / dealership, e.g. Santo Domingo (Casabaca)',
	}),
	defineField({
		name: 'title',
		label: 'Form Title',
		text: 'Title of the web form',
		api: 'datos_adicionales.title',
	}),
	defineField({
		name: 'pageUrl',
		label: 'Form Page URL',
		text: 'URL of the web form',
		api: 'datos_adicionales.pageUrl',
	}),
	defineField({
		name: 'thankyouPageUrl',
		label: 'Thank-You Page URL',
		text: 'URL of the thank-you page',
		api: 'datos_adicionales.thankyouPageUrl',
	}),
	defineField({
		name: 'ticket_motivo_cierre',
		label: 'Closing Reason',
		kind: 'enum',
		text: 'Why the ticket is closed',
		api: 'motivo_cierre',
		options: TICKET_CLOSE_REASONS,
	}),
];
