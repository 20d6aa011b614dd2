CREATE TABLE `tunings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`endpoint_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`status` text NOT NULL,
	`p99_ms` real NOT NULL,
	`max_minutes` real NOT NULL,
	`progress` text NOT NULL,
	`measurements` text NOT NULL,
	`best` text,
	`error` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	`applied_at` integer,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tunings_endpoint_id_idx` ON `tunings` (`endpoint_id`);--> statement-breakpoint
CREATE INDEX `tunings_status_idx` ON `tunings` (`status`);