/**
 * Tables, plots and reports: the dataset summaries behind {@code sycolab stats}, the tables of
 * {@code sycolab train} and {@code sycolab pull}, and the HTML and Markdown report of a run
 * directory ({@link org.sycolab.report.RunReport}, {@link org.sycolab.report.ReportWriter}).
 */
package org.sycolab.report;
