/** Plain-Java statistics for the reward-head diagnostics and the pull metrics. */
package org.sycolab.stats;
