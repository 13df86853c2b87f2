/**
 * Pull: how far an approval-weighted reward drags selected answers from the truth. Works on score
 * tables only (no model code): the mixed reward λ·z_A + (1−λ)·z_G, exact best-of-n and KL-tilted
 * selection over each candidate pool, truthful, regressive (agreeing where the user is wrong) and
 * progressive (accepting where the user is right, which is not sycophancy) rates, the pull, the
 * tipping point λ*, and bootstrap intervals over pools; reference selectors (oracle, agree,
 * disagree, longest) in the grounded head's place on the same resamples, and the menu as a user's
 * choice at a truth floor.
 */
package org.sycolab.pull;
