/** File output shared by every stage: atomic writes and content digests. */
package org.sycolab.io;
