/**
 * The stages of the flow, each callable from code with a typed config: embed, train, diagnose, pull
 * and report. A stage reads its inputs, does its work, writes its outputs and manifest into its
 * directory and returns its result; it says what it does through a {@link
 * org.sycolab.stage.StageConsole} and never prints results. Commands are thin shells that turn
 * options into a config and call a stage; {@code sycolab run} calls them in order.
 */
package org.sycolab.stage;
