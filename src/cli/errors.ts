import { ConfigError } from '../config/index.ts';
import { PASSWORD_MIN_LENGTH } from '../modules/identity/index.ts';
import { FolderNotCreatable } from '../platform/folders.ts';
import { AppError, type ErrorDetail } from '../shared/errors.ts';

/**
 * What the command line prints when a command fails: one message that says what
 * went wrong and how to fix it, never a stack trace (an administrator reads it, a
 * script only checks the exit code). `KONTOR_DEBUG=1` adds the stack of an
 * unexpected error for a bug report.
 */

/** A failure the command itself has explained (the file, the folder, the database it could not use). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The errno-style code of a Node.js system error or a PostgreSQL error, if any. */
function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A database URL as it may be printed: without its password. */
export function safeDatabaseName(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

/** Why a database could not be opened or prepared, as a CliError naming it (password left out). */
export function databaseError(url: string, error: unknown): Error {
  if (error instanceof AppError || error instanceof CliError) return error;
  const name = safeDatabaseName(url);
  const code = codeOf(error);
  const reason = error instanceof Error ? error.message : String(error);
  if (/^postgres(ql)?:\/\//.test(url)) {
    const check = 'Check the URL (postgres://user:password@host:5432/database) in --db, KONTOR_DB or the config file.';
    switch (code) {
      case 'ECONNREFUSED':
        return new CliError(`Cannot connect to PostgreSQL at ${name}: the connection was refused.`, `Is the server running, and are the host and port right? ${check}`);
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return new CliError(`Cannot connect to PostgreSQL at ${name}: the host name is not known.`, check);
      case 'ETIMEDOUT':
        return new CliError(`Cannot connect to PostgreSQL at ${name}: no answer (timed out).`, `Is the host reachable from here (firewall)? ${check}`);
      case '3D000':
        return new CliError(`PostgreSQL at ${name}: ${reason}.`, 'Create the database first (createdb NAME, or CREATE DATABASE NAME;), then run the command again.');
      case '28000':
      case '28P01':
        return new CliError(`PostgreSQL at ${name} refused the sign-in: ${reason}.`, `Check the user name and password. ${check}`);
      default:
        return new CliError(`Cannot use the PostgreSQL database ${name}: ${reason}`, check);
    }
  }
  const where = 'Use --db with a file in a folder that exists or can be created, and that this user may write to.';
  if (error instanceof FolderNotCreatable) return new CliError(`Cannot create the SQLite database ${name}: ${error.reason}.`, where);
  switch (code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return new CliError(`Cannot create the SQLite database ${name}: a part of its folder path is a file, not a folder.`, where);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new CliError(`Cannot create the SQLite database ${name}: permission denied.`, where);
    case 'SQLITE_CANTOPEN':
      return new CliError(`Cannot open the SQLite database ${name}: the file or its folder cannot be opened or written.`, where);
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return new CliError(`${name} is not a Kontor SQLite database (${reason}).`, 'Check the path in --db.');
    case 'SQLITE_BUSY':
      return new CliError(`The SQLite database ${name} is busy (another process holds a write lock).`, 'Try again in a moment.');
    default:
      return new CliError(`Cannot use the SQLite database ${name}: ${reason}`, where);
  }
}

/** A file-system failure on a path the user named, as a CliError. */
export function fileError(path: string, error: unknown, what: 'file' | 'folder'): Error {
  if (error instanceof FolderNotCreatable) return new CliError(error.message, 'Choose another folder, one this user may create or write to.');
  switch (codeOf(error)) {
    case 'ENOENT':
      return new CliError(`The ${what} ${path} does not exist.`, 'Check the path (relative paths start in the current folder).');
    case 'EISDIR':
      return new CliError(`${path} is a folder; name a file.`);
    case 'EEXIST':
    case 'ENOTDIR':
      return new CliError(`Cannot use the ${what} ${path}: a part of its path is a file, not a folder.`, 'Choose another path.');
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new CliError(`Cannot use the ${what} ${path}: permission denied.`, `Choose a ${what} this user may ${what === 'file' ? 'read' : 'write to'}.`);
    case 'ENOSPC':
      return new CliError(`Cannot write into ${path}: the disk is full.`);
    default:
      return new CliError(`Cannot use the ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A detail of a validation error, in words: `line 5, date: …`, and the password rules spelled out. */
function detailLine(d: ErrorDetail): string {
  const path = d.path.replace(/^line (\d+)\.(.+)$/, 'line $1, $2').replace(/^line (\d+)$/, 'line $1');
  let message = d.message;
  if (d.code === 'too_short' && /password/i.test(d.path)) message = `too short: use at least ${PASSWORD_MIN_LENGTH} characters`;
  else if (d.code === 'too_long' && /password/i.test(d.path)) message = 'too long: use at most 200 characters';
  else if (d.code === 'required' && /^(Invalid input|Too small)/.test(message)) message = 'missing: give a value';
  else if (d.code === 'weak_password') message = 'too easy to guess: not a well-known password, not one character repeated, and not containing the name of the e-mail address';
  return `  - ${path || '(input)'}: ${message}`;
}

/** The lines to print on stderr for a failed command. */
export function describeFailure(error: unknown, debug = false): string[] {
  if (error instanceof ConfigError) return [error.message];
  if (error instanceof CliError) return [`Error: ${error.message}`, ...(error.hint ? [error.hint] : [])];
  if (error instanceof AppError) {
    const details = (error.details ?? []).filter((d) => !(d.message === error.message && error.details!.length === 1));
    // The services word a validation failure for the API ("request"); on the command line it is the input.
    const message = error.message === 'The request is not valid' ? 'The input is not valid; nothing was changed' : error.message;
    return [`Error: ${message}`, ...details.map(detailLine)];
  }
  const code = codeOf(error);
  if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || (code === 'EACCES' && (error as { syscall?: string }).syscall === 'listen')) {
    const { address, port } = error as { address?: string; port?: number };
    const at = `${address ?? ''}:${port ?? ''}`;
    if (code === 'EADDRINUSE') return [`Error: the port ${port} on ${address} is already in use (another Kontor or another program listens there).`, 'Stop that program, or choose another port with --port N (or PORT).'];
    if (code === 'EADDRNOTAVAIL') return [`Error: cannot listen on ${at}: this machine has no such address.`, 'Use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (all its addresses).'];
    return [`Error: cannot listen on ${at}: permission denied (ports below 1024 need extra rights).`, 'Choose a port from 1024 up with --port N.'];
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? [error.stack] : ['(Set KONTOR_DEBUG=1 to print the details for a bug report.)'];
  return [`Error: ${message}`, ...stack];
}
