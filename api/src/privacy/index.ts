export { PrivacyModule } from './privacy.module';
export { PrivacyGate, valueElements, type GateContext, type GateElement } from './privacy-gate.service';
