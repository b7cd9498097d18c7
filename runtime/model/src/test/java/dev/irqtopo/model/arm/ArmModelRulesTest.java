package dev.irqtopo.model.arm;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules each arm64 model value keeps by itself, at the edges where they start and stop holding. */
class ArmModelRulesTest {

    @Test
    void mpidrPacksAff3AboveAff2ToAff0() {
        Mpidr m = Mpidr.of(1, 2, 3, 4);
        assertThat(m.value()).isEqualTo(0x01_0002_0304L);
        assertThat(m.toString()).isEqualTo("1.2.3.4");
        assertThrows(IllegalArgumentException.class, () -> Mpidr.of(0, 0, 0, 256));
        assertThrows(IllegalArgumentException.class, () -> Mpidr.of(-1, 0, 0, 0));
    }

    @Test
    void virtNumbersSixteenCpusPerAff1Cluster() {
        ArmCpus cpus = ArmCpus.virt(20);
        assertThat(cpus.mpidr(0)).isEqualTo(Mpidr.of(0, 0, 0, 0));
        assertThat(cpus.mpidr(15)).isEqualTo(Mpidr.of(0, 0, 0, 15));
        // CPU 17 = 16 + 1: second cluster, second CPU
        assertThat(cpus.mpidr(17)).isEqualTo(Mpidr.of(0, 0, 1, 1));
        assertThat(ArmCpus.virt(ArmCpus.MAX_CPUS).mpidr(4095)).isEqualTo(Mpidr.of(0, 0, 255, 15));
        assertThrows(IllegalArgumentException.class, () -> ArmCpus.virt(0));
        assertThrows(IllegalArgumentException.class, () -> ArmCpus.virt(ArmCpus.MAX_CPUS + 1));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new ArmCpus(List.of(Mpidr.of(0, 0, 0, 1), Mpidr.of(0, 0, 0, 1)))))
                .hasMessageThat().contains("repeated MPIDR");
    }

    @Test
    void itsDoorbellIsTheTranslaterInTheSecondFrame() {
        ItsModel its = ItsModel.atBase("its0", 0x0808_0000L, 16, 16);
        assertThat(its.doorbell()).isEqualTo(0x0809_0040L);
        assertThat(its.enabled()).isTrue();
        assertThat(its.eventIdOverflow()).isEqualTo(EventIdOverflow.HIGH_BITS_IGNORED);
        assertThat(its.fitsDeviceId(0xFFFF)).isTrue();
        assertThat(its.fitsDeviceId(0x10000)).isFalse();
        assertThat(ItsModel.atBase("wide", 0, 32, 32).fitsDeviceId(0xFFFF_FFFFL)).isTrue();
        assertThat(its.eventIds()).isEqualTo(65536);
    }

    @Test
    void itsBitsRangeFromOneToThirtyTwo() {
        ItsModel.atBase("a", 0, 1, 1);
        ItsModel.atBase("b", 0, 32, 32);
        assertThrows(IllegalArgumentException.class, () -> ItsModel.atBase("c", 0, 0, 16));
        assertThrows(IllegalArgumentException.class, () -> ItsModel.atBase("d", 0, 16, 33));
        assertThrows(IllegalArgumentException.class, () -> ItsModel.atBase(" ", 0, 16, 16));
        assertThrows(IllegalArgumentException.class,
                () -> new ItsModel("e", 0x1002, 16, 16, 8, true, EventIdOverflow.WRITE_IGNORED));
        assertThrows(IllegalArgumentException.class,
                () -> new ItsModel("f", 0x1000, 16, 16, 17, true, EventIdOverflow.WRITE_IGNORED));
    }

    @Test
    void v2mFramesKeepLinuxSpiWindow() {
        V2mFrameModel frame = V2mFrameModel.atBase("v2m0", 0x0802_0000L, 80, 64);
        assertThat(frame.doorbell()).isEqualTo(0x0802_0040L);
        assertThat(frame.covers(80)).isTrue();
        assertThat(frame.covers(143)).isTrue();
        assertThat(frame.covers(144)).isFalse();
        // the last frame Linux accepts ends at SPI 1018
        V2mFrameModel.atBase("last", 0, 1018, 1);
        assertThrows(IllegalArgumentException.class, () -> V2mFrameModel.atBase("over", 0, 1018, 2));
        assertThrows(IllegalArgumentException.class, () -> V2mFrameModel.atBase("low", 0, 31, 1));
        assertThrows(IllegalArgumentException.class, () -> V2mFrameModel.atBase("empty", 0, 32, 0));
    }

    @Test
    void gicNamesAndDoorbellsAreUnique() {
        ItsModel its = ItsModel.atBase("its0", 0x0808_0000L, 16, 16);
        V2mFrameModel frame = V2mFrameModel.atBase("v2m0", 0x0802_0000L, 80, 64);
        GicModel gic = GicModel.v3(List.of(its), List.of(frame));
        assertThat(gic.its("its0")).hasValue(its);
        assertThat(gic.v2m("v2m0")).hasValue(frame);
        assertThat(gic.its("v2m0")).isEmpty();
        assertThrows(IllegalArgumentException.class,
                () -> GicModel.v3(List.of(its), List.of(V2mFrameModel.atBase("its0", 0, 80, 1))));
        assertThrows(IllegalArgumentException.class,
                () -> GicModel.v3(List.of(its, ItsModel.atBase("its1", 0x0808_0000L, 16, 16)), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new GicModel(2, 16, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new GicModel(4, 13, List.of(), List.of()));
    }
}
