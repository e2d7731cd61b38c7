package com.rostra.staffing;

import java.time.Instant;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of the staffing math (run by bench/staffing-bench.sh; not a test). Per requirement: the fewest agents
 * for one interval by Erlang C and by Erlang A over 2,000 typical quarter hours (5-200 Erlangs, 3-8 minute handle times,
 * 80 % in 20 s, occupancy cap 90 %, patience 1-3 min), each answered on its own (no memo, no previous interval).
 * The same 2,000 intervals as requirement rows ({@link Requirements#requirement}: agents and the expected service level,
 * with the memo the service keeps, which never hits here): what one interval of a plan costs.
 * Requirements: 50 queues × 5 channels × 8 weeks of quarter hours, half Erlang A, through {@link Requirements#requirement}
 * as the service plans them (memo within a series): once with a repeating weekly profile (many intervals share a
 * forecast, the memo answers them) and once with every interval's volume distinct (the memo never helps).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StaffingJmh {

    static final int SIZE = StaffingBench.SIZE;

    double[] traffic;
    double[] aht;
    double[] patience;
    double[] volume;
    StaffingSettings[] erlangCSettings;
    StaffingSettings[] erlangASettings;
    double[] profile;

    /** The inputs StaffingBench measures too (one factory), so the JMH and the plain figures compare. */
    @Setup
    public void setUp() {
        StaffingBench.Intervals in = StaffingBench.intervals();
        traffic = in.traffic();
        aht = in.aht();
        patience = in.patience();
        volume = in.volume();
        erlangCSettings = in.erlangC();
        erlangASettings = in.erlangA();
        profile = StaffingBench.weeklyProfile();
    }

    @Benchmark
    @OperationsPerInvocation(SIZE)
    public void erlangCPerRequirement(Blackhole bh) {
        for (int i = 0; i < SIZE; i++) bh.consume(ErlangC.agents(traffic[i], aht[i], 20, 0.8, 0.9));
    }

    @Benchmark
    @OperationsPerInvocation(SIZE)
    public void erlangAPerRequirement(Blackhole bh) {
        for (int i = 0; i < SIZE; i++) bh.consume(ErlangA.agents(traffic[i], aht[i], patience[i], 20, 0.8, 0.9));
    }

    @Benchmark
    @OperationsPerInvocation(SIZE)
    public void erlangCRequirementRow(Blackhole bh) {
        SolutionMemo memo = new SolutionMemo();
        for (int i = 0; i < SIZE; i++) bh.consume(Requirements.requirement(Instant.EPOCH, volume[i], 900, erlangCSettings[i], memo));
    }

    @Benchmark
    @OperationsPerInvocation(SIZE)
    public void erlangARequirementRow(Blackhole bh) {
        SolutionMemo memo = new SolutionMemo();
        for (int i = 0; i < SIZE; i++) bh.consume(Requirements.requirement(Instant.EPOCH, volume[i], 900, erlangASettings[i], memo));
    }

    /** 50 queues × 5 channels × 8 weeks of quarter hours, every open interval's volume its own (no memo hits). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public long requirements50x5x8WeeksDistinctVolumes() {
        return StaffingBench.requirements50x5x8Weeks(profile, true);
    }

    /** 50 queues × 5 channels × 8 weeks of quarter hours (1,344,000 intervals); time for all of them. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public long requirements50x5x8Weeks() {
        return StaffingBench.requirements50x5x8Weeks(profile, false);
    }

    /** {@code java -cp ... com.rostra.staffing.StaffingJmh [JMH options]}: the JMH runner on this class. */
    public static void main(String[] args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = StaffingJmh.class.getName();
        System.arraycopy(args, 0, all, 1, args.length);
        org.openjdk.jmh.Main.main(all);
    }
}
