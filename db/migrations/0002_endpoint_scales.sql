CREATE TABLE `endpoint_scales` (
	`endpoint_id` integer PRIMARY KEY NOT NULL,
	`replicas` integer NOT NULL,
	`reason` text NOT NULL,
	`metric_value` real,
	`held_back` text,
	`last_cold_start_ms` integer,
	`changed_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade
);
