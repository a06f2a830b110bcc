CREATE TABLE "firm_counts" (
	"region_code" varchar(6) NOT NULL,
	"section" varchar(1) NOT NULL,
	"size_class" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "firm_counts_region_code_section_size_class_pk" PRIMARY KEY("region_code","section","size_class")
);
--> statement-breakpoint
CREATE TABLE "tag_counts" (
	"region_code" varchar(6) NOT NULL,
	"tag" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "tag_counts_region_code_tag_pk" PRIMARY KEY("region_code","tag")
);
--> statement-breakpoint
-- Firms already registered are counted once here; from now on every write keeps the counts.
INSERT INTO "firm_counts" ("region_code", "section", "size_class", "n")
SELECT coalesce("region_code", ''), coalesce(substr("industry_code", 1, 1), ''), coalesce("size_class", ''), count(*)
FROM "enterprises" GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO "tag_counts" ("region_code", "tag", "n")
SELECT coalesce("region_code", ''), "tag", count(*) FROM "enterprises", unnest("tags") AS "tag" GROUP BY 1, 2;
