package dev.irqtopo.importer;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.importer.cpu.CpuInfoParser;
import dev.irqtopo.importer.pci.PciAddress;
import dev.irqtopo.importer.pci.PciFunction;
import dev.irqtopo.importer.pci.lspci.ConfigSpaceParser;
import dev.irqtopo.importer.pci.lspci.LspciVerboseParser;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** lspci's text and dumps, and cpuinfo, from the QEMU machine; text in another format. */
class PciTextTest {

    @Test
    void verboseAndDumpsAgreeOnTheQemuMachine() throws BadInputException {
        Map<PciAddress, PciFunction> verbose = byAddress(
                LspciVerboseParser.parse("lspci-vvv.txt", Fixtures.text("qemu-q35-vtd/lspci-vvv.txt")));
        Map<PciAddress, PciFunction> dumps = byAddress(
                ConfigSpaceParser.parse("lspci-xxx.txt", Fixtures.text("qemu-q35-vtd/lspci-xxx.txt")));
        assertThat(verbose.keySet()).isEqualTo(dumps.keySet());
        for (PciAddress address : verbose.keySet()) {
            PciFunction a = verbose.get(address);
            PciFunction b = dumps.get(address);
            assertThat(b.msi()).isEqualTo(a.msi());
            assertThat(b.msix()).isEqualTo(a.msix());
            assertThat(b.secondaryBus()).isEqualTo(a.secondaryBus());
            assertThat(b.pcieToPciBridge()).isEqualTo(a.pcieToPciBridge());
        }
        PciFunction igb = verbose.get(PciAddress.parse("03:00.0"));
        assertThat(igb.sriov().get().numVfs()).isEqualTo(2);
        assertThat(igb.msi().get().maskable()).isTrue();
        assertThat(verbose.get(PciAddress.parse("01:00.0")).pcieToPciBridge()).isTrue();
        assertThat(verbose.get(PciAddress.parse("01:00.0")).secondaryBus()).isEqualTo(2);
    }

    @Test
    void otherFormatsAreRefusedAtTheirLine() {
        BadInputException e = assertThrows(BadInputException.class, () -> LspciVerboseParser.parse("lspci-vvv.txt",
                "Bus 002 Device 001: ID 1d6b:0003 Linux Foundation 3.0 root hub\n"));
        assertThat(e).hasMessageThat().startsWith("lspci-vvv.txt line 1: expected a function's first line");
        e = assertThrows(BadInputException.class, () -> ConfigSpaceParser.parse("lspci-xxx.txt",
                "00:00.0 Host bridge: x\n00: 86 80 zz\n"));
        assertThat(e).hasMessageThat().isEqualTo("lspci-xxx.txt line 2: \"zz\" is not a byte in hexadecimal");
        e = assertThrows(BadInputException.class, () -> CpuInfoParser.parse("cpuinfo", "Prozessor\t: 0\n"));
        assertThat(e).hasMessageThat().startsWith("cpuinfo line 1: no \"processor\" line");
    }

    @Test
    void cpuinfoGivesTheApicIds() throws BadInputException {
        assertThat(CpuInfoParser.parse("cpuinfo", Fixtures.text("qemu-q35-vtd/cpuinfo")).apicIds()).containsExactly(0, 1);
    }

    private static Map<PciAddress, PciFunction> byAddress(List<PciFunction> functions) {
        return functions.stream().collect(Collectors.toMap(PciFunction::address, Function.identity()));
    }
}
