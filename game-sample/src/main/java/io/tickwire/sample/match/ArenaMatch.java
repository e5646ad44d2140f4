package io.tickwire.sample.match;

import io.tickwire.engine.ecs.Archetype;
import io.tickwire.engine.ecs.Query;
import io.tickwire.engine.ecs.World;
import io.tickwire.engine.match.Inputs;
import io.tickwire.engine.match.JoinDecision;
import io.tickwire.engine.match.LeaveReason;
import io.tickwire.engine.match.Match;
import io.tickwire.engine.match.MatchContext;
import io.tickwire.net.match.MatchActions;
import io.tickwire.sample.arena.ArenaComponents;
import io.tickwire.sample.arena.ArenaMap;
import io.tickwire.sample.arena.ArenaRules;
import io.tickwire.sample.arena.Avatar;
import io.tickwire.sample.arena.Avatars;
import io.tickwire.sample.arena.Clock;
import io.tickwire.sample.arena.Control;
import io.tickwire.sample.arena.Position;
import io.tickwire.sample.arena.ProjectileSystem;
import io.tickwire.sample.arena.RespawnSystem;
import io.tickwire.sample.arena.RoundSystem;
import io.tickwire.sample.arena.WeaponSystem;
import io.tickwire.sample.bots.BotBrain;
import io.tickwire.sample.bots.BotNames;
import io.tickwire.sample.bots.BotSystem;
import io.tickwire.sample.lobby.ArenaDirectory;
import io.tickwire.sample.lobby.ArenaStatus;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.IntHashSet;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * One arena match. Entity 0 is the {@link Clock}, entity 1 the {@link io.tickwire.sample.arena.RoundState};
 * then one avatar per human player or bot, and the shots. Humans join with their name as join data; bots
 * fill the match up to {@link ArenaSettings#combatants()} avatars and leave as humans come. Inputs are
 * movement steps (earned in real time, see {@link Control}), aim and trigger; every action is answered, an
 * action {@code [1]} with the server's epoch microseconds (8 bytes, for ping and clock sync), any other with an
 * empty result. Systems run in this order: bots, weapons, projectiles, respawns, round.
 *
 * <p>Threading: the match's loop thread only, as every {@link Match}.
 */
public final class ArenaMatch implements Match {
    /** The action that asks for the server's clock. */
    public static final byte ACTION_PING = 1;
    private static final int STATUS_EVERY_TICKS = 30;
    private static final int ROSTER_EVERY_TICKS = 300;

    private final ArenaSettings settings;
    private final ArenaDirectory directory;
    private final LongSupplier epochMicros;
    private final Roster roster = new Roster();
    private final IntHashSet feedListeners = new IntHashSet();
    private final Int2IntHashMap avatarOf = new Int2IntHashMap(0);
    private final IntArrayList botIds = new IntArrayList();
    private final float[] moved = new float[2];
    private final byte[] pingReply = new byte[8];
    private final ByteBuffer pingView = ByteBuffer.wrap(pingReply);
    private SplittableRandom random;
    private World world;
    private Query avatars;
    private RoundSystem round;
    private CombatFeed feed;
    private RespawnSystem respawns;
    private int clock;
    private int nextBotId = -1;
    private String title;

    /** @param epochMicros the wall clock stamped into snapshots (called on the loop thread) */
    public ArenaMatch(ArenaSettings settings, ArenaDirectory directory, LongSupplier epochMicros) {
        this.settings = settings;
        this.directory = directory;
        this.epochMicros = epochMicros;
    }

    @Override
    public void onCreate(MatchContext ctx) {
        world = ctx.world();
        ArenaComponents.registerAll(world);
        world.componentId(BotBrain.TYPE);
        random = new SplittableRandom(ctx.handle().id().hashCode());
        String label = ctx.handle().labels().get("title");
        String id = ctx.handle().id();
        title = label == null || label.isBlank() ? "Arena " + id.substring(id.lastIndexOf('-') + 1) : label;
        clock = world.create();
        world.add(clock, Clock.TYPE);
        avatars = world.query(Avatar.TYPE, Position.TYPE);
        feed = new CombatFeed(feedListeners, roster, avatars);
        feed.attach(ctx);
        respawns = new RespawnSystem(world);
        int tickHz = Math.round(1f / ctx.deltaSeconds());
        round = new RoundSystem(world, settings.roundMs(), settings.resultsMs(), tickHz, feed, respawns);
        world.addSystem(new BotSystem(world, round, random));
        world.addSystem(new WeaponSystem(world, round));
        world.addSystem(new ProjectileSystem(world, feed));
        world.addSystem(respawns);
        world.addSystem(round);
        balanceBots();
    }

    @Override
    public JoinDecision onJoinAttempt(MatchContext ctx, int playerId, ByteBuffer joinData) {
        boolean named = joinData != null && joinData.remaining() > 0;
        roster.add(playerId, Roster.nameFrom(joinData, playerId), false);
        if (named) {
            feedListeners.add(playerId);
        }
        return JoinDecision.ACCEPT;
    }

    @Override
    public void onJoin(MatchContext ctx, int playerId) {
        avatarOf.put(playerId, spawnAvatar(playerId));
        balanceBots();
    }

    @Override
    public void onLeave(MatchContext ctx, int playerId, LeaveReason reason) {
        int avatar = avatarOf.remove(playerId);
        if (avatar != 0 && world.isAlive(avatar)) {
            world.destroy(avatar);
        }
        roster.remove(playerId);
        feedListeners.remove(playerId);
        balanceBots();
    }

    @Override
    public void onTick(MatchContext ctx, Inputs inputs) {
        earnStepCredit(ctx.deltaSeconds() / ArenaRules.STEP_SECONDS);
        for (int i = 0; i < inputs.size(); i++) {
            ByteBuffer payload = inputs.payload(i);
            if (MatchActions.isAction(inputs, i)) {
                answer(ctx, inputs, i, payload);
                continue;
            }
            int avatar = avatarOf.get(inputs.playerId(i));
            if (avatar != 0) {
                apply(avatar, payload);
            }
        }
        roster.sendIfChanged(ctx, ctx.tick() % ROSTER_EVERY_TICKS == 0);
        if (ctx.tick() % STATUS_EVERY_TICKS == 0) {
            publishStatus(ctx);
        }
    }

    @Override
    public void onSnapshot(MatchContext ctx) {
        world.setLong(clock, Clock.EPOCH_MICROS, epochMicros.getAsLong());
    }

    /**
     * The server shuts down: the match ends now, and every named player gets the standings as they are as
     * {@code results} with {@code final: true}, acked (the server waits for the acks within its drain timeout).
     */
    @Override
    public void onShutdown(MatchContext ctx, long drainTimeoutMs) {
        round.finish();
        feed.sendResults(round.number(), true);
    }

    @Override
    public void onDispose(MatchContext ctx) {
        directory.remove(ctx.handle().id());
    }

    private void apply(int avatar, ByteBuffer payload) {
        if (ArenaInput.isFull(payload)) {
            world.setFloat(avatar, Avatar.AIM, ArenaInput.aim(payload));
            world.setInt(avatar, Control.FIRE, (ArenaInput.buttons(payload) & ArenaInput.FIRE) != 0 ? 1 : 0);
        } else {
            world.setInt(avatar, Control.FIRE, 0);
        }
        float credit = world.getFloat(avatar, Control.STEP_CREDIT);
        if (credit < 1f || !round.isPlaying() || world.getInt(avatar, Avatar.HP) == 0) {
            return;
        }
        world.setFloat(avatar, Control.STEP_CREDIT, credit - 1f);
        int dx = ArenaInput.dx(payload);
        int dy = ArenaInput.dy(payload);
        if (dx == 0 && dy == 0) {
            return;
        }
        float step = ArenaRules.SPEED_PER_SECOND * ArenaRules.STEP_SECONDS * (dx != 0 && dy != 0 ? 0.70710677f : 1f);
        ArenaMap.move(world.getFloat(avatar, Position.X), world.getFloat(avatar, Position.Y), dx * step, dy * step, moved);
        world.setFloat(avatar, Position.X, moved[0]);
        world.setFloat(avatar, Position.Y, moved[1]);
    }

    private void answer(MatchContext ctx, Inputs inputs, int i, ByteBuffer payload) {
        if (payload.remaining() == 1 && payload.get(0) == ACTION_PING) {
            pingView.putLong(0, epochMicros.getAsLong());
            MatchActions.reply(ctx, inputs, i, pingReply, 0, pingReply.length);
        } else {
            MatchActions.reply(ctx, inputs, i, pingReply, 0, 0);
        }
    }

    private void earnStepCredit(float steps) {
        for (int a = 0; a < avatars.archetypeCount(); a++) {
            Archetype t = avatars.archetype(a);
            if (!t.has(Control.TYPE)) {
                continue;
            }
            float[] credit = t.floats(Control.STEP_CREDIT);
            for (int r = 0; r < t.size(); r++) {
                credit[r] = Math.min(ArenaRules.MAX_STEP_CREDIT, credit[r] + steps);
            }
        }
    }

    private int spawnAvatar(int playerId) {
        int avatar = Avatars.create(world, playerId, 0f, 0f);
        respawns.spawn(world, avatar);
        return avatar;
    }

    /** Adds or removes bots so that humans plus bots make {@link ArenaSettings#combatants()} (bots never below 0). */
    private void balanceBots() {
        int wanted = Math.max(0, settings.combatants() - (avatarOf.size() - botIds.size()));
        while (botIds.size() > wanted) {
            int botId = botIds.removeAt(botIds.size() - 1);
            int avatar = avatarOf.remove(botId);
            world.destroy(avatar);
            roster.remove(botId);
        }
        while (botIds.size() < wanted) {
            int botId = nextBotId--;
            int avatar = spawnAvatar(botId);
            world.add(avatar, BotBrain.TYPE);
            world.setInt(avatar, BotBrain.STRAFE, random.nextBoolean() ? 1 : -1);
            world.setFloat(avatar, BotBrain.SKILL, 0.3f + 0.6f * (float) random.nextDouble());
            world.setFloat(avatar, BotBrain.GOAL_X, world.getFloat(avatar, Position.X));
            world.setFloat(avatar, BotBrain.GOAL_Y, world.getFloat(avatar, Position.Y));
            avatarOf.put(botId, avatar);
            botIds.addInt(botId);
            roster.add(botId, BotNames.of(botId), true);
        }
    }

    private void publishStatus(MatchContext ctx) {
        int leader = 0;
        int leaderKills = 0;
        for (int a = 0; a < avatars.archetypeCount(); a++) {
            Archetype t = avatars.archetype(a);
            for (int r = 0; r < t.size(); r++) {
                if (t.ints(Avatar.KILLS)[r] > leaderKills) {
                    leaderKills = t.ints(Avatar.KILLS)[r];
                    leader = t.ints(Avatar.PLAYER)[r];
                }
            }
        }
        int humans = avatarOf.size() - botIds.size();
        directory.publish(new ArenaStatus(ctx.handle().id(), title, round.number(), round.isPlaying(),
                round.msLeft(), humans, botIds.size(), leaderKills > 0 ? roster.name(leader) : ""));
    }
}
