/**
 * ONNX and ONNX Runtime: the import of BERT encoders exported to ONNX into Hugging Face model
 * directories, and BERT encoders run on ONNX Runtime on the CPU as fused graphs, checked against
 * sycolab's PyTorch blocks.
 */
package org.sycolab.backbone.onnx;
