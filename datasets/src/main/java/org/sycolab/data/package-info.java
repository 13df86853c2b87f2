/**
 * The data schema — preference pairs and candidate pools — with streaming JSONL reading that
 * validates before any work and reports problems as {@code file:line: field: expected}.
 */
package org.sycolab.data;
