/**
 * The contract between the API and the web app for cases: the requests and answers of `/api/cases`
 * and `/api/public/complaints`, the event names and the error codes, written once. Types and
 * constants only (no I/O): the API builds its answers to these types and the web client reads them,
 * so a drift on either side fails to compile. docs/adr/0029-api-contract-lib.md
 */
export * from './events';
export * from './errors';
export * from './cases';
export * from './public';
export * from './rules';
export * from './officers';
