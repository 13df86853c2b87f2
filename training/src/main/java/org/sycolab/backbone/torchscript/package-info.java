/**
 * Models exported with {@code torch.jit.trace} (TorchScript archives), run through DJL's PyTorch
 * engine, with an optional {@code torchscript.json} sidecar saying how to call them.
 */
package org.sycolab.backbone.torchscript;
