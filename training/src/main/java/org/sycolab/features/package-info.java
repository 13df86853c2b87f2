/** The content-addressed feature cache, batched extraction through a backbone, and sharding. */
package org.sycolab.features;
