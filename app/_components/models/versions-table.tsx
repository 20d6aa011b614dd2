'use client';
import type { TensorSpec } from '../../../protocol/datatypes';
import { formatBytes, formatTensor, formatTime, shortSha } from '../../_lib/format';
import { artifactUrl } from '../../_lib/queries/models';
import type { ModelVersion } from '../../_lib/types';

function Tensors({ label, specs }: { label: string; specs: TensorSpec[] }) {
  return (
    <ul className="sig" aria-label={label}>
      {specs.map((spec) => (
        <li key={spec.name}>
          <code>{formatTensor(spec)}</code>
        </li>
      ))}
    </ul>
  );
}

export function VersionsTable({ model, versions }: { model: string; versions: ModelVersion[] }) {
  return (
    <div className="table-wrap">
      <table aria-label="Versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Inputs</th>
            <th scope="col">Outputs</th>
            <th scope="col">Size</th>
            <th scope="col">SHA-256</th>
            <th scope="col">Created by</th>
            <th scope="col">Created at</th>
            <th scope="col">Artifact</th>
          </tr>
        </thead>
        <tbody>
          {versions.length === 0 && (
            <tr>
              <td colSpan={9} className="empty">
                No versions yet.
              </td>
            </tr>
          )}
          {versions.map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td>
                <span className={v.status === 'ready' ? 'badge' : 'badge archived'}>{v.status}</span>
              </td>
              <td>
                <Tensors label={`Inputs of version ${v.version}`} specs={v.signature.inputs} />
              </td>
              <td>
                <Tensors label={`Outputs of version ${v.version}`} specs={v.signature.outputs} />
              </td>
              <td>{formatBytes(v.sizeBytes)}</td>
              <td>
                <code title={v.sha256}>{shortSha(v.sha256)}</code>{' '}
                <button type="button" className="secondary" aria-label={`Copy SHA-256 of version ${v.version}`} onClick={() => void navigator.clipboard?.writeText(v.sha256)}>
                  Copy
                </button>
              </td>
              <td>{v.createdBy}</td>
              <td>{formatTime(v.createdAt)}</td>
              <td>
                <a href={artifactUrl(model, v.version)} download>
                  Download
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
