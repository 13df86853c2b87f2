/** The {@code sycolab} command: global options, subcommands, errors and exit statuses. */
package org.sycolab.cli;
