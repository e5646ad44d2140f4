package io.tickwire.engine.ecs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Entities, their components stored densely in {@link Archetype} tables, the queries over them and the
 * systems that update them. One world per match.
 *
 * <p>Threading: single writer. Every method must be called on the thread that owns the world (the loop
 * thread once the match is hosted); nothing is synchronized. Handles are ints with a generation
 * ({@link Entity}); methods given a stale handle throw {@link IllegalStateException} (use {@link #isAlive}
 * to test). While systems run ({@link #update}), structural changes must go through {@link #commands()};
 * calling {@link #add}, {@link #remove} or {@link #destroy} directly then throws {@link IllegalStateException}.
 */
public final class World {
    private final ComponentRegistry registry = new ComponentRegistry();
    private final Long2ObjectHashMap<Archetype> archetypesByMask = new Long2ObjectHashMap<>();
    private final List<Archetype> archetypes = new ArrayList<>();
    private final List<Query> queries = new ArrayList<>();
    private final List<GameSystem> systems = new ArrayList<>();
    private final CommandBuffer commands;
    private final Archetype empty;

    private int[] generations;
    private Archetype[] archetypeOf;
    private int[] rowOf;
    private int[] freeSlots;
    private int freeCount;
    private int slotCount;
    private int aliveCount;
    private boolean updating;

    /** An empty world with {@link WorldOptions#defaults()}. */
    public World() {
        this(WorldOptions.defaults());
    }

    /** An empty world sized by {@code options}. */
    public World(WorldOptions options) {
        int capacity = options.entityCapacity();
        generations = new int[capacity];
        archetypeOf = new Archetype[capacity];
        rowOf = new int[capacity];
        freeSlots = new int[capacity];
        commands = new CommandBuffer(options.commandCapacity());
        empty = archetype(0L);
    }

    /** Creates an entity with no components; allowed at any time, including while systems run. */
    public int create() {
        int index;
        if (freeCount > 0) {
            index = freeSlots[--freeCount];
        } else {
            if (slotCount == Entity.MAX_ENTITIES) {
                throw new IllegalStateException("world is full: " + Entity.MAX_ENTITIES + " entities");
            }
            index = slotCount++;
            if (index == generations.length) {
                int capacity = Math.min(Entity.MAX_ENTITIES, index * 2);
                generations = Arrays.copyOf(generations, capacity);
                archetypeOf = Arrays.copyOf(archetypeOf, capacity);
                rowOf = Arrays.copyOf(rowOf, capacity);
                freeSlots = Arrays.copyOf(freeSlots, capacity);
            }
            generations[index] = 1;
        }
        int entity = Entity.handle(index, generations[index]);
        archetypeOf[index] = empty;
        rowOf[index] = empty.addRow(entity);
        aliveCount++;
        return entity;
    }

    /** Whether {@code entity} refers to a live entity of this world (false for stale or foreign handles). */
    public boolean isAlive(int entity) {
        int index = entity & Entity.INDEX_MASK;
        return entity > 0 && index < slotCount && archetypeOf[index] != null
                && generations[index] == Entity.generation(entity);
    }

    /** Number of live entities. */
    public int entityCount() {
        return aliveCount;
    }

    /** Destroys {@code entity} now; see the class comment for when this is allowed. */
    public void destroy(int entity) {
        checkStructuralChangeAllowed();
        checkAlive(entity);
        destroyNow(entity);
    }

    /** Adds {@code type} with zeroed fields; returns false if the entity already had it. */
    public boolean add(int entity, ComponentType type) {
        checkStructuralChangeAllowed();
        checkAlive(entity);
        return addNow(entity, type);
    }

    /** Removes {@code type}; returns false if the entity did not have it. */
    public boolean remove(int entity, ComponentType type) {
        checkStructuralChangeAllowed();
        checkAlive(entity);
        return removeNow(entity, type);
    }

    /** Whether {@code entity} has {@code type}. */
    public boolean has(int entity, ComponentType type) {
        checkAlive(entity);
        return archetypeOf[entity & Entity.INDEX_MASK].has(type);
    }

    /**
     * The value of {@code field} on {@code entity}; throws {@link IllegalStateException} if the handle is stale,
     * {@link IllegalArgumentException} if the entity lacks the component.
     */
    public int getInt(int entity, IntField field) {
        return columnsOf(entity, field).ints[field.kindIndex()][rowOf[entity & Entity.INDEX_MASK]];
    }

    /**
     * The value of {@code field} on {@code entity}; throws {@link IllegalStateException} if the handle is stale,
     * {@link IllegalArgumentException} if the entity lacks the component.
     */
    public long getLong(int entity, LongField field) {
        return columnsOf(entity, field).longs[field.kindIndex()][rowOf[entity & Entity.INDEX_MASK]];
    }

    /**
     * The value of {@code field} on {@code entity}; throws {@link IllegalStateException} if the handle is stale,
     * {@link IllegalArgumentException} if the entity lacks the component.
     */
    public float getFloat(int entity, FloatField field) {
        return columnsOf(entity, field).floats[field.kindIndex()][rowOf[entity & Entity.INDEX_MASK]];
    }

    /**
     * The value of {@code field} on {@code entity}; throws {@link IllegalStateException} if the handle is stale,
     * {@link IllegalArgumentException} if the entity lacks the component.
     */
    public double getDouble(int entity, DoubleField field) {
        return columnsOf(entity, field).doubles[field.kindIndex()][rowOf[entity & Entity.INDEX_MASK]];
    }

    /**
     * Writes {@code field} on {@code entity} now (not a structural change: allowed while systems run); throws as
     * {@link #getInt}.
     */
    public void setInt(int entity, IntField field, int value) {
        columnsOf(entity, field).ints[field.kindIndex()][rowOf[entity & Entity.INDEX_MASK]] = value;
    }

    /**
     * Writes {@code field} on {@code entity} now (not a structural change: allowed while systems run); throws as
     * {@link #getLong}.
     */
    public void setLong(int entity, LongField field, long value) {
        columnsOf(entity, field).longs[field.kindIndex()][rowOf[entity & Entity.INDEX_MASK]] = value;
    }

    /**
     * Writes {@code field} on {@code entity} now (not a structural change: allowed while systems run); throws as
     * {@link #getFloat}.
     */
    public void setFloat(int entity, FloatField field, float value) {
        columnsOf(entity, field).floats[field.kindIndex()][rowOf[entity & Entity.INDEX_MASK]] = value;
    }

    /**
     * Writes {@code field} on {@code entity} now (not a structural change: allowed while systems run); throws as
     * {@link #getDouble}.
     */
    public void setDouble(int entity, DoubleField field, double value) {
        columnsOf(entity, field).doubles[field.kindIndex()][rowOf[entity & Entity.INDEX_MASK]] = value;
    }

    /** The deferred-change buffer systems record into; applied after each system (see {@link GameSystem}). */
    public CommandBuffer commands() {
        return commands;
    }

    /**
     * A query over entities having all of {@code types} (at least one). Create queries once, at setup: this
     * method allocates; iterating the query does not.
     */
    public Query query(ComponentType... types) {
        if (types.length == 0) {
            throw new IllegalArgumentException("a query needs at least one component type");
        }
        long mask = 0L;
        for (ComponentType type : types) {
            mask |= 1L << registry.register(type);
        }
        Query query = new Query(mask);
        for (Archetype archetype : archetypes) {
            query.offer(archetype);
        }
        queries.add(query);
        return query;
    }

    /** Appends {@code system}: systems run in the order they were added. */
    public void addSystem(GameSystem system) {
        systems.add(java.util.Objects.requireNonNull(system, "system"));
    }

    /**
     * Runs every system once, in order, applying {@link #commands()} after each. If a system throws, the
     * commands it recorded are discarded and the exception propagates (the match host reports it).
     */
    public void update(long tick, float deltaSeconds) {
        for (int i = 0, n = systems.size(); i < n; i++) {
            updating = true;
            try {
                systems.get(i).update(this, tick, deltaSeconds);
            } catch (RuntimeException | Error e) {
                commands.clear();
                throw e;
            } finally {
                updating = false;
            }
            commands.apply(this);
        }
    }

    /** Applies pending commands now (for commands recorded outside {@link #update}). */
    public void applyCommands() {
        commands.apply(this);
    }

    /** The id of {@code type} in this world, registering it if new; stable for the world's life. */
    public int componentId(ComponentType type) {
        return registry.register(type);
    }

    /** The component type with id {@code componentId}, or null if none. */
    public ComponentType componentType(int componentId) {
        return componentId >= 0 && componentId < registry.count() ? registry.typeAt(componentId) : null;
    }

    /** Writes every replicated component of every live entity to {@code sink}; allocates nothing. */
    public void writeReplicated(ReplicationSink sink) {
        for (int index = 0; index < slotCount; index++) {
            Archetype archetype = archetypeOf[index];
            if (archetype == null) {
                continue;
            }
            int row = rowOf[index];
            int entity = archetype.entities()[row];
            for (int bit : archetype.bits()) {
                ComponentColumns columns = archetype.columnsAt(bit);
                ComponentType type = columns.type;
                if (!type.isReplicated()) {
                    continue;
                }
                sink.component(entity, bit);
                for (int f = 0, n = type.fieldCount(); f < n; f++) {
                    sink.value(columns.bits(type.field(f), row));
                }
            }
        }
    }

    void destroyNow(int entity) {
        int index = entity & Entity.INDEX_MASK;
        detach(archetypeOf[index], rowOf[index]);
        archetypeOf[index] = null;
        generations[index] = Entity.nextGeneration(generations[index]);
        freeSlots[freeCount++] = index;
        aliveCount--;
    }

    boolean addNow(int entity, ComponentType type) {
        int bit = registry.register(type);
        Archetype from = archetypeOf[entity & Entity.INDEX_MASK];
        if ((from.mask & (1L << bit)) != 0) {
            return false;
        }
        Archetype to = from.addEdges[bit];
        if (to == null) {
            to = archetype(from.mask | (1L << bit));
            from.addEdges[bit] = to;
        }
        move(entity, from, to);
        return true;
    }

    boolean removeNow(int entity, ComponentType type) {
        int bit = registry.bitOf(type);
        Archetype from = archetypeOf[entity & Entity.INDEX_MASK];
        if (bit < 0 || (from.mask & (1L << bit)) == 0) {
            return false;
        }
        Archetype to = from.removeEdges[bit];
        if (to == null) {
            to = archetype(from.mask & ~(1L << bit));
            from.removeEdges[bit] = to;
        }
        move(entity, from, to);
        return true;
    }

    void setBits(int entity, Field field, long bits) {
        ComponentColumns columns = columnsOf(entity, field);
        int row = rowOf[entity & Entity.INDEX_MASK];
        int k = field.kindIndex();
        switch (field.kind()) {
            case INT -> columns.ints[k][row] = (int) bits;
            case LONG -> columns.longs[k][row] = bits;
            case FLOAT -> columns.floats[k][row] = Float.intBitsToFloat((int) bits);
            case DOUBLE -> columns.doubles[k][row] = Double.longBitsToDouble(bits);
        }
    }

    private void move(int entity, Archetype from, Archetype to) {
        int index = entity & Entity.INDEX_MASK;
        int oldRow = rowOf[index];
        int newRow = to.addRow(entity);
        for (int bit : from.bits()) {
            ComponentColumns target = to.columnsAt(bit);
            if (target != null) {
                from.columnsAt(bit).copyRow(oldRow, target, newRow);
            }
        }
        detach(from, oldRow);
        archetypeOf[index] = to;
        rowOf[index] = newRow;
    }

    private void detach(Archetype archetype, int row) {
        int moved = archetype.removeRow(row);
        if (moved != -1) {
            rowOf[moved & Entity.INDEX_MASK] = row;
        }
    }

    private Archetype archetype(long mask) {
        Archetype archetype = archetypesByMask.get(mask);
        if (archetype == null) {
            archetype = new Archetype(mask, registry);
            archetypesByMask.put(mask, archetype);
            archetypes.add(archetype);
            for (Query query : queries) {
                query.offer(archetype);
            }
        }
        return archetype;
    }

    private ComponentColumns columnsOf(int entity, Field field) {
        checkAlive(entity);
        return archetypeOf[entity & Entity.INDEX_MASK].columns(field);
    }

    private void checkAlive(int entity) {
        if (!isAlive(entity)) {
            throw new IllegalStateException("stale or unknown entity handle " + entity
                    + " (index " + Entity.index(entity) + ", generation " + Entity.generation(entity) + ")");
        }
    }

    private void checkStructuralChangeAllowed() {
        if (updating) {
            throw new IllegalStateException("structural change while systems run: record it with world.commands()");
        }
    }
}
