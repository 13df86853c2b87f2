/** Tables, plots and reports; today the dataset summaries behind {@code sycolab stats}. */
package org.sycolab.report;
