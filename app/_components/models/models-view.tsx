'use client';
import { useCanMutate } from '../use-can-mutate';
import { ModelTable } from './model-table';
import { NewModelForm } from './new-model-form';

export function ModelsView() {
  const canMutate = useCanMutate();
  return (
    <>
      <div className="page-header">
        <h1>Models</h1>
      </div>
      <ModelTable />
      {canMutate && <NewModelForm />}
    </>
  );
}
