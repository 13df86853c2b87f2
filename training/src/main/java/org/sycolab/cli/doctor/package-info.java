/** The checks behind {@code sycolab doctor}, one class per thing verified. */
package org.sycolab.cli.doctor;
