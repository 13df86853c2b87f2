/**
 * Audits of a user's reward model from its rewards alone: how often it prefers the sycophantic
 * answer where the user is wrong, and the truthful agreeing one where the user is right.
 */
package org.sycolab.audit;
