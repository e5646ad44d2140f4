/**
 * Serves the arena's web client: the page, its stylesheet and the esbuild bundle (socket.io-client and the
 * msgpack parser inside) that the build wrote into the classpath under {@code io/tickwire/sample/web/site/}.
 */
package io.tickwire.sample.web;
