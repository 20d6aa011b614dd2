CREATE TABLE `model_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`model_id` integer NOT NULL,
	`version` integer NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`format` text DEFAULT 'onnx' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`tags` text NOT NULL,
	`signature` text NOT NULL,
	`metadata` text NOT NULL,
	`status` text DEFAULT 'ready' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`model_id`) REFERENCES `models`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `model_versions_model_id_version_idx` ON `model_versions` (`model_id`,`version`);--> statement-breakpoint
CREATE INDEX `model_versions_sha256_idx` ON `model_versions` (`sha256`);--> statement-breakpoint
CREATE TABLE `models` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`task` text DEFAULT '' NOT NULL,
	`tags` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `models_name_idx` ON `models` (`name`);--> statement-breakpoint
CREATE INDEX `models_status_idx` ON `models` (`status`);--> statement-breakpoint
CREATE TABLE `endpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`model_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`config` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`model_id`) REFERENCES `models`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `endpoints_name_idx` ON `endpoints` (`name`);--> statement-breakpoint
CREATE INDEX `endpoints_model_id_idx` ON `endpoints` (`model_id`);--> statement-breakpoint
CREATE TABLE `rollouts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`endpoint_id` integer NOT NULL,
	`candidate_version_id` integer NOT NULL,
	`stable_version_id` integer NOT NULL,
	`strategy` text NOT NULL,
	`spec` text NOT NULL,
	`phase` text DEFAULT 'starting' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`current_step` integer DEFAULT 0 NOT NULL,
	`weight_pct` real DEFAULT 0 NOT NULL,
	`progress` text NOT NULL,
	`checks` text NOT NULL,
	`samples` text NOT NULL,
	`started_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`candidate_version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`stable_version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `rollouts_endpoint_id_idx` ON `rollouts` (`endpoint_id`);--> statement-breakpoint
CREATE INDEX `rollouts_phase_idx` ON `rollouts` (`phase`);--> statement-breakpoint
CREATE TABLE `runtime_instances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`endpoint_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`replica` integer NOT NULL,
	`pid` integer,
	`socket_path` text,
	`state` text DEFAULT 'starting' NOT NULL,
	`restarts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`last_healthy_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `runtime_instances_endpoint_id_version_id_idx` ON `runtime_instances` (`endpoint_id`,`version_id`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target` text NOT NULL,
	`details` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor`);--> statement-breakpoint
CREATE INDEX `audit_events_action_idx` ON `audit_events` (`action`);--> statement-breakpoint
CREATE INDEX `audit_events_target_idx` ON `audit_events` (`target`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`secret_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_name_idx` ON `api_tokens` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_secret_hash_idx` ON `api_tokens` (`secret_hash`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_id` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_secret_hash_idx` ON `sessions` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `sessions_token_id_idx` ON `sessions` (`token_id`);--> statement-breakpoint
CREATE TABLE `metric_rollups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`endpoint` text NOT NULL,
	`version` integer NOT NULL,
	`bucket_start` integer NOT NULL,
	`resolution_seconds` integer NOT NULL,
	`requests` integer DEFAULT 0 NOT NULL,
	`errors` integer DEFAULT 0 NOT NULL,
	`client_errors` integer DEFAULT 0 NOT NULL,
	`latency_histogram` text,
	`cache_hits` integer DEFAULT 0 NOT NULL,
	`cache_misses` integer DEFAULT 0 NOT NULL,
	`batches` integer DEFAULT 0 NOT NULL,
	`batched_items` integer DEFAULT 0 NOT NULL,
	`queue_depth_sum` real DEFAULT 0 NOT NULL,
	`queue_depth_samples` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metric_rollups_endpoint_version_resolution_seconds_bucket_start_idx` ON `metric_rollups` (`endpoint`,`version`,`resolution_seconds`,`bucket_start`);--> statement-breakpoint
CREATE INDEX `metric_rollups_resolution_seconds_bucket_start_idx` ON `metric_rollups` (`resolution_seconds`,`bucket_start`);