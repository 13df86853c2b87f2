/** Import of BERT encoders exported to ONNX into Hugging Face model directories. */
package org.sycolab.backbone.onnx;
