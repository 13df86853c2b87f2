package org.sycolab.data;

/** A record of a sycolab dataset file: a preference pair or a candidate pool. */
public sealed interface DatasetRecord permits PreferencePair, CandidatePool {

  /** The record's id, unique within its file. */
  String id();
}
