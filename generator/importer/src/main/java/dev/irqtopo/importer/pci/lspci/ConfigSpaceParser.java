package dev.irqtopo.importer.pci.lspci;

import dev.irqtopo.importer.BadInputException;
import dev.irqtopo.importer.pci.MsiCapability;
import dev.irqtopo.importer.pci.MsixCapability;
import dev.irqtopo.importer.pci.PciAddress;
import dev.irqtopo.importer.pci.PciFunction;
import dev.irqtopo.importer.pci.PciFunctionBuilder;
import dev.irqtopo.importer.pci.SriovCapability;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code lspci -xxx} (or {@code -xxxx}) configuration-space dumps, or irqtopo collect's sysfs
 * equivalent: per function a header line, then rows {@code 40: 05 80 ...} of sixteen bytes. The
 * capabilities are found as the PCI specification chains them (the pointer at 34h; extended capabilities
 * from 100h when the dump has them).
 */
public final class ConfigSpaceParser {

    private static final int CAP_MSI = 0x05;
    private static final int CAP_PCIE = 0x10;
    private static final int CAP_MSIX = 0x11;
    private static final int EXT_CAP_SRIOV = 0x0010;

    private ConfigSpaceParser() {
    }

    public static List<PciFunction> parse(String file, String text) throws BadInputException {
        List<PciFunction> functions = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        PciAddress address = null;
        String header = null;
        int headerLine = 0;
        byte[] config = null;
        int size = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].replace("\r", "").strip() : "";
            if (i == lines.length || line.isEmpty()) {
                if (address != null) {
                    functions.add(function(file, address, header, headerLine, config, size));
                    address = null;
                }
                continue;
            }
            int colon = line.indexOf(": ");
            if (address == null) {
                int space = line.indexOf(' ');
                address = PciAddress.parse(space < 0 ? line : line.substring(0, space));
                if (address == null) {
                    throw new BadInputException(file, BadInputException.atLine(i + 1),
                            "expected a function's first line as lspci -xxx prints it, such as \"00:1f.2 SATA "
                                    + "controller: ...\", found \"" + LspciVerboseParser.shorten(line) + "\"");
                }
                header = line.substring(space < 0 ? line.length() : space + 1);
                headerLine = i + 1;
                config = new byte[4096];
                size = 0;
                continue;
            }
            if (colon < 0 || !line.substring(0, colon).matches("[0-9a-f]{2,3}")) {
                throw new BadInputException(file, BadInputException.atLine(i + 1),
                        "expected a row of configuration space such as \"40: 05 80 ...\", found \""
                                + LspciVerboseParser.shorten(line) + "\"");
            }
            int at = Integer.parseInt(line.substring(0, colon), 16);
            String[] hex = line.substring(colon + 2).trim().split(" +");
            if (at % 16 != 0 || at + hex.length > config.length || hex.length > 16) {
                throw new BadInputException(file, BadInputException.atLine(i + 1), "a row out of place at "
                        + line.substring(0, colon));
            }
            for (int b = 0; b < hex.length; b++) {
                if (!hex[b].matches("[0-9a-f]{2}")) {
                    throw new BadInputException(file, BadInputException.atLine(i + 1), "\"" + hex[b]
                            + "\" is not a byte in hexadecimal");
                }
                config[at + b] = (byte) Integer.parseInt(hex[b], 16);
            }
            size = Math.max(size, at + hex.length);
        }
        if (functions.isEmpty()) {
            throw new BadInputException(file, BadInputException.atLine(1), "no PCI function in it");
        }
        return functions;
    }

    private static PciFunction function(String file, PciAddress address, String header, int line, byte[] config,
            int size) throws BadInputException {
        if (size < 64) {
            throw new BadInputException(file, BadInputException.atLine(line), "the function " + address
                    + " has " + size + " bytes of configuration space, at least the 64 of its header are needed");
        }
        PciFunctionBuilder function = new PciFunctionBuilder(address, header, file + " line " + line);
        int headerType = config[0x0e] & 0x7f;
        if (headerType == 1) {
            function.buses(u8(config, 0x19), u8(config, 0x1a));
        }
        boolean capabilityList = (u8(config, 0x06) & 0x10) != 0;
        int pointer = capabilityList ? u8(config, 0x34) & 0xfc : 0;
        for (int hops = 0; pointer >= 0x40 && pointer + 4 <= Math.min(size, 256) && hops < 48; hops++) {
            int id = u8(config, pointer);
            int control = u16(config, pointer + 2);
            if (id == CAP_MSI) {
                function.msi(new MsiCapability(1 << Math.min(5, control >> 1 & 7), (control & 0x100) != 0));
            } else if (id == CAP_MSIX) {
                function.msix(new MsixCapability((control & 0x7ff) + 1));
            } else if (id == CAP_PCIE && (control >> 4 & 0xf) == 7) {
                function.pcieToPciBridge();
            }
            pointer = u8(config, pointer + 1) & 0xfc;
        }
        int extended = size > 0x100 ? 0x100 : 0;
        for (int hops = 0; extended >= 0x100 && extended + 0x18 <= size && hops < 512; hops++) {
            int word = u16(config, extended + 2);
            if (u16(config, extended) == EXT_CAP_SRIOV) {
                function.sriov(new SriovCapability(u16(config, extended + 0x0e), u16(config, extended + 0x10),
                        u16(config, extended + 0x14), u16(config, extended + 0x16)));
            }
            extended = word >> 4 & 0xffc;
        }
        return function.build();
    }

    private static int u8(byte[] config, int offset) {
        return config[offset] & 0xff;
    }

    private static int u16(byte[] config, int offset) {
        return u8(config, offset) | u8(config, offset + 1) << 8;
    }
}
