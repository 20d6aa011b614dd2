'use client';
import { useCanMutate } from '../use-can-mutate';
import { EndpointTable } from './endpoint-table';
import { NewEndpointForm } from './new-endpoint-form';

export function EndpointsView() {
  const canMutate = useCanMutate();
  return (
    <>
      <div className="page-header">
        <h1>Endpoints</h1>
      </div>
      <EndpointTable />
      {canMutate && <NewEndpointForm />}
    </>
  );
}
