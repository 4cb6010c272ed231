import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package's enum is a const enum, which isolated modules cannot read.
const ARGON2ID = 2;

/** argon2id with OWASP's minimum parameters (m=19 MiB, t=2, p=1); tests may lower memory. */
export function passwordHasher(memoryKib: number) {
  const options = { algorithm: ARGON2ID, memoryCost: memoryKib, timeCost: 2, parallelism: 1 };
  // Verified when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password.
  const dummy = hash('kontor-timing-equaliser', options);
  return {
    hash: (password: string) => hash(password, options),
    async verify(stored: string | null, password: string): Promise<boolean> {
      try {
        return await verify(stored ?? (await dummy), password);
      } catch {
        return false;
      }
    },
  };
}
export type PasswordHasher = ReturnType<typeof passwordHasher>;
