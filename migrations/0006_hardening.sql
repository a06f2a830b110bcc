CREATE TABLE "upload_parts" (
	"upload_id" text NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "upload_parts_upload_id_seq_pk" PRIMARY KEY("upload_id","seq")
);
--> statement-breakpoint
-- Tokens issued without an expiry get the default span from now, so none is cut off at once.
UPDATE "api_tokens" SET "expires_at" = now() + interval '90 days' WHERE "expires_at" IS NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "read_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "last_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "sources" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "sources" jsonb;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "unverified" text[];--> statement-breakpoint
ALTER TABLE "screening_results" ADD COLUMN "unverified" text[];--> statement-breakpoint
CREATE INDEX "api_tokens_by_user" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_by_action_ip" ON "audit_log" USING btree ("action","ip","at");--> statement-breakpoint
-- Firms already registered take each fact from its most trusted source (the latest entry of that tier), and keep the sources.
WITH "best" AS (
	SELECT DISTINCT ON ("uscc", "path") "uscc", "path", "value", "source" FROM "facts"
	ORDER BY "uscc", "path", (CASE "source" WHEN 'self' THEN 0 WHEN 'import' THEN 1 ELSE 2 END) DESC, "id" DESC
), "live" AS (
	SELECT * FROM "best" WHERE "value" IS NOT NULL AND "value" <> 'null'::jsonb
), "top" AS (
	SELECT "uscc", jsonb_object_agg("path", "value") AS "doc" FROM "live" WHERE "path" NOT LIKE '%.%' GROUP BY "uscc"
), "year_docs" AS (
	SELECT "uscc", split_part("path", '.', 2) AS "year", jsonb_object_agg(split_part("path", '.', 3), "value") AS "doc"
	FROM "live" WHERE "path" LIKE 'years.%.%' GROUP BY 1, 2
), "years" AS (
	SELECT "uscc", jsonb_object_agg("year", "doc") AS "doc" FROM "year_docs" GROUP BY "uscc"
), "compliance" AS (
	SELECT "uscc", jsonb_object_agg(split_part("path", '.', 2), "value") AS "doc" FROM "live" WHERE "path" LIKE 'compliance.%' GROUP BY "uscc"
), "origins" AS (
	SELECT "uscc", jsonb_object_agg("path", "source") AS "doc" FROM "live" GROUP BY "uscc"
)
UPDATE "enterprises" AS "e" SET
	"profile" = coalesce("top"."doc", '{}'::jsonb)
		|| CASE WHEN "years"."doc" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('years', "years"."doc") END
		|| CASE WHEN "compliance"."doc" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('compliance', "compliance"."doc") END
		|| jsonb_build_object('uscc', "e"."uscc"),
	"sources" = coalesce("origins"."doc", '{}'::jsonb)
FROM "enterprises" AS "f"
	LEFT JOIN "top" ON "top"."uscc" = "f"."uscc"
	LEFT JOIN "years" ON "years"."uscc" = "f"."uscc"
	LEFT JOIN "compliance" ON "compliance"."uscc" = "f"."uscc"
	LEFT JOIN "origins" ON "origins"."uscc" = "f"."uscc"
WHERE "e"."uscc" = "f"."uscc";
