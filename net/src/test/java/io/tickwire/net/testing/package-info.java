/**
 * Test support shared by the net module's tests: the Node.js process that drives the official npm
 * clients, and the extension that fails a test on a {@code ByteBuf} leak.
 */
package io.tickwire.net.testing;
