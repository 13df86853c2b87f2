/**
 * Reward heads on frozen backbone features: the linear and MLP heads as DJL blocks, Bradley–Terry
 * training with AdamW and early stopping, head directories (safetensors weights and {@code
 * head.json}), and scoring.
 */
package org.sycolab.heads;
