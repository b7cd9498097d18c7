package dev.irqtopo.compiler.parse;

import dev.irqtopo.compiler.ast.BridgeDecl;
import dev.irqtopo.compiler.ast.IoApicDecl;
import dev.irqtopo.compiler.ast.BusDecl;
import dev.irqtopo.compiler.ast.CpuBlock;
import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.DeviceAddress;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.ExpectDecl;
import dev.irqtopo.compiler.ast.GicDecl;
import dev.irqtopo.compiler.ast.GicProp;
import dev.irqtopo.compiler.ast.MsiControllerDecl;
import dev.irqtopo.compiler.ast.MsiMapDecl;
import dev.irqtopo.compiler.ast.SmmuDecl;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.GuestItem;
import dev.irqtopo.compiler.ast.ImsicDecl;
import dev.irqtopo.compiler.ast.ImsicProp;
import dev.irqtopo.compiler.ast.HostBlock;
import dev.irqtopo.compiler.ast.HypervisorBlock;
import dev.irqtopo.compiler.ast.HypervisorProp;
import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.IommuProp;
import dev.irqtopo.compiler.ast.IrqtopoFile;
import dev.irqtopo.compiler.ast.KernelDecl;
import dev.irqtopo.compiler.ast.Link;
import dev.irqtopo.compiler.ast.Name;
import dev.irqtopo.compiler.ast.Num;
import dev.irqtopo.compiler.ast.PackageDecl;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.ast.PlatformItem;
import dev.irqtopo.compiler.ast.Pos;
import dev.irqtopo.compiler.ast.Rid;
import dev.irqtopo.compiler.ast.StackDecl;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.compiler.ast.Word;
import dev.irqtopo.grammar.IrqtopoLexer;
import dev.irqtopo.grammar.IrqtopoParser;
import dev.irqtopo.grammar.IrqtopoParserBaseVisitor;
import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.Architecture;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.HypervisorKind;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the AST from a parse tree that had no syntax error. Each visit method returns the AST node
 * of its rule; positions are those of the tokens the checker's diagnostics point at.
 */
final class AstBuilder extends IrqtopoParserBaseVisitor<Object> {

    /** Kernel lines found inside the platform item being built, where they do not belong. */
    private final List<KernelDecl> misplacedKernels = new ArrayList<>();

    IrqtopoFile build(IrqtopoParser.FileContext file) {
        return visitFile(file);
    }

    @Override
    public IrqtopoFile visitFile(IrqtopoParser.FileContext ctx) {
        Optional<PackageDecl> pkg = Optional.ofNullable(ctx.packageDecl()).map(this::visitPackageDecl);
        return new IrqtopoFile(pkg, ctx.platform().stream().map(this::visitPlatform).toList());
    }

    @Override
    public PackageDecl visitPackageDecl(IrqtopoParser.PackageDeclContext ctx) {
        return new PackageDecl(names(ctx.name()));
    }

    @Override
    public Platform visitPlatform(IrqtopoParser.PlatformContext ctx) {
        Optional<String> description = Optional.ofNullable(ctx.STRING()).map(s -> unquote(s.getText()));
        List<PlatformItem> items = new ArrayList<>();
        for (IrqtopoParser.PlatformItemContext item : ctx.platformItem()) {
            items.add(build(item, PlatformItem.class));
            items.addAll(misplacedKernels);
            misplacedKernels.clear();
        }
        return new Platform(pos(ctx.PLATFORM()), name(ctx.name()), description, items);
    }

    // --- platform items: each labelled alternative delegates to its block rule

    @Override
    public Object visitCpuItem(IrqtopoParser.CpuItemContext ctx) {
        return visitCpu(ctx.cpu());
    }

    @Override
    public Object visitIommuItem(IrqtopoParser.IommuItemContext ctx) {
        return visitIommu(ctx.iommu());
    }

    @Override
    public Object visitHypervisorItem(IrqtopoParser.HypervisorItemContext ctx) {
        return visitHypervisor(ctx.hypervisor());
    }

    @Override
    public Object visitBusItem(IrqtopoParser.BusItemContext ctx) {
        return visitBus(ctx.bus());
    }

    @Override
    public Object visitIoapicItem(IrqtopoParser.IoapicItemContext ctx) {
        IrqtopoParser.IoapicContext io = ctx.ioapic();
        Optional<Rid> rid = Optional.ofNullable(io.RID()).map(r -> Rid.parse(r.getText(), pos(r)));
        List<IoApicDecl.PinsDecl> pins = io.pinsProp().stream()
                .map(p -> new IoApicDecl.PinsDecl(pos(p.PINS()), p.INT().stream().map(AstBuilder::num).toList()))
                .toList();
        return new IoApicDecl(pos(io.IOAPIC()), name(io.name()), rid, pins);
    }

    @Override
    public Object visitHostItem(IrqtopoParser.HostItemContext ctx) {
        return visitHost(ctx.host());
    }

    @Override
    public Object visitGuestItem(IrqtopoParser.GuestItemContext ctx) {
        return visitGuest(ctx.guest());
    }

    @Override
    public Object visitExpectItem(IrqtopoParser.ExpectItemContext ctx) {
        return visitExpect(ctx.expect());
    }

    @Override
    public Object visitKernelItem(IrqtopoParser.KernelItemContext ctx) {
        return kernel(ctx.kernel(), Optional.of("platform"));
    }

    /** A kernel line as written, {@code misplaced} naming the block when it is not a host's or a guest's. */
    private KernelDecl kernel(IrqtopoParser.KernelContext ctx, Optional<String> misplaced) {
        Optional<Word<String>> version = Optional.ofNullable(ctx.version())
                .map(v -> new Word<>(v.getText(), pos(v.getStart())));
        return new KernelDecl(pos(ctx.KERNEL()), name(ctx.family), version, misplaced);
    }

    /**
     * Keeps a kernel line written inside a cpu, iommu or hypervisor block, where it belongs to none of
     * the block's properties, as a platform item after the block, for the checker to report.
     */
    private <C extends ParserRuleContext> boolean misplaced(C prop, String block) {
        IrqtopoParser.KernelContext kernel = prop.getRuleContext(IrqtopoParser.KernelContext.class, 0);
        if (kernel == null || prop.getChildCount() != 1) {
            return false;
        }
        misplacedKernels.add(kernel(kernel, Optional.of(block)));
        return true;
    }

    @Override
    public ExpectDecl visitExpect(IrqtopoParser.ExpectContext ctx) {
        ExpectedVerdict verdict = ctx.value.getType() == IrqtopoLexer.ISOLATED
                ? ExpectedVerdict.ISOLATED : ExpectedVerdict.BREACH;
        return new ExpectDecl(pos(ctx.EXPECT()), new Word<>(verdict, pos(ctx.value)));
    }

    // --- cpu

    @Override
    public CpuBlock visitCpu(IrqtopoParser.CpuContext ctx) {
        Architecture arch = switch (ctx.arch.getType()) {
            case IrqtopoLexer.ARM64 -> Architecture.ARM64;
            case IrqtopoLexer.RISCV64 -> Architecture.RISCV64;
            default -> Architecture.X86;
        };
        return new CpuBlock(pos(ctx.CPU()), new Word<>(arch, pos(ctx.arch)), ctx.cpuProp().stream()
                .filter(p -> !misplaced(p, "cpu")).map(p -> build(p, CpuProp.class)).toList());
    }

    @Override
    public CpuProp visitCpusProp(IrqtopoParser.CpusPropContext ctx) {
        return new CpuProp.Cpus(pos(ctx.CPUS()), num(ctx.INT()));
    }

    @Override
    public CpuProp visitApicProp(IrqtopoParser.ApicPropContext ctx) {
        ApicMode mode = ctx.value.getType() == IrqtopoLexer.XAPIC ? ApicMode.XAPIC : ApicMode.X2APIC;
        return new CpuProp.Apic(pos(ctx.APIC()), new Word<>(mode, pos(ctx.value)));
    }

    @Override
    public CpuProp visitMpidrProp(IrqtopoParser.MpidrPropContext ctx) {
        return new CpuProp.Mpidr(pos(ctx.MPIDR()), ctx.INT().stream().map(AstBuilder::num).toList());
    }

    @Override
    public CpuProp visitApicIdsProp(IrqtopoParser.ApicIdsPropContext ctx) {
        return new CpuProp.ApicIds(pos(ctx.APIC_IDS()), ctx.INT().stream().map(AstBuilder::num).toList());
    }

    // --- iommu

    @Override
    public IommuDecl visitIommu(IrqtopoParser.IommuContext ctx) {
        IommuKind kind = switch (ctx.kind.getType()) {
            case IrqtopoLexer.VTD -> IommuKind.VTD;
            case IrqtopoLexer.AMDVI -> IommuKind.AMDVI;
            default -> IommuKind.RISCV;
        };
        List<IommuProp> props = ctx.iommuProp().stream().filter(p -> !misplaced(p, "iommu"))
                .map(p -> build(p, IommuProp.class)).toList();
        return new IommuDecl(pos(ctx.IOMMU()), kind, name(ctx.name()), props);
    }

    @Override
    public IommuProp visitRemappingProp(IrqtopoParser.RemappingPropContext ctx) {
        return new IommuProp.Remapping(pos(ctx.REMAPPING()), ctx.value.getType() == IrqtopoLexer.ON, pos(ctx.value));
    }

    @Override
    public IommuProp visitEntriesProp(IrqtopoParser.EntriesPropContext ctx) {
        return new IommuProp.Entries(pos(ctx.ENTRIES()), num(ctx.INT()));
    }

    @Override
    public IommuProp visitSourceCheckProp(IrqtopoParser.SourceCheckPropContext ctx) {
        SourceCheck value = switch (ctx.value.getType()) {
            case IrqtopoLexer.FULL -> SourceCheck.FULL;
            case IrqtopoLexer.BUS -> SourceCheck.BUS;
            default -> SourceCheck.OFF;
        };
        return new IommuProp.SourceCheckProp(pos(ctx.SOURCE_CHECK()), value, pos(ctx.value));
    }

    @Override
    public IommuProp visitCompatProp(IrqtopoParser.CompatPropContext ctx) {
        return new IommuProp.Compat(pos(ctx.COMPAT()), ctx.value.getType() == IrqtopoLexer.ALLOWED, pos(ctx.value));
    }

    @Override
    public IommuProp visitPostedProp(IrqtopoParser.PostedPropContext ctx) {
        return new IommuProp.Posted(pos(ctx.POSTED()), ctx.value.getType() == IrqtopoLexer.ON);
    }

    @Override
    public IommuProp visitMsiTranslationProp(IrqtopoParser.MsiTranslationPropContext ctx) {
        MsiTranslationMode mode = switch (ctx.value.getType()) {
            case IrqtopoLexer.FLAT -> MsiTranslationMode.FLAT;
            case IrqtopoLexer.MRIF -> MsiTranslationMode.MRIF;
            default -> MsiTranslationMode.OFF;
        };
        return new IommuProp.MsiTranslation(pos(ctx.MSI()), mode, pos(ctx.value));
    }

    @Override
    public IommuProp visitCoversProp(IrqtopoParser.CoversPropContext ctx) {
        return new IommuProp.Covers(pos(ctx.COVERS()), names(ctx.name()));
    }

    // --- hypervisor

    @Override
    public HypervisorBlock visitHypervisor(IrqtopoParser.HypervisorContext ctx) {
        HypervisorKind kind = switch (ctx.kind.getType()) {
            case IrqtopoLexer.KVM -> HypervisorKind.KVM;
            case IrqtopoLexer.HYPERV -> HypervisorKind.HYPERV;
            default -> HypervisorKind.XEN;
        };
        List<HypervisorProp> props = ctx.hypervisorProp().stream().filter(p -> !misplaced(p, "hypervisor"))
                .map(p -> build(p, HypervisorProp.class)).toList();
        return new HypervisorBlock(pos(ctx.HYPERVISOR()), kind, props);
    }

    @Override
    public HypervisorProp visitCpuidProp(IrqtopoParser.CpuidPropContext ctx) {
        return new HypervisorProp.Cpuid(pos(ctx.CPUID()), ctx.value.getType() == IrqtopoLexer.VISIBLE);
    }

    @Override
    public HypervisorProp visitTrapsProp(IrqtopoParser.TrapsPropContext ctx) {
        List<Word<StorageKind>> storages = ctx.storage().stream().map(this::storageWord).toList();
        return new HypervisorProp.Traps(pos(ctx.TRAPS()), storages);
    }

    @Override
    public HypervisorProp visitHypercallProp(IrqtopoParser.HypercallPropContext ctx) {
        return new HypervisorProp.Hypercall(pos(ctx.HYPERCALL()), ctx.value.getType() == IrqtopoLexer.COMPOSE);
    }

    @Override
    public HypervisorProp visitExtDestIdProp(IrqtopoParser.ExtDestIdPropContext ctx) {
        return new HypervisorProp.ExtDestId(pos(ctx.EXT_DEST_ID()), ctx.value.getType() == IrqtopoLexer.ON);
    }

    @Override
    public HypervisorProp visitVlpiProp(IrqtopoParser.VlpiPropContext ctx) {
        return new HypervisorProp.Vlpi(pos(ctx.VLPI()), ctx.value.getType() == IrqtopoLexer.ON);
    }

    // --- gic and smmu (arm64)

    @Override
    public Object visitGicItem(IrqtopoParser.GicItemContext ctx) {
        IrqtopoParser.GicContext gic = ctx.gic();
        int version = gic.gicVersion.getType() == IrqtopoLexer.V4 ? 4 : 3;
        List<MsiControllerDecl> controllers = new ArrayList<>();
        for (IrqtopoParser.GicMemberContext member : gic.gicMember()) {
            if (member instanceof IrqtopoParser.ItsMemberContext its) {
                controllers.add(new MsiControllerDecl.Its(pos(its.ITS()), name(its.name()),
                        its.itsProp().stream().map(p -> build(p, GicProp.class)).toList()));
            } else {
                IrqtopoParser.V2mMemberContext v2m = (IrqtopoParser.V2mMemberContext) member;
                controllers.add(new MsiControllerDecl.V2m(pos(v2m.V2M()), name(v2m.name()),
                        v2m.v2mProp().stream().map(p -> build(p, GicProp.class)).toList()));
            }
        }
        return new GicDecl(pos(gic.GIC()), new Word<>(version, pos(gic.gicVersion)), controllers);
    }

    @Override
    public GicProp visitItsDoorbellProp(IrqtopoParser.ItsDoorbellPropContext ctx) {
        return new GicProp.Doorbell(pos(ctx.DOORBELL()), num(ctx.INT()));
    }

    @Override
    public GicProp visitV2mDoorbellProp(IrqtopoParser.V2mDoorbellPropContext ctx) {
        return new GicProp.Doorbell(pos(ctx.DOORBELL()), num(ctx.INT()));
    }

    @Override
    public GicProp visitDeviceIdBitsProp(IrqtopoParser.DeviceIdBitsPropContext ctx) {
        return new GicProp.DeviceIdBits(pos(ctx.DEVICE_ID_BITS()), num(ctx.INT()));
    }

    @Override
    public GicProp visitEventIdBitsProp(IrqtopoParser.EventIdBitsPropContext ctx) {
        return new GicProp.EventIdBits(pos(ctx.EVENT_ID_BITS()), num(ctx.INT()));
    }

    @Override
    public GicProp visitSpiBaseProp(IrqtopoParser.SpiBasePropContext ctx) {
        return new GicProp.SpiBase(pos(ctx.SPI_BASE()), num(ctx.INT()));
    }

    @Override
    public GicProp visitSpisProp(IrqtopoParser.SpisPropContext ctx) {
        return new GicProp.Spis(pos(ctx.SPIS()), num(ctx.INT()));
    }

    // --- imsic (riscv64)

    @Override
    public Object visitImsicItem(IrqtopoParser.ImsicItemContext ctx) {
        return new ImsicDecl(pos(ctx.imsic().IMSIC()),
                ctx.imsic().imsicProp().stream().map(p -> build(p, ImsicProp.class)).toList());
    }

    @Override
    public ImsicProp visitIdentitiesProp(IrqtopoParser.IdentitiesPropContext ctx) {
        return new ImsicProp.Identities(pos(ctx.IDENTITIES()), num(ctx.INT()));
    }

    @Override
    public ImsicProp visitGuestIdentitiesProp(IrqtopoParser.GuestIdentitiesPropContext ctx) {
        return new ImsicProp.GuestIdentities(pos(ctx.GUEST_IDENTITIES()), num(ctx.INT()));
    }

    @Override
    public ImsicProp visitGuestFilesProp(IrqtopoParser.GuestFilesPropContext ctx) {
        return new ImsicProp.GuestFiles(pos(ctx.GUEST_FILES()), num(ctx.INT()));
    }

    @Override
    public ImsicProp visitMBaseProp(IrqtopoParser.MBasePropContext ctx) {
        return new ImsicProp.MBase(pos(ctx.M_BASE()), num(ctx.INT()));
    }

    @Override
    public ImsicProp visitSBaseProp(IrqtopoParser.SBasePropContext ctx) {
        return new ImsicProp.SBase(pos(ctx.S_BASE()), num(ctx.INT()));
    }

    @Override
    public Object visitSmmuItem(IrqtopoParser.SmmuItemContext ctx) {
        IrqtopoParser.SmmuContext smmu = ctx.smmu();
        List<SmmuDecl.Covers> covers = smmu.smmuProp().stream()
                .map(p -> (IrqtopoParser.SmmuCoversPropContext) p)
                .map(c -> new SmmuDecl.Covers(pos(c.COVERS()), names(c.name()))).toList();
        return new SmmuDecl(pos(smmu.SMMU()), name(smmu.name()), covers);
    }

    private Word<StorageKind> storageWord(IrqtopoParser.StorageContext ctx) {
        Pos at = pos(ctx.getStart());
        if (ctx instanceof IrqtopoParser.MsiStorageContext) {
            return new Word<>(StorageKind.MSI, at);
        }
        if (ctx instanceof IrqtopoParser.MsixStorageContext) {
            return new Word<>(StorageKind.MSIX, at);
        }
        return new Word<>(imsKind(((IrqtopoParser.ImsStorageContext) ctx).where), at);
    }

    // --- buses and devices

    /** A bus block: its devices in source order, those of its bridges where each bridge block stands. */
    @Override
    public BusDecl visitBus(IrqtopoParser.BusContext ctx) {
        Name bus = name(ctx.name());
        List<DeviceDecl> devices = new ArrayList<>();
        List<BridgeDecl> bridges = new ArrayList<>();
        List<MsiMapDecl> msiMaps = new ArrayList<>();
        List<MsiMapDecl.Mask> masks = new ArrayList<>();
        for (IrqtopoParser.BusMemberContext member : ctx.busMember()) {
            if (member instanceof IrqtopoParser.BridgeMemberContext b) {
                BridgeDecl bridge = bridge(b.bridge(), bus);
                bridges.add(bridge);
                devices.addAll(bridge.devices());
            } else if (member instanceof IrqtopoParser.MsiMapMemberContext m) {
                msiMaps.add(new MsiMapDecl(pos(m.MSI_MAP()), Rid.parse(m.RID().getText(), pos(m.RID())), name(m.name()),
                        num(m.INT(0)), num(m.INT(1))));
            } else if (member instanceof IrqtopoParser.MsiMapMaskMemberContext m) {
                masks.add(new MsiMapDecl.Mask(pos(m.MSI_MAP_MASK()), num(m.INT())));
            } else {
                devices.add(device(((IrqtopoParser.DeviceMemberContext) member).device(), bus));
            }
        }
        return new BusDecl(pos(ctx.BUS()), bus, devices, bridges, msiMaps, masks);
    }

    private BridgeDecl bridge(IrqtopoParser.BridgeContext ctx, Name bus) {
        return new BridgeDecl(pos(ctx.BRIDGE()), name(ctx.name()), Rid.parse(ctx.RID().getText(), pos(ctx.RID())),
                ctx.device().stream().map(d -> device(d, bus)).toList());
    }

    private DeviceDecl device(IrqtopoParser.DeviceContext ctx, Name bus) {
        DeviceAddress address = build(ctx.deviceAddress(), DeviceAddress.class);
        List<StorageDecl> storages = ctx.deviceProp().stream().map(p -> build(p, StorageDecl.class)).toList();
        return new DeviceDecl(pos(ctx.DEVICE()), name(ctx.name()), bus, address, storages);
    }

    @Override
    public DeviceAddress visitFunctionAddress(IrqtopoParser.FunctionAddressContext ctx) {
        return new DeviceAddress.Function(Rid.parse(ctx.RID().getText(), pos(ctx.RID())));
    }

    @Override
    public DeviceAddress visitSubDeviceAddress(IrqtopoParser.SubDeviceAddressContext ctx) {
        return new DeviceAddress.SubDevice(name(ctx.name()), num(ctx.INT()));
    }

    @Override
    public StorageDecl visitMsiProp(IrqtopoParser.MsiPropContext ctx) {
        return new StorageDecl(pos(ctx.MSI()), StorageKind.MSI, num(ctx.INT()), ctx.MASKABLE() != null);
    }

    @Override
    public StorageDecl visitMsixProp(IrqtopoParser.MsixPropContext ctx) {
        return new StorageDecl(pos(ctx.MSIX()), StorageKind.MSIX, num(ctx.INT()), false);
    }

    @Override
    public StorageDecl visitImsProp(IrqtopoParser.ImsPropContext ctx) {
        return new StorageDecl(pos(ctx.IMS()), imsKind(ctx.where), num(ctx.INT()), false);
    }

    // --- kernels and stacks

    @Override
    public HostBlock visitHost(IrqtopoParser.HostContext ctx) {
        List<KernelDecl> kernels = new ArrayList<>();
        List<StackDecl> stacks = new ArrayList<>();
        for (IrqtopoParser.HostMemberContext member : ctx.hostMember()) {
            if (member instanceof IrqtopoParser.HostKernelContext kernel) {
                kernels.add(kernel(kernel.kernel(), Optional.empty()));
            } else {
                stacks.add(visitStack(((IrqtopoParser.HostStackContext) member).stack()));
            }
        }
        return new HostBlock(pos(ctx.HOST()), kernels, stacks);
    }

    @Override
    public GuestDecl visitGuest(IrqtopoParser.GuestContext ctx) {
        List<GuestItem> items = ctx.guestMember().stream().map(m -> build(m, GuestItem.class)).toList();
        return new GuestDecl(pos(ctx.GUEST()), name(ctx.name()), items);
    }

    @Override
    public GuestItem visitGuestCpus(IrqtopoParser.GuestCpusContext ctx) {
        return new GuestItem.Cpus(pos(ctx.CPUS()), num(ctx.INT()));
    }

    @Override
    public GuestItem visitGuestAssign(IrqtopoParser.GuestAssignContext ctx) {
        return new GuestItem.Assign(pos(ctx.ASSIGN()), names(ctx.name()));
    }

    @Override
    public GuestItem visitGuestKernel(IrqtopoParser.GuestKernelContext ctx) {
        return kernel(ctx.kernel(), Optional.empty());
    }

    @Override
    public GuestItem visitGuestStack(IrqtopoParser.GuestStackContext ctx) {
        return visitStack(ctx.stack());
    }

    @Override
    public StackDecl visitStack(IrqtopoParser.StackContext ctx) {
        BusDomainKind busDomain = busDomain(ctx.busDomain());
        List<Link> chain = ctx.link().stream().map(l -> build(l, Link.class)).toList();
        Optional<Num> alloc = Optional.ofNullable(ctx.ALLOC()).map(a -> num(ctx.INT()));
        return new StackDecl(pos(ctx.STACK()), name(ctx.name()), new Word<>(busDomain, pos(ctx.busDomain().getStart())),
                chain, alloc, pos(ctx.SEMI()));
    }

    @Override
    public Link visitVectorLink(IrqtopoParser.VectorLinkContext ctx) {
        return new Link.Vector(pos(ctx.VECTOR()));
    }

    @Override
    public Link visitRemapLink(IrqtopoParser.RemapLinkContext ctx) {
        return new Link.Remap(pos(ctx.REMAP()), name(ctx.name()));
    }

    @Override
    public Link visitHcallLink(IrqtopoParser.HcallLinkContext ctx) {
        return new Link.Hcall(pos(ctx.HCALL()));
    }

    @Override
    public Link visitImsicLink(IrqtopoParser.ImsicLinkContext ctx) {
        return new Link.Imsic(pos(ctx.IMSIC()));
    }

    @Override
    public Link visitGicLink(IrqtopoParser.GicLinkContext ctx) {
        return new Link.Gic(pos(ctx.GIC()));
    }

    @Override
    public Link visitItsLink(IrqtopoParser.ItsLinkContext ctx) {
        return new Link.Its(pos(ctx.ITS()), Optional.ofNullable(ctx.name()).map(AstBuilder::name));
    }

    @Override
    public Link visitV2mLink(IrqtopoParser.V2mLinkContext ctx) {
        return new Link.V2m(pos(ctx.V2M()), name(ctx.name()));
    }

    @Override
    public Link visitBusLink(IrqtopoParser.BusLinkContext ctx) {
        return new Link.Bus(pos(ctx.getStart()), busDomain(ctx.busDomain()));
    }

    // --- tokens

    private static BusDomainKind busDomain(IrqtopoParser.BusDomainContext ctx) {
        return switch (ctx.getStart().getType()) {
            case IrqtopoLexer.MSI -> BusDomainKind.MSI;
            case IrqtopoLexer.MSIX -> BusDomainKind.MSIX;
            default -> BusDomainKind.IMS;
        };
    }

    private static StorageKind imsKind(Token where) {
        return where.getType() == IrqtopoLexer.DEVICE ? StorageKind.IMS_DEVICE : StorageKind.IMS_QUEUE;
    }

    private <T> T build(ParserRuleContext ctx, Class<T> type) {
        return type.cast(visit(ctx));
    }

    private static List<Name> names(List<IrqtopoParser.NameContext> names) {
        return names.stream().map(AstBuilder::name).toList();
    }

    /**
     * Keywords that stay usable as names: {@code kernel} is a keyword only where a kernel line starts: it
     * came with the kernel profiles, and files written before them may use it as a name, which it stays;
     * so do {@code ioapic} and {@code pins}, which came later still, and the words of arm64 and riscv64
     * platforms.
     */
    private static final Set<Integer> SOFT_KEYWORDS = Set.of(IrqtopoLexer.KERNEL, IrqtopoLexer.IOAPIC,
            IrqtopoLexer.PINS, IrqtopoLexer.ARM64, IrqtopoLexer.DEVICE_ID_BITS, IrqtopoLexer.DOORBELL,
            IrqtopoLexer.EVENT_ID_BITS, IrqtopoLexer.GIC, IrqtopoLexer.ITS, IrqtopoLexer.MPIDR, IrqtopoLexer.MSI_MAP,
            IrqtopoLexer.MSI_MAP_MASK, IrqtopoLexer.SMMU, IrqtopoLexer.SPI_BASE, IrqtopoLexer.SPIS, IrqtopoLexer.V2M,
            IrqtopoLexer.V3, IrqtopoLexer.V4, IrqtopoLexer.VLPI, IrqtopoLexer.RISCV64, IrqtopoLexer.RISCV,
            IrqtopoLexer.IMSIC, IrqtopoLexer.IDENTITIES, IrqtopoLexer.GUEST_IDENTITIES, IrqtopoLexer.GUEST_FILES,
            IrqtopoLexer.M_BASE, IrqtopoLexer.S_BASE, IrqtopoLexer.FLAT, IrqtopoLexer.MRIF);

    /** A name as written; a keyword there is IRQ002's, unless it is one of {@link #SOFT_KEYWORDS}. */
    private static Name name(IrqtopoParser.NameContext ctx) {
        Token token = ctx.getStart();
        boolean keyword = ctx instanceof IrqtopoParser.KeywordNameContext && !SOFT_KEYWORDS.contains(token.getType());
        return new Name(token.getText(), pos(token), keyword);
    }

    private static Num num(TerminalNode node) {
        return Num.parse(node.getText(), pos(node));
    }

    private static Pos pos(TerminalNode node) {
        return pos(node.getSymbol());
    }

    static Pos pos(Token token) {
        return new Pos(token.getLine(), token.getCharPositionInLine() + 1);
    }

    /** The text between the quotes, with {@code \"} and {@code \\} unescaped. */
    static String unquote(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\') {
                c = literal.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
