/** Audit: reading and verifying the tamper-evident log (entries are written by platform/audit in each change's transaction). */
export { createAuditService, type AuditService } from './audit.service.ts';
export { auditRoutes } from './audit.routes.ts';
