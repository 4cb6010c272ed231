/**
 * Password strength in the spirit of NIST SP 800-63B: length over composition
 * rules, and refuse the obvious (the e-mail itself, one repeated character,
 * well-known passwords).
 */
const MIN_LENGTH = 10;
const MAX_LENGTH = 200;
const COMMON = new Set([
  'password123', 'password1234', '1234567890', 'qwertyuiop', 'administrator', 'heslo12345',
  'iloveyou123', 'changeme123', 'welcome123', 'kontor12345', 'letmein1234', 'qwerty12345',
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'weak_password';

export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if (password.length < MIN_LENGTH) return 'too_short';
  if (password.length > MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (COMMON.has(lower)) return 'weak_password';
  if (/^(.)\1*$/.test(password)) return 'weak_password';
  if (local.length >= 4 && lower.includes(local)) return 'weak_password';
  return null;
}

export const PASSWORD_MIN_LENGTH = MIN_LENGTH;
