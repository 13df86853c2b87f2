package org.sycolab.data;

/** What a dataset file holds; a file holds one kind only. */
public enum RecordKind {
  PAIRS("preference pairs"),
  POOLS("candidate pools");

  private final String description;

  RecordKind(String description) {
    this.description = description;
  }

  /** Plural description for messages, e.g. "preference pairs". */
  public String description() {
    return description;
  }
}
