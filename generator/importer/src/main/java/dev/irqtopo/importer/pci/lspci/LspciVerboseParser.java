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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of {@code lspci -vvv -nn} (pciutils 3.x, the C locale): a header line per function,
 * {@code 00:1f.2 SATA controller [0106]: Intel ... [8086:2922] (rev 02)}, then its properties indented by a
 * tab. What matters here: the bridge's buses, the MSI, MSI-X, PCI Express and SR-IOV capabilities.
 */
public final class LspciVerboseParser {

    private static final Pattern HEADER = Pattern.compile(
            "^((?:[0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]) ([^:]+): (.*)$");
    private static final Pattern BUS = Pattern.compile(
            "Bus: primary=([0-9a-f]{2}), secondary=([0-9a-f]{2}), subordinate=([0-9a-f]{2})");
    private static final Pattern MSI = Pattern.compile("\\] MSI: .*Count=\\d+/(\\d+)(?: Maskable([+-]))?");
    private static final Pattern MSIX = Pattern.compile("\\] MSI-X: .*Count=(\\d+)");
    private static final Pattern VFS = Pattern.compile("Total VFs: (\\d+), Number of VFs: (\\d+)");
    private static final Pattern VF_OFFSET = Pattern.compile("VF offset: (\\d+), stride: (\\d+)");

    private LspciVerboseParser() {
    }

    public static List<PciFunction> parse(String file, String text) throws BadInputException {
        List<PciFunction> functions = new ArrayList<>();
        PciFunctionBuilder current = null;
        int totalVfs = -1;
        int numVfs = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith("\t") && !line.startsWith(" ")) {
                Matcher header = HEADER.matcher(line);
                PciAddress address = header.matches() ? PciAddress.parse(header.group(1)) : null;
                if (address == null) {
                    throw new BadInputException(file, BadInputException.atLine(number),
                            "expected a function's first line as lspci -vvv -nn prints it, such as "
                                    + "\"00:1f.2 SATA controller [0106]: ...\", found \"" + shorten(line) + "\"");
                }
                if (current != null) {
                    functions.add(current.build());
                }
                current = new PciFunctionBuilder(address, header.group(2) + ": " + header.group(3),
                        file + " line " + number);
                totalVfs = -1;
                continue;
            }
            if (current == null) {
                throw new BadInputException(file, BadInputException.atLine(number),
                        "an indented line before any function's first line");
            }
            String property = line.strip();
            Matcher m;
            if ((m = BUS.matcher(property)).find()) {
                current.buses(Integer.parseInt(m.group(2), 16), Integer.parseInt(m.group(3), 16));
            } else if (property.startsWith("Capabilities: <access denied>")) {
                current.capabilitiesUnreadable();
            } else if ((m = MSI.matcher(property)).find()) {
                int vectors = Math.min(32, Integer.parseInt(m.group(1)));
                current.msi(new MsiCapability(Integer.highestOneBit(Math.max(1, vectors)), "+".equals(m.group(2))));
            } else if ((m = MSIX.matcher(property)).find()) {
                current.msix(new MsixCapability(Math.max(1, Math.min(2048, Integer.parseInt(m.group(1))))));
            } else if (property.contains("] Express") && property.contains("PCI-Express to PCI/PCI-X Bridge")) {
                current.pcieToPciBridge();
            } else if ((m = VFS.matcher(property)).find()) {
                totalVfs = Integer.parseInt(m.group(1));
                numVfs = Integer.parseInt(m.group(2));
            } else if ((m = VF_OFFSET.matcher(property)).find() && totalVfs >= 0) {
                current.sriov(new SriovCapability(totalVfs, numVfs, Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2))));
            }
        }
        if (current != null) {
            functions.add(current.build());
        }
        if (functions.isEmpty()) {
            throw new BadInputException(file, BadInputException.atLine(1), "no PCI function in it");
        }
        return functions;
    }

    static String shorten(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
