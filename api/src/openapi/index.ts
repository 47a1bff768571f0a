export { addResponseContract } from './response-contract';
