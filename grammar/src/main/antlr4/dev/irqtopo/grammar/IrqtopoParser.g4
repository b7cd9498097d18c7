// The irqtopo language, version 2: the structure of a file. The grammar is deliberately
// permissive where the checker gives a better message: a name may be any keyword (the checker
// reports IRQ002), numbers and requester ids have no ranges (IRQ020), and a chain is any sequence
// of links (IRQ035).
parser grammar IrqtopoParser;

options { tokenVocab = IrqtopoLexer; }

file
    : packageDecl? platform+ EOF
    ;

packageDecl
    : PACKAGE name (DOT name)* SEMI
    ;

platform
    : PLATFORM name STRING? LBRACE platformItem* RBRACE
    ;

platformItem
    : cpu            # cpuItem
    | iommu          # iommuItem
    | hypervisor     # hypervisorItem
    | bus            # busItem
    | ioapic         # ioapicItem
    | host           # hostItem
    | guest          # guestItem
    | expect         # expectItem
    | kernel         # kernelItem     // misplaced: the checker says where it belongs
    ;

// What the platform is meant to show; without it, it must be isolated.
expect
    : EXPECT value=(ISOLATED | BREACH) SEMI
    ;

cpu
    : CPU X86 LBRACE cpuProp* RBRACE
    ;

cpuProp
    : CPUS INT SEMI                                  # cpusProp
    | APIC value=(XAPIC | X2APIC) SEMI               # apicProp
    | APIC_IDS INT (COMMA INT)* SEMI                 # apicIdsProp
    | kernel                                         # cpuKernelProp
    ;

iommu
    : IOMMU kind=(VTD | AMDVI) name LBRACE iommuProp* RBRACE
    ;

iommuProp
    : REMAPPING value=(ON | OFF) SEMI                # remappingProp
    | ENTRIES INT SEMI                               # entriesProp
    | SOURCE_CHECK value=(FULL | BUS | OFF) SEMI     # sourceCheckProp
    | COMPAT value=(BLOCKED | ALLOWED) SEMI          # compatProp
    | POSTED value=(ON | OFF) SEMI                   # postedProp
    | COVERS name (COMMA name)* SEMI                 # coversProp
    | kernel                                         # iommuKernelProp
    ;

hypervisor
    : HYPERVISOR kind=(KVM | HYPERV | XEN) LBRACE hypervisorProp* RBRACE
    ;

hypervisorProp
    : CPUID value=(VISIBLE | HIDDEN_KW) SEMI         # cpuidProp
    | TRAPS storage (COMMA storage)* SEMI            # trapsProp
    | HYPERCALL value=(COMPOSE | NONE) SEMI          # hypercallProp
    | EXT_DEST_ID value=(ON | OFF) SEMI              # extDestIdProp
    | kernel                                         # hypervisorKernelProp
    ;

storage
    : MSI                                            # msiStorage
    | MSIX                                           # msixStorage
    | IMS where=(DEVICE | QUEUE)                     # imsStorage
    ;

// The I/O APIC whose writes the first VT-d unit with remapping on remaps. The requester id is optional
// here so that the checker can say that it is needed (IRQ062).
ioapic
    : IOAPIC name RID? LBRACE pinsProp* RBRACE
    ;

// The legacy pins a driver started.
pinsProp
    : PINS INT (COMMA INT)* SEMI
    ;

bus
    : BUS name LBRACE busMember* RBRACE
    ;

busMember
    : device                                         # deviceMember
    | bridge                                         # bridgeMember
    ;

// A PCIe-to-PCI bridge: it has no storage, only the devices on its secondary bus.
bridge
    : BRIDGE name RID LBRACE device* RBRACE
    ;

device
    : DEVICE name deviceAddress LBRACE deviceProp* RBRACE
    ;

deviceAddress
    : RID                                            # functionAddress
    | OF name PASID INT                              # subDeviceAddress
    ;

deviceProp
    : MSI INT MASKABLE? SEMI                         # msiProp
    | MSIX INT SEMI                                  # msixProp
    | IMS where=(DEVICE | QUEUE) INT SEMI            # imsProp
    ;

host
    : HOST LBRACE hostMember* RBRACE
    ;

hostMember
    : kernel                                         # hostKernel
    | stack                                          # hostStack
    ;

// The kernel a host or guest runs: `kernel design;` or `kernel linux 6.1;`. Family and version are
// read loosely here so that the checker can name an unknown one.
kernel
    : KERNEL family=name version? SEMI
    ;

version
    : INT (DOT INT)?
    ;

guest
    : GUEST name LBRACE guestMember* RBRACE
    ;

guestMember
    : CPUS INT SEMI                                  # guestCpus
    | ASSIGN name (COMMA name)* SEMI                 # guestAssign
    | kernel                                         # guestKernel
    | stack                                          # guestStack
    ;

stack
    : STACK name DOT busDomain COLON link (ARROW link)* (ALLOC INT)? SEMI
    ;

link
    : VECTOR                                         # vectorLink
    | REMAP name                                     # remapLink
    | HCALL                                          # hcallLink
    | busDomain                                      # busLink
    ;

busDomain
    : MSI
    | MSIX
    | IMS
    ;

// Wherever a name belongs, a keyword parses too, so that the checker can say which keyword it is.
name
    : NAME                                           # plainName
    | keyword                                        # keywordName
    ;

keyword
    : ALLOC | ALLOWED | AMDVI | APIC | APIC_IDS | ASSIGN | BLOCKED | BREACH | BRIDGE | BUS | COMPAT
    | COMPOSE | COVERS | CPU | CPUID | CPUS | DEVICE | ENTRIES | EXPECT | EXT_DEST_ID | FULL | GUEST
    | HCALL | HIDDEN_KW | HOST | HYPERCALL | HYPERV | HYPERVISOR | IMS | IOAPIC | IOMMU | ISOLATED | KERNEL | KVM | MASKABLE
    | MSI | MSIX | NONE | OF | OFF | ON | PACKAGE | PASID | PINS | PLATFORM | POSTED | QUEUE | REMAP | REMAPPING
    | SOURCE_CHECK | STACK | TRAPS | VECTOR | VISIBLE | VTD | X2APIC | X86 | XAPIC | XEN
    ;
