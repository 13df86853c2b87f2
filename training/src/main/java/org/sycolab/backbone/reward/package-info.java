/**
 * A user's reward model: a Hugging Face sequence classifier (Llama, Qwen2, Mistral or BERT with one
 * output) read as a frozen backbone plus its score head, so that {@code sycolab score} can audit
 * what it prefers.
 */
package org.sycolab.backbone.reward;
