'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { createEndpoint, endpointKeys } from '../../_lib/queries/endpoints';
import { allModelsQuery } from '../../_lib/queries/models';
import { configPatchOf, DEFAULT_RUNTIME_CONFIG, formValuesOf } from '../../_lib/runtime-config';
import { ErrorAlert } from '../feedback';
import { Field } from '../ui/field';
import { FormCard } from '../ui/form-card';
import { ConfigFields, CONFIG_FIELD_PATHS } from './config-fields';
import { VersionSelect } from './version-select';
import { FormActions } from '../ui/confirm-action';

export function NewEndpointForm() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const models = useQuery(allModelsQuery());
  const [name, setName] = useState('');
  const [model, setModel] = useState('');
  const [version, setVersion] = useState('');
  const [config, setConfig] = useState(() => formValuesOf(DEFAULT_RUNTIME_CONFIG));
  const create = useMutation({
    mutationFn: createEndpoint,
    onSuccess: async (endpoint) => {
      await queryClient.invalidateQueries({ queryKey: endpointKeys.list() });
      router.push(`/endpoints/${encodeURIComponent(endpoint.name)}`);
    },
  });

  return (
    <FormCard id="new-endpoint" title="New endpoint" onSubmit={() => create.mutate({ name: name.trim(), model, version: Number(version), config: configPatchOf(config) })}>
        <div className="field-row">
          <Field id="endpoint-name" label="Endpoint name" path="name" error={create.error}>
            <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field id="endpoint-model" label="Model" path="model" error={create.error}>
            <select
              value={model}
              onChange={(e) => {
                setModel(e.target.value);
                setVersion('');
              }}
            >
              <option value="">Choose a model</option>
              {models.data?.items
                .filter((m) => m.status === 'active' && m.versionCount > 0)
                .map((m) => (
                  <option key={m.name} value={m.name}>
                    {m.name}
                  </option>
                ))}
            </select>
          </Field>
          <Field id="endpoint-version" label="Version" path="version" error={create.error}>
            <VersionSelect model={model} value={version} onChange={setVersion} />
          </Field>
        </div>
        <ConfigFields idPrefix="new-endpoint" values={config} onChange={setConfig} error={create.error} />
        <ErrorAlert error={create.error} fields={['name', 'model', 'version', ...CONFIG_FIELD_PATHS]} />
        <FormActions submit={{ label: 'Create endpoint', disabled: create.isPending || !model || !version }} />
    </FormCard>
  );
}
