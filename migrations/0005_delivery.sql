CREATE TABLE "claims" (
	"id" serial PRIMARY KEY NOT NULL,
	"policy_id" text NOT NULL,
	"round" integer NOT NULL,
	"screening_id" integer NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"firm_name" text,
	"status" text NOT NULL,
	"amount" numeric(14, 2),
	"missing" text[],
	"respond_by" date NOT NULL,
	"bank_name" text,
	"account_name" text,
	"account_no" varchar(32),
	"confirmed_at" timestamp with time zone,
	"exported_at" timestamp with time zone,
	"paid_on" date,
	"payment_ref" text,
	"note" text,
	"decision_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claims_one_per_round" UNIQUE("policy_id","round","uscc"),
	CONSTRAINT "claims_amount" CHECK ("claims"."amount" is null or "claims"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "screening_results" (
	"screening_id" integer NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"verdict" text NOT NULL,
	"amount" numeric(14, 2),
	"failed" text[],
	"missing" text[],
	"ledger_mark" bigint NOT NULL,
	CONSTRAINT "screening_results_screening_id_uscc_pk" PRIMARY KEY("screening_id","uscc")
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"id" serial PRIMARY KEY NOT NULL,
	"policy_id" text NOT NULL,
	"policy_hash" text NOT NULL,
	"edition" text NOT NULL,
	"as_of" date NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"cursor" varchar(18),
	"failure" text,
	"started_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"respond_by" date
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "profile" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "ledger_mark" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "claims_by_firm" ON "claims" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "claims_by_policy" ON "claims" USING btree ("policy_id","status");--> statement-breakpoint
CREATE INDEX "screening_results_by_verdict" ON "screening_results" USING btree ("screening_id","verdict");--> statement-breakpoint
CREATE INDEX "screenings_by_policy" ON "screenings" USING btree ("policy_id","id");--> statement-breakpoint
-- Firms already registered get their current profile from the ledger once; from now on every write keeps it.
WITH "latest" AS (
	SELECT DISTINCT ON ("uscc", "path") "uscc", "path", "value" FROM "facts" ORDER BY "uscc", "path", "id" DESC
), "live" AS (
	SELECT * FROM "latest" WHERE "value" IS NOT NULL AND "value" <> 'null'::jsonb
), "top" AS (
	SELECT "uscc", jsonb_object_agg("path", "value") AS "doc" FROM "live" WHERE "path" NOT LIKE '%.%' GROUP BY "uscc"
), "year_docs" AS (
	SELECT "uscc", split_part("path", '.', 2) AS "year", jsonb_object_agg(split_part("path", '.', 3), "value") AS "doc"
	FROM "live" WHERE "path" LIKE 'years.%.%' GROUP BY 1, 2
), "years" AS (
	SELECT "uscc", jsonb_object_agg("year", "doc") AS "doc" FROM "year_docs" GROUP BY "uscc"
), "compliance" AS (
	SELECT "uscc", jsonb_object_agg(split_part("path", '.', 2), "value") AS "doc" FROM "live" WHERE "path" LIKE 'compliance.%' GROUP BY "uscc"
), "marks" AS (
	SELECT "uscc", max("id") AS "mark" FROM "facts" GROUP BY "uscc"
)
UPDATE "enterprises" AS "e" SET
	"profile" = coalesce("top"."doc", '{}'::jsonb)
		|| CASE WHEN "years"."doc" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('years', "years"."doc") END
		|| CASE WHEN "compliance"."doc" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('compliance', "compliance"."doc") END
		|| jsonb_build_object('uscc', "e"."uscc"),
	"ledger_mark" = coalesce("marks"."mark", 0)
FROM "enterprises" AS "f"
	LEFT JOIN "top" ON "top"."uscc" = "f"."uscc"
	LEFT JOIN "years" ON "years"."uscc" = "f"."uscc"
	LEFT JOIN "compliance" ON "compliance"."uscc" = "f"."uscc"
	LEFT JOIN "marks" ON "marks"."uscc" = "f"."uscc"
WHERE "e"."uscc" = "f"."uscc";
