/** Customers: clients (with IČO / VAT id rules) and their contacts. */
export { createCustomersService, type CustomersService } from './customers.service.ts';
export { customersRoutes } from './customers.routes.ts';
export type { Client, Contact, NewClient, NewContact, Address } from './customers.schemas.ts';
export * from './domain/index.ts';
