'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { endpointKeys, updateEndpoint } from '../../_lib/queries/endpoints';
import { configPatchOf, formValuesOf } from '../../_lib/runtime-config';
import type { Endpoint } from '../../_lib/types';
import { ErrorAlert } from '../feedback';
import { FormActions } from '../ui/confirm-action';
import { Field } from '../ui/field';
import { FormCard } from '../ui/form-card';
import { ConfigFields, CONFIG_FIELD_PATHS } from './config-fields';
import { VersionSelect } from './version-select';

/** Starts from the endpoint as loaded; the parent remounts it (key) after each save. */
export function EditEndpointForm({ endpoint, onDone }: { endpoint: Endpoint; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(String(endpoint.version));
  const [config, setConfig] = useState(() => formValuesOf(endpoint.config));
  const save = useMutation({
    mutationFn: () => updateEndpoint(endpoint.name, { version: Number(version), config: configPatchOf(config) }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(endpointKeys.detail(endpoint.name), updated);
      await queryClient.invalidateQueries({ queryKey: endpointKeys.list() });
      onDone();
    },
  });

  return (
    <FormCard id="edit" title="Edit config" onSubmit={() => save.mutate()}>
        <Field id="edit-version" label="Version" path="version" error={save.error} className="narrow-field">
          <VersionSelect model={endpoint.model} value={version} onChange={setVersion} />
        </Field>
        <ConfigFields idPrefix="edit" values={config} onChange={setConfig} error={save.error} />
        <ErrorAlert error={save.error} fields={['version', ...CONFIG_FIELD_PATHS]} />
        <FormActions submit={{ label: 'Save changes', disabled: save.isPending || !version }} onCancel={onDone} />
    </FormCard>
  );
}
