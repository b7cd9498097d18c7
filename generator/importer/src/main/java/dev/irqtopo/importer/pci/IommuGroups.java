package dev.irqtopo.importer.pci;

import dev.irqtopo.importer.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The IOMMU groups Linux formed, as irqtopo collect lists /sys/kernel/iommu_groups: lines {@code GROUP FUNCTION}. */
public record IommuGroups(Map<Integer, List<PciAddress>> groups) {

    public IommuGroups {
        TreeMap<Integer, List<PciAddress>> copy = new TreeMap<>();
        groups.forEach((group, members) -> copy.put(group, List.copyOf(members)));
        groups = java.util.Collections.unmodifiableMap(copy);
    }

    public static IommuGroups parse(String file, String text) throws BadInputException {
        Map<Integer, List<PciAddress>> groups = new TreeMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            PciAddress address = parts.length == 2 && parts[0].matches("\\d{1,6}") ? PciAddress.parse(parts[1]) : null;
            if (address == null) {
                throw new BadInputException(file, BadInputException.atLine(i + 1),
                        "expected \"GROUP FUNCTION\" such as \"7 0000:01:00.0\", found \"" + line + "\"");
            }
            groups.computeIfAbsent(Integer.parseInt(parts[0]), g -> new ArrayList<>()).add(address);
        }
        return new IommuGroups(groups);
    }
}
