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
    | gic            # gicItem
    | smmu           # smmuItem
    | imsic          # imsicItem
    | host           # hostItem
    | guest          # guestItem
    | expect         # expectItem
    | kernel         # kernelItem     // misplaced: the checker says where it belongs
    ;

// What the platform is meant to show; without it, it must be isolated.
expect
    : EXPECT value=(ISOLATED | BREACH) SEMI
    ;

// The CPU side: x86 (APICs), arm64 (a GIC) or riscv64 (IMSICs). Which constructs belong to which is
// the checker's to say.
cpu
    : CPU arch=(X86 | ARM64 | RISCV64) LBRACE cpuProp* RBRACE
    ;

cpuProp
    : CPUS INT SEMI                                  # cpusProp
    | APIC value=(XAPIC | X2APIC) SEMI               # apicProp
    | APIC_IDS INT (COMMA INT)* SEMI                 # apicIdsProp
    | MPIDR INT (COMMA INT)* SEMI                    # mpidrProp
    | kernel                                         # cpuKernelProp
    ;

iommu
    : IOMMU kind=(VTD | AMDVI | RISCV) name LBRACE iommuProp* RBRACE
    ;

iommuProp
    : REMAPPING value=(ON | OFF) SEMI                # remappingProp
    | ENTRIES INT SEMI                               # entriesProp
    | SOURCE_CHECK value=(FULL | BUS | OFF) SEMI     # sourceCheckProp
    | COMPAT value=(BLOCKED | ALLOWED) SEMI          # compatProp
    | POSTED value=(ON | OFF) SEMI                   # postedProp
    | COVERS name (COMMA name)* SEMI                 # coversProp
    | MSI value=(OFF | FLAT | MRIF) SEMI             # msiTranslationProp
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
    | VLPI value=(ON | OFF) SEMI                     # vlpiProp
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

// arm64: the interrupt controller, with its ITS units and GICv2m frames.
gic
    : GIC gicVersion=(V3 | V4) LBRACE gicMember* RBRACE
    ;

gicMember
    : ITS name LBRACE itsProp* RBRACE                # itsMember
    | V2M name LBRACE v2mProp* RBRACE                # v2mMember
    ;

itsProp
    : DOORBELL INT SEMI                              # itsDoorbellProp
    | DEVICE_ID_BITS INT SEMI                        # deviceIdBitsProp
    | EVENT_ID_BITS INT SEMI                         # eventIdBitsProp
    ;

v2mProp
    : DOORBELL INT SEMI                              # v2mDoorbellProp
    | SPI_BASE INT SEMI                              # spiBaseProp
    | SPIS INT SEMI                                  # spisProp
    ;

// riscv64: the harts' incoming MSI controllers, their interrupt files' geometry and placement.
imsic
    : IMSIC LBRACE imsicProp* RBRACE
    ;

imsicProp
    : IDENTITIES INT SEMI                            # identitiesProp
    | GUEST_IDENTITIES INT SEMI                      # guestIdentitiesProp
    | GUEST_FILES INT SEMI                           # guestFilesProp
    | M_BASE INT SEMI                                # mBaseProp
    | S_BASE INT SEMI                                # sBaseProp
    ;

// arm64: the SMMU translating the DMA of the buses it covers.
smmu
    : SMMU name LBRACE smmuProp* RBRACE
    ;

smmuProp
    : COVERS name (COMMA name)* SEMI                 # smmuCoversProp
    ;

bus
    : BUS name LBRACE busMember* RBRACE
    ;

busMember
    : device                                         # deviceMember
    | bridge                                         # bridgeMember
    | MSI_MAP RID name INT INT SEMI                  # msiMapMember
    | MSI_MAP_MASK INT SEMI                          # msiMapMaskMember
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
    | GIC                                            # gicLink
    | ITS name?                                      # itsLink
    | V2M name                                       # v2mLink
    | IMSIC                                          # imsicLink
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
    : ALLOC | ALLOWED | AMDVI | APIC | APIC_IDS | ARM64 | ASSIGN | BLOCKED | BREACH | BRIDGE | BUS | COMPAT
    | COMPOSE | COVERS | CPU | CPUID | CPUS | DEVICE | DEVICE_ID_BITS | DOORBELL | ENTRIES | EVENT_ID_BITS
    | EXPECT | EXT_DEST_ID | FLAT | FULL | GIC | GUEST | GUEST_FILES | GUEST_IDENTITIES
    | HCALL | HIDDEN_KW | HOST | HYPERCALL | HYPERV | HYPERVISOR | IDENTITIES | IMS | IMSIC | IOAPIC | IOMMU | ISOLATED
    | ITS | KERNEL | KVM | M_BASE | MASKABLE | MPIDR | MRIF | MSI | MSI_MAP | MSI_MAP_MASK | MSIX | NONE | OF | OFF | ON
    | PACKAGE | PASID | PINS | PLATFORM | POSTED | QUEUE | REMAP | REMAPPING | RISCV | RISCV64 | S_BASE | SMMU
    | SOURCE_CHECK | SPI_BASE | SPIS | STACK | TRAPS | V2M | V3 | V4
    | VECTOR | VISIBLE | VLPI | VTD | X2APIC | X86 | XAPIC | XEN
    ;
