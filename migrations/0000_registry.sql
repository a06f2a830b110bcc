CREATE TABLE "enterprises" (
	"uscc" varchar(18) PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"path" text NOT NULL,
	"value" jsonb,
	"source" text NOT NULL,
	"actor" text NOT NULL,
	"reason" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facts_source_known" CHECK ("facts"."source" in ('self', 'import', 'tax', 'social_insurance', 'registry', 'court', 'reviewer')),
	CONSTRAINT "facts_override_has_reason" CHECK ("facts"."source" <> 'reviewer' or "facts"."reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_uscc_enterprises_uscc_fk" FOREIGN KEY ("uscc") REFERENCES "public"."enterprises"("uscc") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "facts_by_path" ON "facts" USING btree ("uscc","path","id");