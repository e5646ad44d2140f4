package io.tickwire.benchmarks.engine;

import io.tickwire.engine.ecs.Archetype;
import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.FloatField;
import io.tickwire.engine.ecs.Query;
import io.tickwire.engine.ecs.World;
import io.tickwire.engine.ecs.WorldOptions;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One system over 10,000 entities with two components (x += vx * dt, y += vy * dt), in ns per entity, for three
 * layouts: the engine's archetype columns, one sparse set per component (the other common ECS layout: dense
 * arrays per component plus an entity-to-dense-index lookup while joining), and an array of objects. Half of
 * the entities have only a position, so the sparse-set join has misses to skip, as in a real game.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EntityIterationBenchmark {
    static final int MOVING = 10_000;
    static final ComponentType POSITION = ComponentType.builder("position").floatField("x").floatField("y").build();
    static final ComponentType VELOCITY = ComponentType.builder("velocity").floatField("x").floatField("y").build();
    static final FloatField X = POSITION.floatField("x");
    static final FloatField Y = POSITION.floatField("y");
    static final FloatField VX = VELOCITY.floatField("x");
    static final FloatField VY = VELOCITY.floatField("y");
    static final float DT = 1f / 60;

    private Query moving;

    private float[] sparsePosX;
    private float[] sparsePosY;
    private int[] sparsePosEntity;
    private float[] sparseVelX;
    private float[] sparseVelY;
    private int[] sparseVelEntity;
    private int[] positionIndexByEntity;

    /** The array-of-objects layout. */
    static final class Body {
        float x;
        float y;
        float vx;
        float vy;
    }

    private Body[] bodies;

    @Setup
    public void setUp() {
        World world = new World(WorldOptions.builder().entityCapacity(MOVING * 2).build());
        moving = world.query(POSITION, VELOCITY);
        SplittableRandom random = new SplittableRandom(7);
        int total = MOVING * 2;
        sparsePosX = new float[total];
        sparsePosY = new float[total];
        sparsePosEntity = new int[total];
        positionIndexByEntity = new int[total];
        sparseVelX = new float[MOVING];
        sparseVelY = new float[MOVING];
        sparseVelEntity = new int[MOVING];
        int velocities = 0;
        for (int e = 0; e < total; e++) {
            int entity = world.create();
            world.add(entity, POSITION);
            sparsePosEntity[e] = e;
            positionIndexByEntity[e] = e;
            if (e % 2 == 0) {
                world.add(entity, VELOCITY);
                float vx = (float) random.nextDouble();
                float vy = (float) random.nextDouble();
                world.setFloat(entity, VX, vx);
                world.setFloat(entity, VY, vy);
                sparseVelX[velocities] = vx;
                sparseVelY[velocities] = vy;
                sparseVelEntity[velocities] = e;
                velocities++;
            }
        }
        bodies = new Body[MOVING];
        for (int i = 0; i < MOVING; i++) {
            bodies[i] = new Body();
            bodies[i].vx = sparseVelX[i];
            bodies[i].vy = sparseVelY[i];
        }
    }

    @Benchmark
    @OperationsPerInvocation(MOVING)
    public void archetypeColumns() {
        for (int a = 0; a < moving.archetypeCount(); a++) {
            Archetype table = moving.archetype(a);
            float[] x = table.floats(X);
            float[] y = table.floats(Y);
            float[] vx = table.floats(VX);
            float[] vy = table.floats(VY);
            for (int row = 0, n = table.size(); row < n; row++) {
                x[row] += vx[row] * DT;
                y[row] += vy[row] * DT;
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(MOVING)
    public void sparseSetPerComponent() {
        float[] px = sparsePosX;
        float[] py = sparsePosY;
        int[] index = positionIndexByEntity;
        for (int i = 0, n = sparseVelEntity.length; i < n; i++) {
            int p = index[sparseVelEntity[i]];
            px[p] += sparseVelX[i] * DT;
            py[p] += sparseVelY[i] * DT;
        }
    }

    @Benchmark
    @OperationsPerInvocation(MOVING)
    public void arrayOfObjects() {
        for (Body body : bodies) {
            body.x += body.vx * DT;
            body.y += body.vy * DT;
        }
    }
}
