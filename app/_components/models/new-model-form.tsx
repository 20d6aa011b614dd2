'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { parseTags } from '../../_lib/format';
import { createModel, modelKeys } from '../../_lib/queries/models';
import { ErrorAlert } from '../feedback';
import { Field } from '../ui/field';
import { FormCard } from '../ui/form-card';
import { FormActions } from '../ui/confirm-action';

const FIELDS = ['name', 'description', 'tags'];

export function NewModelForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState('');
  const create = useMutation({
    mutationFn: createModel,
    onSuccess: async () => {
      setName('');
      setDescription('');
      setTags('');
      await queryClient.invalidateQueries({ queryKey: modelKeys.lists() });
    },
  });

  return (
    <FormCard id="new-model" title="New model" onSubmit={() => create.mutate({ name: name.trim(), description, tags: parseTags(tags) })}>
        <div className="field-row">
          <Field id="model-name" label="Name" path="name" error={create.error}>
            <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field id="model-description" label="Description" path="description" error={create.error}>
            <input type="text" value={description} onChange={(e) => setDescription(e.target.value)} />
          </Field>
          <Field id="model-tags" label="Tags" path="tags" error={create.error}>
            <input type="text" placeholder="vision, ocr" value={tags} onChange={(e) => setTags(e.target.value)} />
          </Field>
        </div>
        <ErrorAlert error={create.error} fields={FIELDS} />
        {create.isSuccess && (
          <p className="notice" role="status">
            Model <Link href={`/models/${encodeURIComponent(create.data.name)}`}>{create.data.name}</Link> created.
          </p>
        )}
        <FormActions submit={{ label: 'Create model', disabled: create.isPending }} />
    </FormCard>
  );
}
