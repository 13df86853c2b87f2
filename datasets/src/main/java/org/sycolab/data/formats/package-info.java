/**
 * Importers from public dataset formats (TRL preference JSONL, Anthropic model-written evals,
 * SycophancyEval, TruthfulQA CSV) into sycolab's pairs and pools, reporting every malformed input
 * as {@code file:line: field: message} before anything is written.
 */
package org.sycolab.data.formats;
