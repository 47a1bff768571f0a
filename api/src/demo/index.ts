export { DEMO_PASSWORD, loadDemoDataIfEmpty, type DemoResult } from './demo-data';
