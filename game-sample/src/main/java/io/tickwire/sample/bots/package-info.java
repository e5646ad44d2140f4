/**
 * Server-side bots: avatars with a {@link io.tickwire.sample.bots.BotBrain} that
 * {@link io.tickwire.sample.bots.BotSystem} drives every tick, in the loop like any other system (they are
 * entities, not network clients). The match adds them to fill empty seats and removes them when humans come.
 */
package io.tickwire.sample.bots;
