package org.sycolab.backbone.decoder;

/** The conversation layouts sycolab renders for decoder models. */
public enum ChatFormat {
  /** {@code <|im_start|>role\ncontent<|im_end|>\n}: Qwen2, Qwen2.5, SmolLM2. */
  CHATML("chatml"),
  /** {@code <|start_header_id|>role<|end_header_id|>\n\ncontent<|eot_id|>}: Llama 3. */
  LLAMA3("llama3"),
  /**
   * Llama 3's messages after a system block that is always written, with a knowledge-date preamble
   * before the system message ({@link KnowledgeDatePreamble}): Llama 3.1, 3.2, 3.3.
   */
  LLAMA31("llama3.1"),
  /** Role-marked lines ({@code User: …}) with the tokenizer's own special tokens. */
  PLAIN("plain");

  private final String id;

  ChatFormat(String id) {
    this.id = id;
  }

  /** The stable name of this format. */
  public String id() {
    return id;
  }
}
