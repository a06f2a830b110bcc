CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"username" text,
	"role" text,
	"action" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"region_code" varchar(6),
	"detail" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"region_code" varchar(6),
	"level" text,
	"uscc" varchar(18),
	"organization" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_role_known" CHECK ("users"."role" in ('enterprise', 'reviewer', 'bank', 'provider', 'chamber', 'admin')),
	CONSTRAINT "users_reviewer_scoped" CHECK ("users"."role" <> 'reviewer' or ("users"."region_code" is not null and "users"."level" is not null)),
	CONSTRAINT "users_enterprise_bound" CHECK ("users"."role" <> 'enterprise' or "users"."uscc" is not null)
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" text PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"year" integer,
	"user_id" integer NOT NULL,
	"region_scope" varchar(6),
	"file" "bytea",
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"errors" jsonb,
	"rejects" "bytea",
	"failure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"uscc" varchar(18),
	"region_code" varchar(6),
	"policy_id" text NOT NULL,
	"policy_hash" text NOT NULL,
	"edition" text NOT NULL,
	"as_of" date NOT NULL,
	"input" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"verdict" text NOT NULL,
	"purpose" text NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_sources" (
	"hash" text PRIMARY KEY NOT NULL,
	"policy_id" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "region_code" varchar(6);--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "industry_code" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "size_class" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_by_subject" ON "audit_log" USING btree ("subject_type","subject_id","id");--> statement-breakpoint
CREATE INDEX "audit_by_action" ON "audit_log" USING btree ("action","subject_id","at");--> statement-breakpoint
CREATE INDEX "sessions_by_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "decisions_by_firm" ON "decisions" USING btree ("uscc","id");--> statement-breakpoint
CREATE INDEX "decisions_by_policy" ON "decisions" USING btree ("policy_id","verdict");--> statement-breakpoint
CREATE INDEX "decisions_by_region" ON "decisions" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_by_region" ON "enterprises" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_by_tags" ON "enterprises" USING gin ("tags");--> statement-breakpoint
-- The fact ledger and the audit log are append-only: the database itself refuses to change or remove a row.
CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '% is append-only: rows are never updated or deleted', TG_TABLE_NAME;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "refuse_change"();--> statement-breakpoint
CREATE TRIGGER "facts_append_only" BEFORE UPDATE OR DELETE ON "facts" FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
