'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { issuesFor } from '../../_lib/api';
import { parseTags } from '../../_lib/format';
import { createModel, modelKeys } from '../../_lib/queries/models';
import { ErrorAlert, FieldErrors } from '../feedback';

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
  const nameErrors = issuesFor(create.error, 'name');
  const descriptionErrors = issuesFor(create.error, 'description');
  const tagErrors = issuesFor(create.error, 'tags');

  return (
    <section className="card" aria-labelledby="new-model-heading">
      <h2 id="new-model-heading">New model</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name: name.trim(), description, tags: parseTags(tags) });
        }}
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor="model-name">Name</label>
            <input
              id="model-name"
              type="text"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={nameErrors.length > 0 || undefined}
              aria-describedby={nameErrors.length ? 'model-name-error' : undefined}
            />
            <FieldErrors id="model-name-error" messages={nameErrors} />
          </div>
          <div className="field">
            <label htmlFor="model-description">Description</label>
            <input id="model-description" type="text" value={description} onChange={(e) => setDescription(e.target.value)} />
            <FieldErrors id="model-description-error" messages={descriptionErrors} />
          </div>
          <div className="field">
            <label htmlFor="model-tags">Tags</label>
            <input id="model-tags" type="text" placeholder="vision, ocr" value={tags} onChange={(e) => setTags(e.target.value)} />
            <FieldErrors id="model-tags-error" messages={tagErrors} />
          </div>
        </div>
        <ErrorAlert error={create.error} fields={FIELDS} />
        {create.isSuccess && (
          <p className="notice" role="status">
            Model <Link href={`/models/${encodeURIComponent(create.data.name)}`}>{create.data.name}</Link> created.
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={create.isPending}>
            Create model
          </button>
        </div>
      </form>
    </section>
  );
}
