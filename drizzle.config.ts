import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the domain schemas and never edited once released.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/enterprises/schema.ts'],
  out: './migrations',
});
