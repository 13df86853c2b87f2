/** Frozen backbones that turn (prompt, response) into a vector; the built-in default model. */
package org.sycolab.backbone;
