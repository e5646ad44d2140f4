/**
 * The sample game server. Until the arena exists, {@link io.tickwire.sample.SampleServer} is an
 * Engine.IO echo demo with a placeholder page.
 */
package io.tickwire.sample;
