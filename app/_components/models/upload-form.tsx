'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { formatBytes } from '../../_lib/format';
import { modelKeys } from '../../_lib/queries/models';
import { uploadErrorText, uploadVersion } from '../../_lib/upload';
import { Field } from '../ui/field';

export function UploadForm({ model }: { model: string }) {
  const queryClient = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState(0);
  const upload = useMutation({
    mutationFn: (input: { file: File; description: string }) => uploadVersion({ model, ...input, onProgress: setProgress }),
    onMutate: () => setProgress(0),
    onSuccess: async () => {
      setFile(null);
      setDescription('');
      if (fileInput.current) fileInput.current.value = '';
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: modelKeys.detail(model) }),
        queryClient.invalidateQueries({ queryKey: modelKeys.lists() }),
      ]);
    },
  });

  return (
    <section className="card" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload a version</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (file) upload.mutate({ file, description });
        }}
      >
        <div
          className={dragging ? 'dropzone active' : 'dropzone'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            const dropped = event.dataTransfer.files[0];
            if (dropped) setFile(dropped);
          }}
        >
          <div>{file ? `${file.name} (${formatBytes(file.size)})` : 'Drop an .onnx file here, or choose one'}</div>
          <label htmlFor="model-file" className="visually-hidden">
            Model file
          </label>
          <input id="model-file" ref={fileInput} type="file" accept=".onnx,application/octet-stream" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <Field id="version-description" label="Version description (optional)">
          <input type="text" value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        {upload.isPending && (
          <div className="field">
            <span className="label" id="upload-progress-label">
              Uploading… {Math.round(progress * 100)}%
            </span>
            <progress aria-labelledby="upload-progress-label" max={1} value={progress} />
          </div>
        )}
        {upload.isError && (
          <p role="alert" className="alert">
            {uploadErrorText(upload.error)}
          </p>
        )}
        {upload.isSuccess && (
          <p role="status" className="notice">
            Version {upload.data.version} uploaded.
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={!file || upload.isPending}>
            Upload
          </button>
        </div>
      </form>
    </section>
  );
}
