/**
 * actfn: neural-network activation functions for Node.js, on C++ kernels through Node-API with a
 * pure-TypeScript twin. See README.md.
 */
export type { Activation } from './activations/activation.js';
export type { ActivationProperties, ActivationSpec, ParamSpec, Params } from './activations/spec.js';
export type { BackendName, FloatArray } from './backend/contract.js';
export type { BackendInfo } from './backend/select.js';
export { ACTIVATION_TABLE } from './activations/table.js';
export { activationNames, activations, getActivation, getActivationSpec } from './activations/registry.js';
export { logSoftmax, logSoftmaxAsync, softmax, softmaxAsync, softmaxBackward, softmaxBackwardAsync } from './softmax.js';
export { backendInfo, getBackend, getNumThreads, setBackend, setNumThreads } from './backend/select.js';
export { activationTableMarkdown } from './activations/markdown.js';
