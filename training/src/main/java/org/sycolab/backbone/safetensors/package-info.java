/** Reading and writing model weights in the safetensors format, single files and sharded. */
package org.sycolab.backbone.safetensors;
