package dev.irqtopo.bench;

import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.imsDevice;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.Kernel;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.Stack;
import dev.irqtopo.runtime.vector.CpuSet;
import dev.irqtopo.runtime.vector.VectorMatrix;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Allocating one interrupt and freeing it again, in a steady state, as the number of CPUs grows. The
 * matrix is partially filled and uneven, with the one CPU that has the most free vectors placed near
 * the end of the CPU numbers, where a linear scan would pay most. Setup checks the first choice against
 * a linear reference of the rule (most free vectors, ties to the lowest CPU, lowest free vector), so a
 * faster but wrong choice fails the run.
 *
 * <p>{@link #vectorMatrix} and {@link #vectorMatrixMasked} measure the vector domain alone (default
 * affinity, and a mask that leaves the least-used CPU out so the choice falls to a lower bucket);
 * {@link #stack} measures the whole host chain: vector, VT-d entry, compose, store, and the journaled
 * free.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AllocationBenchmark {

    /** Vectors the filler device takes on each CPU at boot: 61440 VT-d entries at 1024 CPUs. */
    private static final int FILL_PER_CPU = 60;

    @Param({"64", "256", "1024"})
    public int cpus;

    private VectorMatrix matrix;
    private CpuSet allCpus;
    private CpuSet lowerHalf;
    private Stack nic;

    @Setup(Level.Trial)
    public void fill() {
        int leastUsed = cpus - cpus / 8;
        fillMatrix(leastUsed);
        fillPlatform(leastUsed);
    }

    /** Every CPU gets 100..150 vectors taken, the least-used CPU only 90. */
    private void fillMatrix(int leastUsed) {
        matrix = new VectorMatrix(cpus);
        Random random = new Random(7);
        for (int cpu = 0; cpu < cpus; cpu++) {
            CpuSet only = new CpuSet(cpus);
            only.add(cpu);
            int taken = cpu == leastUsed ? 90 : 100 + random.nextInt(51);
            for (int i = 0; i < taken; i++) {
                matrix.allocate(only);
            }
        }
        allCpus = CpuSet.all(cpus);
        lowerHalf = new CpuSet(cpus);
        for (int cpu = 0; cpu < cpus / 2; cpu++) {
            lowerHalf.add(cpu);
        }
        checkMatrixChoice(allCpus, leastUsed);
        checkMatrixChoice(lowerHalf, -1);
    }

    private void checkMatrixChoice(CpuSet mask, int expectedCpu) {
        int best = -1;
        for (int cpu = 0; cpu < cpus; cpu++) {
            if (mask.contains(cpu) && (best < 0 || matrix.freeVectors(cpu) > matrix.freeVectors(best))) {
                best = cpu;
            }
        }
        if (expectedCpu >= 0 && best != expectedCpu) {
            throw new IllegalStateException("the fill did not leave CPU " + expectedCpu + " the most free vectors");
        }
        int vector = VectorMatrix.FIRST_DEVICE_VECTOR;
        while (matrix.isAllocated(best, vector) || !VectorMatrix.isDeviceVector(vector)) {
            vector++;
        }
        int packed = matrix.allocate(mask);
        if (packed != (best << 8 | vector)) {
            throw new IllegalStateException(String.format("matrix chose CPU %d vector 0x%x, the rule says CPU %d vector 0x%x",
                    packed >>> 8, packed & 0xFF, best, vector));
        }
        matrix.free(best, vector);
    }

    /**
     * A host with a NIC and a filler device behind one VT-d unit: the filler takes 60 vectors per CPU
     * at boot, then frees each of its interrupts with a seeded chance of one in four, or three in four
     * on CPU {@code leastUsed}, which leaves that CPU the one with the most free vectors.
     */
    private void fillPlatform(int leastUsed) {
        int fill = FILL_PER_CPU * cpus;
        Platform platform = Platform.create(platform("alloc-" + cpus).cpus(cpus, ApicMode.X2APIC).vtd("dmar0")
                .bus("pci0", device("nic", "03:00.0", msix(64)), device("filler", "04:00.0", imsDevice(fill)))
                .host(remapStack("nic", StorageKind.MSIX, "dmar0", 1),
                        remapStack("filler", StorageKind.IMS_DEVICE, "dmar0", fill))
                .build());
        platform.boot();
        Kernel host = platform.host();
        Stack filler = host.stack("filler", BusDomainKind.IMS).orElseThrow();
        Random random = new Random(11);
        for (AllocatedInterrupt irq : filler.interrupts()) {
            if (random.nextInt(4) < (irq.cpu() == leastUsed ? 3 : 1)) {
                filler.free(irq.virq()).ifPresent(errno -> {
                    throw new IllegalStateException("free failed: " + errno);
                });
            }
        }
        nic = host.stack("nic", BusDomainKind.MSIX).orElseThrow();
        checkStackChoice(host, leastUsed);
    }

    private void checkStackChoice(Kernel host, int leastUsed) {
        int[] used = new int[cpus];
        boolean[][] taken = new boolean[cpus][VectorMatrix.VECTORS_PER_CPU];
        for (AllocatedInterrupt irq : host.interrupts()) {
            used[irq.cpu()]++;
            taken[irq.cpu()][irq.vector()] = true;
        }
        int best = 0;
        for (int cpu = 1; cpu < cpus; cpu++) {
            if (used[cpu] < used[best]) {
                best = cpu;
            }
        }
        int vector = VectorMatrix.FIRST_DEVICE_VECTOR;
        while (taken[best][vector] || !VectorMatrix.isDeviceVector(vector)) {
            vector++;
        }
        if (best != leastUsed) {
            throw new IllegalStateException("the fill did not leave CPU " + leastUsed + " the most free vectors");
        }
        AllocatedInterrupt irq = nic.allocate(1).interrupts().get(0);
        if (irq.cpu() != best || irq.vector() != vector) {
            throw new IllegalStateException(String.format("stack chose CPU %d vector 0x%x, the rule says CPU %d vector 0x%x",
                    irq.cpu(), irq.vector(), best, vector));
        }
        if (nic.free(irq.virq()).isPresent()) {
            throw new IllegalStateException("the NIC could not free irq " + irq.virq());
        }
    }

    @Benchmark
    public int vectorMatrix() {
        int packed = matrix.allocate(allCpus);
        matrix.free(packed >>> 8, packed & 0xFF);
        return packed;
    }

    @Benchmark
    public int vectorMatrixMasked() {
        int packed = matrix.allocate(lowerHalf);
        matrix.free(packed >>> 8, packed & 0xFF);
        return packed;
    }

    @Benchmark
    public int stack() {
        Allocation allocation = nic.allocate(1);
        int virq = allocation.interrupts().get(0).virq();
        nic.free(virq);
        return virq;
    }
}
