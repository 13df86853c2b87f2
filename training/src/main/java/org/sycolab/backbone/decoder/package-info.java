/** Llama-family decoders (llama, qwen2, mistral) as DJL blocks, with their chat templates. */
package org.sycolab.backbone.decoder;
