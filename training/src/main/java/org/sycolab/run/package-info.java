/** Run directories and their manifests: where every command's outputs land, atomically. */
package org.sycolab.run;
