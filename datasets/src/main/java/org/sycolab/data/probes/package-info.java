/**
 * The sycophancy probe generator: six families built on checkable facts, many phrasings, personas
 * and answer styles, written as preference pairs and candidate pools.
 */
package org.sycolab.data.probes;
