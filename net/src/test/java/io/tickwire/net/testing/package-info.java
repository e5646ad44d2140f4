/**
 * Test support shared by the net module's tests: the Node.js process that drives the official npm
 * clients, a real redis-server on a free port for the cluster tests, and the extension that fails a test on a {@code ByteBuf} leak.
 */
package io.tickwire.net.testing;
