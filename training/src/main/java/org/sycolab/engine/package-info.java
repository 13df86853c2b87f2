/**
 * The compute runtime: the DJL PyTorch engine (offline by default), device choice, build versions
 * and the cache location.
 */
package org.sycolab.engine;
