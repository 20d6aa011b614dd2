/** Path parameter schemas shared by the route contracts. */
import { z } from 'zod';
import { EndpointName } from '../../endpoints/schemas';
import { ModelName, VersionNumber } from '../../registry/schemas';

export const ModelParams = z.object({ model: ModelName });
export const VersionParams = z.object({ model: ModelName, version: VersionNumber });
export const EndpointParams = z.object({ endpoint: EndpointName });
export const TokenParams = z.object({ id: z.string().min(1).max(100) });
