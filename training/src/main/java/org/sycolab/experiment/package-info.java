/**
 * Experiments: one YAML file naming the data, backbone, heads, ablation grid and device, planned
 * into the stages {@code sycolab run} executes into one run directory and resumes.
 */
package org.sycolab.experiment;
