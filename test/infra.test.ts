// The test infrastructure itself: the throwaway PostgreSQL that scripts/test.sh starts.
import pg from 'pg';
import { describe, expect, it } from 'vitest';

const url = process.env.KONTOR_TEST_PG_URL;
const required = process.env.KONTOR_TEST_REQUIRE_PG === '1';

describe('test infrastructure: PostgreSQL', () => {
  it('has KONTOR_TEST_PG_URL when KONTOR_TEST_REQUIRE_PG=1', () => {
    if (required) expect(url, 'KONTOR_TEST_PG_URL must be set (run the tests with npm test)').toMatch(/^postgres:\/\//);
  });

  it.skipIf(!url)('answers SELECT 1', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const res = await client.query<{ one: number }>('SELECT 1 AS one');
      expect(res.rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });
});
