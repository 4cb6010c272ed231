import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Why a folder cannot be created: where the walk up the path stopped, and what is wrong there. */
export type FolderProblem =
  /** A part of the path is a file. */
  | 'not_a_folder'
  /** This user may not write into the nearest existing folder. */
  | 'not_writable'
  /** The nearest existing folder is on a read-only file system. */
  | 'read_only'
  /** The file system does not create folders there at all (/proc, /sys). */
  | 'refused';

const REASONS: Record<FolderProblem, (at: string) => string> = {
  not_a_folder: (at) => `${at} is a file, not a folder`,
  not_writable: (at) => `this user may not write into ${at}`,
  read_only: (at) => `${at} is on a read-only file system`,
  refused: (at) => `${at} does not allow new folders in it (a special file system, such as /proc)`,
};

/** A folder that cannot be created or written into; `at` is the part of the path at fault. */
export class FolderNotCreatable extends Error {
  constructor(
    readonly path: string,
    readonly at: string,
    readonly problem: FolderProblem,
  ) {
    super(`Cannot create the folder ${path}: ${REASONS[problem](at)}.`);
    this.name = 'FolderNotCreatable';
  }

  /** Why, without the folder: "/srv/x is a file, not a folder". */
  get reason(): string {
    return REASONS[this.problem](this.at);
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The problem a system error names, or undefined for one this helper does not explain. */
function problemOf(error: unknown): FolderProblem | undefined {
  switch (codeOf(error)) {
    case 'ENOTDIR':
    case 'EEXIST':
      return 'not_a_folder';
    case 'EACCES':
      return 'not_writable';
    case 'EROFS':
      return 'read_only';
    case 'EPERM':
    // The parent exists, yet mkdir says it does not: /proc and its like.
    case 'ENOENT':
      return 'refused';
    default:
      return undefined;
  }
}

/**
 * Makes sure `dir` is a folder this user may write into, creating what is missing of it.
 *
 * Why not mkdirSync(dir, { recursive: true }): on /proc it never returns (Node retries the
 * parent, which mkdir keeps calling missing), and on a failure it names neither the part
 * of the path at fault nor why. So the path is walked up to the nearest existing folder,
 * which is checked (a folder, writable), and the missing folders are made one by one.
 */
export function ensureFolder(dir: string): void {
  const path = resolve(dir);
  const missing: string[] = [];
  let existing = path;
  for (;;) {
    try {
      statSync(existing);
      break;
    } catch (error) {
      const code = codeOf(error);
      const parent = dirname(existing);
      // ENOTDIR: a part further up is a file; the walk finds it and says so.
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === existing) throw failure(path, existing, error);
      missing.unshift(existing);
      existing = parent;
    }
  }
  if (!statSync(existing).isDirectory()) throw new FolderNotCreatable(path, existing, 'not_a_folder');
  try {
    accessSync(existing, constants.W_OK);
  } catch (error) {
    throw failure(path, existing, error);
  }
  for (const next of missing) {
    try {
      mkdirSync(next);
    } catch (error) {
      // Made meanwhile by someone else: fine when it is a folder.
      if (codeOf(error) === 'EEXIST' && statSync(next).isDirectory()) continue;
      throw failure(path, codeOf(error) === 'EEXIST' ? next : dirname(next), error);
    }
  }
}

/** The system error as a FolderNotCreatable, or itself when it is not about the folder (e.g. ENOSPC). */
function failure(path: string, at: string, error: unknown): Error {
  const problem = problemOf(error);
  return problem ? new FolderNotCreatable(path, at, problem) : (error as Error);
}
