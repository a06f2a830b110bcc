CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"step" integer,
	"level" text,
	"user_id" integer,
	"actor_name" text NOT NULL,
	"note" text,
	"detail" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"batch_id" integer NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"firm_name" text,
	"region_code" varchar(6) NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"due_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_decision_id" bigint,
	"decision_id" bigint,
	"pledge" jsonb,
	"note" text,
	"notice_id" integer,
	"title_id" integer,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_once_per_batch" UNIQUE("batch_id","uscc"),
	CONSTRAINT "applications_status_known" CHECK ("applications"."status" in ('draft', 'in_review', 'returned', 'approved', 'in_notice', 'certified', 'rejected', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"policy_id" text NOT NULL,
	"title" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"levels" text[] NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"as_of" date NOT NULL,
	"review_days" integer NOT NULL,
	"correction_days" integer NOT NULL,
	"notice_days" integer NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "batches_window" CHECK ("batches"."opens_on" <= "batches"."closes_on"),
	CONSTRAINT "batches_days" CHECK ("batches"."review_days" > 0 and "batches"."correction_days" > 0 and "batches"."notice_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"claim" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_once_per_claim" UNIQUE("application_id","claim","sha256")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"batch_id" integer NOT NULL,
	"title" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"published_by" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" serial PRIMARY KEY NOT NULL,
	"notice_id" integer NOT NULL,
	"application_id" integer NOT NULL,
	"text" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact" text NOT NULL,
	"ip" text,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_by" integer,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "titles" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"name" text,
	"region_code" varchar(6) NOT NULL,
	"policy_id" text NOT NULL,
	"honor" text NOT NULL,
	"programme" text NOT NULL,
	"edition" text NOT NULL,
	"certificate_no" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"application_id" integer,
	"revoked_on" date,
	"revoked_reason" text,
	"revoked_note" text,
	"barred_until" date,
	"issued_by" integer NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "titles_certificate_no_unique" UNIQUE("certificate_no"),
	CONSTRAINT "titles_validity" CHECK ("titles"."valid_from" <= "titles"."valid_to")
);
--> statement-breakpoint
ALTER TABLE "facts" DROP CONSTRAINT "facts_source_known";--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "titles" ADD CONSTRAINT "titles_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_by_application" ON "application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "applications_by_queue" ON "applications" USING btree ("batch_id","status","step");--> statement-breakpoint
CREATE INDEX "applications_by_region" ON "applications" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "applications_by_firm" ON "applications" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "evidence_by_application" ON "evidence" USING btree ("application_id","claim");--> statement-breakpoint
CREATE INDEX "objections_by_notice" ON "objections" USING btree ("notice_id","status");--> statement-breakpoint
CREATE INDEX "objections_by_ip" ON "objections" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "titles_by_firm" ON "titles" USING btree ("uscc","honor");--> statement-breakpoint
CREATE INDEX "titles_by_name" ON "titles" USING btree ("name");--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_source_known" CHECK ("facts"."source" in ('self', 'import', 'tax', 'social_insurance', 'registry', 'court', 'reviewer', 'recognition'));--> statement-breakpoint
-- The event history of an application is append-only, like the ledger and the audit log.
CREATE TRIGGER "application_events_append_only" BEFORE UPDATE OR DELETE ON "application_events" FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
