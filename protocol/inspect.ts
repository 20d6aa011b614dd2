/**
 * What the model inspector (runtime/inspect-model.ts) and the registry that runs it agree on: the
 * reasons the inspector gives in plain words before ONNX Runtime ever sees the model.
 */

/** Tensors whose bytes sit in files beside the model: ONNX Runtime would read them from the server. */
export const EXTERNAL_DATA_REASON = 'the model uses external data files, which are not supported; embed the weights in the .onnx file';
