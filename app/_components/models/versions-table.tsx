'use client';
import type { TensorSpec } from '../../../protocol/datatypes';
import { formatBytes, formatTime, shortSha } from '../../_lib/format';
import { artifactUrl } from '../../_lib/queries/models';
import type { ModelVersion } from '../../_lib/types';
import { CopyButton } from '../ui/copy-button';
import { DataTable, type Column } from '../ui/data-table';

/** A dimension as the model names it: a symbolic one (`batch`) or -1 means "any size", said on hover. */
function Dim({ dim }: { dim: number | string }) {
  if (typeof dim === 'string') return <abbr title={`symbolic dimension “${dim}”: any size, fixed per request (like -1)`}>{dim}</abbr>;
  if (dim < 0) return <abbr title="-1: any size, fixed per request">{dim}</abbr>;
  return <>{dim}</>;
}

function Tensors({ label, specs }: { label: string; specs: TensorSpec[] }) {
  return (
    <ul className="sig" aria-label={label}>
      {specs.map((spec) => (
        <li key={spec.name}>
          <code>
            {spec.name} {spec.datatype} [
            {spec.shape.map((dim, i) => (
              <span key={i}>
                {i > 0 && ', '}
                <Dim dim={dim} />
              </span>
            ))}
            ]
          </code>
        </li>
      ))}
    </ul>
  );
}

function columns(model: string): Column<ModelVersion>[] {
  return [
    { header: 'Version', cell: (v) => v.version },
    { header: 'Status', cell: (v) => <span className={v.status === 'ready' ? 'badge' : 'badge archived'}>{v.status}</span> },
    { header: 'Inputs', cell: (v) => <Tensors label={`Inputs of version ${v.version}`} specs={v.signature.inputs} /> },
    { header: 'Outputs', cell: (v) => <Tensors label={`Outputs of version ${v.version}`} specs={v.signature.outputs} /> },
    { header: 'Size', cell: (v) => formatBytes(v.sizeBytes) },
    {
      header: 'SHA-256',
      cell: (v) => (
        <>
          <code title={v.sha256}>{shortSha(v.sha256)}</code> <CopyButton text={v.sha256} label={`Copy SHA-256 of version ${v.version}`} />
        </>
      ),
    },
    { header: 'Created by', cell: (v) => v.createdBy },
    { header: 'Created at', cell: (v) => formatTime(v.createdAt) },
    {
      header: 'Artifact',
      cell: (v) => (
        <a href={artifactUrl(model, v.version)} download>
          Download
        </a>
      ),
    },
  ];
}

export function VersionsTable({ model, versions }: { model: string; versions: ModelVersion[] }) {
  return <DataTable label="Versions" columns={columns(model)} rows={versions} rowKey={(v) => v.version} empty="No versions yet." />;
}
