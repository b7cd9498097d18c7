package dev.irqtopo.bench;

import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hcallStack;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.imsQueue;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withSourceCheck;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.StackResult;
import dev.irqtopo.runtime.isolation.IsolationAnalysis;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Verification;
import dev.irqtopo.testing.PlatformBuilder;

import java.util.List;
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
 * {@code irqtopo verify} on a large platform: 64 guests, each with its own function (own requester id)
 * whose IMS queue has 2048 slots, allocated through the compose hypercall, and a host NIC, all behind
 * one VT-d unit of 65536 entries. Each guest allocates 1023 interrupts and the NIC 64, which fills the
 * table exactly (65536 host vectors on 512 CPUs). The source check decides how much each guest
 * reaches: with {@code full} only its own 1023 entries (isolated), with {@code bus} every guest's
 * entries, with {@code off} every entry of the table (64 findings per guest).
 *
 * <p>{@link #boot} is platform creation plus every allocation, {@link #analyze} the isolation analysis
 * of a booted platform, {@link #verify} both, as the command runs them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class VerifyBenchmark {

    static final int GUESTS = 64;
    static final int IMS_SLOTS = 2048;
    static final int PER_GUEST = 1023;
    static final int NIC_VECTORS = 64;
    static final int TABLE = 65536;

    @Param({"FULL", "BUS", "OFF"})
    public SourceCheck sourceCheck;

    private PlatformModel model;
    private Platform booted;

    @Setup(Level.Trial)
    public void build() {
        model = model(sourceCheck);
        booted = Platform.create(model);
        for (StackResult result : booted.boot()) {
            if (!result.allocation().succeeded()) {
                throw new IllegalStateException(result.device() + " did not allocate: " + result.allocation().errno());
            }
        }
        if (booted.hardware().vtdEntry("dmar0", TABLE - 1).isEmpty()) {
            throw new IllegalStateException("the VT-d table is not full");
        }
        int expected = switch (sourceCheck) {
            case FULL -> 0;
            case BUS -> GUESTS * (GUESTS - 1);
            case OFF -> GUESTS * GUESTS;
        };
        IsolationReport report = Verification.run(model);
        if (report.findings().size() != expected) {
            throw new IllegalStateException(report.findings().size() + " findings, expected " + expected);
        }
    }

    static PlatformModel model(SourceCheck sourceCheck) {
        PlatformBuilder.DeviceSpec[] functions = new PlatformBuilder.DeviceSpec[GUESTS];
        for (int g = 0; g < GUESTS; g++) {
            functions[g] = device("vf" + g, String.format("03:%02x.%x", g >> 3, g & 7), imsQueue(IMS_SLOTS));
        }
        PlatformBuilder builder = platform("verify-" + sourceCheck.keyword()).cpus(512, ApicMode.X2APIC)
                .iommu(withSourceCheck(vtdUnit("dmar0"), sourceCheck))
                .hypervisor(hypervisorWith(true, true, false, StorageKind.MSI, StorageKind.MSIX))
                .bus("pci0", device("nic", "02:00.0", msix(NIC_VECTORS)))
                .bus("pci1", functions)
                .host(remapStack("nic", StorageKind.MSIX, "dmar0", NIC_VECTORS));
        for (int g = 0; g < GUESTS; g++) {
            builder.guest("vm" + g, 8, List.of("vf" + g), hcallStack("vf" + g, StorageKind.IMS_QUEUE, PER_GUEST));
        }
        return builder.build();
    }

    @Benchmark
    public Platform boot() {
        Platform platform = Platform.create(model);
        platform.boot();
        return platform;
    }

    @Benchmark
    public IsolationReport analyze() {
        return IsolationAnalysis.analyze(booted);
    }

    @Benchmark
    public IsolationReport verify() {
        return Verification.run(model);
    }
}
