package org.sycolab.pull;

/**
 * The numbers a pull's terminal summary quotes: the λ sweep of a weighted reward ({@link
 * PullHeadline}), or an audited reward alone, which has no λ ({@link AuditHeadline}).
 */
public sealed interface Headline permits PullHeadline, AuditHeadline {}
