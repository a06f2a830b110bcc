-- Files of imports not yet read move into parts before the column goes, so no queued import loses its file.
INSERT INTO "upload_parts" ("upload_id", "seq", "data") SELECT "id", 0, "file" FROM "imports" WHERE "file" IS NOT NULL AND "status" IN ('queued', 'running');--> statement-breakpoint
ALTER TABLE "imports" DROP COLUMN "file";