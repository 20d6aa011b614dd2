import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDeps, insertVersionFixture, type TestDeps } from '../../testing/services';
import { createModel } from './create-model';
import { deleteModel } from './delete-model';
import { sweepArtifacts, unreferencedArtifacts } from './sweep-artifacts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('unreferencedArtifacts', () => {
  it.each([
    ['an empty store', [], [A], []],
    ['every file referenced', [`${A}.onnx`, `${B}.onnx`], [A, B], []],
    ['a file no row references', [`${A}.onnx`, `${B}.onnx`], [A], [`${B}.onnx`]],
    ['no rows at all', [`${A}.onnx`], [], [`${A}.onnx`]],
    ['a name that is not an artifact', [`${A}.onnx`, 'upload-1234.part', `${A}.onnx.bak`], [A], ['upload-1234.part', `${A}.onnx.bak`]],
    ['a referenced digest without a file', [], [A, B], []],
  ])('%s', (_name, files, referenced, expected) => {
    expect(unreferencedArtifacts(files, new Set(referenced))).toEqual(expected);
  });
});

describe('sweepArtifacts', () => {
  let deps: TestDeps;
  afterEach(() => deps.cleanup());

  it('removes files of no version row and of deleted models, keeps referenced ones and folders', () => {
    deps = makeTestDeps();
    createModel(deps, { name: 'kept' }, 'test');
    createModel(deps, { name: 'gone' }, 'test');
    insertVersionFixture(deps, 'kept', 1);
    insertVersionFixture(deps, 'gone', 1);
    const dir = deps.config.paths.artifacts;
    for (const name of ['fixture-kept-1.onnx', 'fixture-gone-1.onnx', `${A}.onnx`]) writeFileSync(join(dir, name), 'bytes');
    mkdirSync(join(dir, 'not-ours'));
    deleteModel(deps, 'gone', 'test');

    expect(sweepArtifacts(deps).sort()).toEqual([`${A}.onnx`, 'fixture-gone-1.onnx']);
    expect(deps.artifactFiles().sort()).toEqual(['fixture-kept-1.onnx', 'not-ours']);
    expect(sweepArtifacts(deps)).toEqual([]);
  });
});
