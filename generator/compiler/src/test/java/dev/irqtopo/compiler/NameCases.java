package dev.irqtopo.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names and package lines that could make generated code uncompilable or put a file outside the
 * output directory, each with what generation must make of it: clean (the code then compiles
 * strictly) or exactly these diagnostics. Every clean case uses packages of its own, so that all of
 * them compile together.
 */
public final class NameCases {

    /**
     * One input.
     *
     * @param files       in request order
     * @param packageName the generator's package for files without a package line
     * @param expected    every diagnostic, {@code FILE:LINE:COL CODE}, in file order; empty for clean
     */
    public record NameCase(String title, List<SourceFile> files, Optional<String> packageName, List<String> expected) {

        public NameCase {
            files = List.copyOf(files);
            expected = List.copyOf(expected);
        }

        public boolean clean() {
            return expected.isEmpty();
        }

        /**
         * The diagnostics to compare with {@link #expected}: all of them, except that after a syntax
         * error the parser's recovery may find more (IRQ001 too), which only the first ones expected
         * are held to.
         */
        public List<String> comparable(List<String> actual) {
            long syntax = expected.stream().filter(e -> e.endsWith(" IRQ001")).count();
            List<String> kept = new ArrayList<>();
            int seen = 0;
            for (String diagnostic : actual) {
                if (!diagnostic.endsWith(" IRQ001") || seen++ < syntax) {
                    kept.add(diagnostic);
                }
            }
            return kept;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** A platform with one device and one stack, so that its class uses the runtime's types. */
    static final String ONE_STACK = " {\n    cpu x86 { cpus 1; }\n    bus pci0 { device nic 01:00.0 { msix 1; } }\n"
            + "    host { stack nic.msix: vector -> msix; }\n}\n";
    static final String BARE = " { cpu x86 { cpus 1; } }\n";

    private NameCases() {
    }

    public static List<NameCase> all() {
        List<NameCase> cases = new ArrayList<>();
        cases.addAll(clean());
        cases.addAll(refused());
        return cases;
    }

    public static List<NameCase> clean() {
        List<NameCase> cases = new ArrayList<>();
        StringBuilder lang = new StringBuilder("package names.lang;\n");
        for (String platform : List.of("java", "String", "Object", "Override", "System", "Integer", "Record",
                "Deprecated", "SuppressWarnings", "FunctionalInterface", "Generated", "Platform", "Kernel", "Stack",
                "Message", "List", "Optional", "Errno", "Delivery", "Trace", "ModelTable", "PlatformModel",
                "RequesterId", "BusDomainKind", "IsolationReport", "IsolationAnalysis", "AllocatedInterrupt",
                "Allocation", "DeviceStorage", "StackResult", "ExpectedVerdict")) {
            lang.append("platform ").append(platform).append(ONE_STACK);
        }
        cases.add(clean("platforms named like java.lang's and the runtime's types", lang.toString()));
        cases.add(clean("devices named like the generated classes' members", """
                package names.members;
                platform Members {
                    cpu x86 { cpus 2; }
                    hypervisor kvm { traps msi, msix, ims device; hypercall compose; }
                    bus pci0 {
                        device boot 01:00.0 { msix 2; }
                        device hardware 01:00.1 { msix 2; }
                        device verify_isolation 01:00.2 { msix 2; }
                        device model 01:00.3 { msix 2; }
                        device platform_ 01:00.4 { msix 2; }
                        device boot_results 01:00.5 { msix 2; }
                        device requester_id 01:00.6 { msix 2; }
                        device emit 01:00.7 { msix 2; }
                        device trace 01:01.0 { msix 2; }
                        device created 01:01.1 { ims device 2; }
                        device allocate 01:01.2 { ims device 2; }
                        device interrupts 01:01.3 { ims queue 2; }
                        device write 01:01.4 { msix 2; }
                        device equals 01:01.5 { msix 2; }
                        device java 01:01.6 { msix 2; }
                        device string 01:01.7 { msix 2; }
                        device iommu_requester_id 01:02.0 { msix 2; }
                    }
                    host {
                        stack boot.msix: vector -> msix; stack hardware.msix: vector -> msix;
                        stack verify_isolation.msix: vector -> msix; stack model.msix: vector -> msix;
                        stack platform_.msix: vector -> msix; stack boot_results.msix: vector -> msix;
                        stack requester_id.msix: vector -> msix; stack emit.msix: vector -> msix;
                        stack trace.msix: vector -> msix; stack equals.msix: vector -> msix;
                        stack java.msix: vector -> msix; stack string.msix: vector -> msix;
                        stack iommu_requester_id.msix: vector -> msix;
                    }
                    guest vm {
                        cpus 1;
                        assign created, allocate, interrupts, write;
                        stack created.ims: vector -> ims; stack allocate.ims: vector -> hcall -> ims;
                        stack interrupts.ims: vector -> hcall -> ims; stack write.msix: vector -> msix;
                    }
                }
                """));
        cases.add(clean("guests named like packages and restricted words", """
                package names.guests;
                platform Guests {
                    cpu x86 { cpus 2; }
                    hypervisor kvm { }
                    bus pci0 {
                        device a 01:00.0 { msix 1; } device b 01:00.1 { msix 1; } device c 01:00.2 { msix 1; }
                        device d 01:00.3 { msix 1; } device e 01:00.4 { msix 1; }
                    }
                    guest java { cpus 1; assign a; stack a.msix: vector -> msix; }
                    guest javax { cpus 1; assign b; stack b.msix: vector -> msix; }
                    guest dev { cpus 1; assign c; stack c.msix: vector -> msix; }
                    guest Var { cpus 1; assign d; stack d.msix: vector -> msix; }
                    guest Yield { cpus 1; assign e; stack e.msix: vector -> msix; }
                    guest Record { cpus 1; }
                }
                """));
        cases.add(clean("package a.b.c and platforms named a, b and c",
                "package a.b.c;\nplatform a" + ONE_STACK + "platform b" + BARE + "platform c" + BARE));
        cases.add(clean("a package part that is the platform's class name", "package Big.x;\nplatform Big" + ONE_STACK));
        cases.add(clean("restricted identifiers as package parts",
                "package var.record.yield.sealed.permits;\nplatform P" + ONE_STACK));
        cases.add(clean("underscores and digits", """
                package _x.__.a1_;
                platform __ {
                    cpu x86 { cpus 1; }
                    bus pci0 { device _9 01:00.0 { msix 1; } device x__y 01:00.1 { msix 1; } }
                    host { stack _9.msix: vector -> msix; stack x__y.msix: vector -> msix; }
                }
                """));
        cases.add(clean("names near keywords", """
                package names.near;
                platform Klass {
                    cpu x86 { cpus 1; }
                    bus pci0 { device integer 01:00.0 { msix 1; } device truth 01:00.1 { msix 1; }
                               device nullable 01:00.2 { msix 1; } device classy 01:00.3 { msix 1; } }
                    host { stack integer.msix: vector -> msix; stack truth.msix: vector -> msix; }
                }
                """));
        cases.add(clean("platforms named like helper classes this platform does not have",
                "package names.helpers;\nplatform MsixDriver" + BARE + "platform ImsDevice" + BARE + "platform BusDomain"
                        + BARE + "platform WritableBusDomain" + BARE + "platform Device" + BARE));
        cases.add(clean("platforms named like the bridge constants' classes, which only bridges bring",
                "package names.bridges;\nplatform BridgeAliases" + ONE_STACK + "platform IommuRequesterIds" + BARE));
        cases.add(clean("bridges and the devices behind them, named like other constants", """
                package names.bridged;
                platform Bridged {
                    cpu x86 { cpus 1; }
                    bus pci0 {
                        device nic 01:00.0 { msix 1; }
                        bridge sizes 00:1e.0 { device expected_verdict 05:00.0 { msix 1; } }
                        bridge empty 00:1c.0 { }
                    }
                    host { stack nic.msix: vector -> msix; stack expected_verdict.msix: vector -> msix; }
                }
                """));
        cases.add(new NameCase("a class and a package that differ only in case, in two files",
                List.of(file("one.irqtopo", "package names.split;\nplatform q" + ONE_STACK),
                        file("two.irqtopo", "package names.split.q;\nplatform r" + ONE_STACK)),
                Optional.empty(), List.of()));
        cases.add(new NameCase("the generator's package, and a platform named like its first part",
                List.of(file("given.irqtopo", "platform pa" + ONE_STACK)), Optional.of("pa.pb"), List.of()));
        return cases;
    }

    public static List<NameCase> refused() {
        List<NameCase> cases = new ArrayList<>();
        cases.add(refused("a device named class",
                "package names.e;\nplatform P {\n    cpu x86 { cpus 1; }\n    bus pci0 { device class 01:00.0 { msix 1; } }\n}\n",
                "4:23 IRQ013"));
        cases.add(refused("devices int and Int",
                "package names.e;\nplatform P {\n    cpu x86 { cpus 1; }\n    bus pci0 {\n        device int 01:00.0 { }\n"
                        + "        device Int 01:00.1 { }\n    }\n}\n",
                "5:16 IRQ013", "6:16 IRQ012", "6:16 IRQ013"));
        cases.add(refused("nic_vf and nicVf",
                "package names.e;\nplatform P {\n    cpu x86 { cpus 1; }\n    bus pci0 {\n        device nic_vf 01:00.0 { }\n"
                        + "        device nicVf 01:00.1 { }\n    }\n}\n",
                "6:16 IRQ012"));
        cases.add(refused("Nic and nic",
                "package names.e;\nplatform P {\n    cpu x86 { cpus 1; }\n    bus pci0 {\n        device Nic 01:00.0 { }\n"
                        + "        device nic 01:00.1 { }\n    }\n}\n",
                "6:16 IRQ012"));
        cases.add(refused("a guest and a device whose accessors differ only in case",
                "package names.e;\nplatform P {\n    cpu x86 { cpus 1; }\n    hypervisor kvm { }\n"
                        + "    bus pci0 { device vm 01:00.0 { } }\n    guest VM { cpus 1; }\n}\n",
                "6:11 IRQ012"));
        cases.add(refused("names whose accessors are keywords",
                "package names.e;\nplatform P {\n    cpu x86 { cpus 1; }\n    bus pci0 {\n        device class_ 01:00.0 { }\n"
                        + "        device True_ 01:00.1 { }\n    }\n}\n",
                "5:16 IRQ013", "6:16 IRQ013"));
        cases.add(refused("literals and the underscore as names",
                "package names.e;\nplatform true" + BARE + "platform P {\n    cpu x86 { cpus 1; }\n"
                        + "    bus pci0 { device null 01:00.0 { } }\n    bus _ { }\n}\n",
                "2:10 IRQ013", "5:23 IRQ013", "6:9 IRQ013"));
        cases.add(refused("platforms named like generated helper classes",
                "package names.e;\nplatform Hardware" + BARE + "platform host_" + BARE + "platform SIZES" + BARE
                        + "platform requester_ids" + BARE + "platform MsixDriver" + ONE_STACK,
                "2:10 IRQ051", "3:10 IRQ051", "4:10 IRQ051", "5:10 IRQ051", "6:10 IRQ051"));
        cases.add(refused("bridges named like a device, like another bridge but for case, or like a keyword",
                "package names.e;\nplatform P {\n    cpu x86 { cpus 1; }\n    bus pci0 {\n        device nic 01:00.0 { }\n"
                        + "        bridge nic 00:1e.0 { }\n        bridge br_0 00:1c.0 { }\n        bridge Br0 00:1d.0 { }\n"
                        + "        bridge int_ 00:1b.0 { }\n    }\n}\n",
                "6:16 IRQ010", "8:16 IRQ012", "9:16 IRQ013"));
        cases.add(refused("names like the bridge constants' classes where bridges bring them",
                "package names.e;\nplatform IommuRequesterIds {\n    cpu x86 { cpus 1; }\n    hypervisor kvm { }\n"
                        + "    bus pci0 { bridge br0 00:1e.0 { device old 05:01.0 { } } }\n"
                        + "    guest bridge_aliases { cpus 1; }\n}\n",
                "2:10 IRQ051", "6:11 IRQ051"));
        cases.add(refused("guests named like the platform class's members",
                "package names.e;\nplatform P {\n    cpu x86 { cpus 1; }\n    hypervisor kvm { }\n"
                        + "    guest boot { cpus 1; }\n    guest hardware { cpus 1; }\n    guest verifyIsolation { cpus 1; }\n"
                        + "    guest model { cpus 1; }\n    guest platform_ { cpus 1; }\n    guest boot_results { cpus 1; }\n"
                        + "    guest Host { cpus 1; }\n    guest get_class { cpus 1; }\n    guest wait { cpus 1; }\n}\n",
                "5:11 IRQ051", "6:11 IRQ051", "7:11 IRQ051", "8:11 IRQ051", "9:11 IRQ051", "10:11 IRQ051",
                "11:11 IRQ051", "12:11 IRQ051", "13:11 IRQ051"));
        cases.add(refused("a guest named host, a keyword of the language",
                "package names.e;\nplatform P {\n    cpu x86 { cpus 1; }\n    hypervisor kvm { }\n    guest host { cpus 1; }\n}\n",
                "5:11 IRQ002"));
        cases.add(refused("devices named like a kernel class's or every object's methods",
                "package names.e;\nplatform P {\n    cpu x86 { cpus 1; }\n    bus pci0 {\n"
                        + "        device kernel 01:00.0 { msix 1; }\n        device to_string 01:00.1 { }\n"
                        + "        device hash_code 01:00.2 { }\n        device finalize 01:00.3 { }\n    }\n"
                        + "    host { stack kernel.msix: vector -> msix; }\n}\n",
                "5:16 IRQ051", "6:16 IRQ051", "7:16 IRQ051", "8:16 IRQ051"));
        cases.add(refused("a dollar sign in a name",
                "package names.e;\nplatform P$1 { cpu x86 { cpus 1; } }\n", "2:11 IRQ001"));
        cases.add(refused("a name with a dot, as a path has", "package names.e;\nplatform a.b" + BARE, "2:11 IRQ001"));
        cases.add(refused("a name that walks up a directory", "package names.e;\nplatform ..evil" + BARE, "2:10 IRQ001"));
        cases.add(refused("a package with a keyword part", "package names.class.x;\nplatform P" + BARE, "1:15 IRQ013"));
        cases.add(refused("a package with an empty part", "package names..x;\nplatform P" + BARE, "1:15 IRQ001"));
        cases.add(refused("a package that starts with a dot", "package .names;\nplatform P" + BARE, "1:9 IRQ001"));
        cases.add(refused("a package that ends with a dot", "package names.;\nplatform P" + BARE, "1:15 IRQ001"));
        cases.add(refused("a package that climbs out", "package ../names;\nplatform P" + BARE, "1:9 IRQ001"));
        cases.add(refused("a package with a slash", "package names/x;\nplatform P" + BARE, "1:14 IRQ001"));
        cases.add(refused("a package under java", "package java.util;\nplatform P" + BARE, "1:9 IRQ014"));
        cases.add(refused("a package of a Java platform module", "package javax.annotation.processing;\nplatform P" + BARE,
                "1:9 IRQ014"));
        cases.add(refused("the runtime library's package", "package dev.irqtopo.runtime;\nplatform Platform" + ONE_STACK,
                "1:9 IRQ014"));
        cases.add(new NameCase("the same class but for the case of a package, in two files",
                List.of(file("one.irqtopo", "package names.c.d;\nplatform X" + BARE),
                        file("two.irqtopo", "package names.c.D;\nplatform X" + BARE)),
                Optional.empty(), List.of("two.irqtopo:2:10 IRQ012")));
        cases.add(new NameCase("a class named like another file's package",
                List.of(file("one.irqtopo", "package names.f.G;\nplatform h" + BARE),
                        file("two.irqtopo", "package names.f;\nplatform g" + BARE)),
                Optional.empty(), List.of("two.irqtopo:2:10 IRQ052")));
        cases.add(new NameCase("a package below another file's class",
                List.of(file("one.irqtopo", "package names.k;\nplatform m" + BARE),
                        file("two.irqtopo", "package names.k.M.n;\nplatform o" + BARE)),
                Optional.empty(), List.of("two.irqtopo:2:10 IRQ052")));
        return cases;
    }

    /** Packages the generator must refuse when given from outside a file. */
    public static List<String> refusedPackageOptions() {
        return List.of("dev.class.x", "names..x", ".names", "names.", "../evil", "names/x", "names\\x", "java.util",
                "javax.annotation.processing", "dev.irqtopo.model", "d\u00e9j\u00e0.vu", "a$b", "1names", "names.true");
    }

    private static NameCase clean(String title, String text) {
        return new NameCase(title, List.of(file("n.irqtopo", text)), Optional.empty(), List.of());
    }

    private static NameCase refused(String title, String text, String... expected) {
        return new NameCase(title, List.of(file("n.irqtopo", text)), Optional.empty(),
                List.of(expected).stream().map(e -> "n.irqtopo:" + e).toList());
    }

    private static SourceFile file(String name, String text) {
        return new SourceFile(name, text);
    }
}
