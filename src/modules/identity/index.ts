/** Identity: users, roles and the permission policy, sessions, API tokens. */
export * from './domain/index.ts';
export { createAuthService, type AuthService, type Me } from './auth.service.ts';
export { createUsersService, OPEN_TICKETS_NAMED, type UsersService, type NewUser } from './users.service.ts';
export { passwordHasher, type PasswordHasher } from './passwords.ts';
export { registerAuthHook, contextOf, SESSION_COOKIE, type Access } from './auth.hook.ts';
export { auditWhoOf, systemContext, type RequestContext } from './context.ts';
export { identityRoutes } from './identity.routes.ts';
export { idParam, listQuery, language, newUserBody } from './identity.schemas.ts';
export type { User } from './users.repo.ts';
