/**
 * Building blocks shared by the domain schemas. Pure zod: Next.js bundles these into route
 * handlers and client code imports the types, so nothing here may touch the database.
 */
import { z } from 'zod';

export const DNS_LABEL_MAX_LENGTH = 63;

/** RFC 1123 label: what an endpoint name must be to sit in a URL path and a hostname alike. */
export const DnsLabel = z
  .string()
  .min(1)
  .max(DNS_LABEL_MAX_LENGTH)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'must be a DNS label: lowercase letters, digits and "-", starting and ending alphanumeric');

export const Tag = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'tags are letters, digits and . _ : / -');

export const Tags = z.array(Tag).max(32);

/**
 * A version number or id in a URL path: canonical decimal only, so `01`, `1e0`, `0x1`, `1.0`,
 * ` 1` and `+1` name nothing rather than version 1 (one resource, one URL). 9 digits stay exact.
 */
export const PathPositiveInt = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, 'must be a positive integer without sign, leading zeros or exponent')
  .transform(Number);

/** Timestamps cross the wire as ISO-8601 strings (UTC, `Z`). */
export const IsoTime = z.iso.datetime();

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;

/** `limit` arrives as a query string; coerce it and clamp the page size. */
export const PageLimit = z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT);

/** Opaque continuation token; null on the last page. */
export const NextCursor = z.string().nullable();
