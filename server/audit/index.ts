export { recordAudit, type AuditEntry } from './record-audit';
export { listAudit } from './list-audit';
export { auditTarget } from './targets';
