import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the domain schemas and never edited once released.
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/platform/schema.ts',
    './src/enterprises/schema.ts',
    './src/decisions/schema.ts',
    './src/cultivation/schema.ts',
    './src/delivery/schema.ts',
  ],
  out: './migrations',
});
