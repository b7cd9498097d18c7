// Tokens of the irqtopo language, version 2 (see the language specification).
// Keywords come first so that they win over NAME for the same text; the error tokens at the end
// go to the ERRORS channel, where the front end turns them into diagnostics, so the parser never
// sees them.
lexer grammar IrqtopoLexer;

channels { ERRORS }

// Keywords, in alphabetical order (error messages list expected keywords in this order).

ALLOC        : 'alloc';
ALLOWED      : 'allowed';
AMDVI        : 'amdvi';
APIC         : 'apic';
APIC_IDS     : 'apic_ids';
ARM64        : 'arm64';
ASSIGN       : 'assign';
BLOCKED      : 'blocked';
BREACH       : 'breach';
BRIDGE       : 'bridge';
BUS          : 'bus';
COMPAT       : 'compat';
COMPOSE      : 'compose';
COVERS       : 'covers';
CPU          : 'cpu';
CPUID        : 'cpuid';
CPUS         : 'cpus';
DEVICE       : 'device';
DEVICE_ID_BITS: 'device_id_bits';
DOORBELL     : 'doorbell';
ENTRIES      : 'entries';
EVENT_ID_BITS: 'event_id_bits';
EXPECT       : 'expect';
EXT_DEST_ID  : 'ext_dest_id';
FLAT         : 'flat';
FULL         : 'full';
GIC          : 'gic';
GUEST        : 'guest';
GUEST_FILES  : 'guest_files';
GUEST_IDENTITIES: 'guest_identities';
HCALL        : 'hcall';
HIDDEN_KW    : 'hidden';   // HIDDEN is ANTLR's name for the hidden channel
HOST         : 'host';
HYPERCALL    : 'hypercall';
HYPERV       : 'hyperv';
HYPERVISOR   : 'hypervisor';
IDENTITIES   : 'identities';
IMS          : 'ims';
IMSIC        : 'imsic';
IOAPIC       : 'ioapic';
IOMMU        : 'iommu';
ISOLATED     : 'isolated';
ITS          : 'its';
KERNEL       : 'kernel';
KVM          : 'kvm';
M_BASE       : 'm_base';
MASKABLE     : 'maskable';
MPIDR        : 'mpidr';
MRIF         : 'mrif';
MSI          : 'msi';
MSI_MAP      : 'msi_map';
MSI_MAP_MASK : 'msi_map_mask';
MSIX         : 'msix';
NONE         : 'none';
OF           : 'of';
OFF          : 'off';
ON           : 'on';
PACKAGE      : 'package';
PASID        : 'pasid';
PINS         : 'pins';
PLATFORM     : 'platform';
POSTED       : 'posted';
QUEUE        : 'queue';
REMAP        : 'remap';
REMAPPING    : 'remapping';
RISCV        : 'riscv';
RISCV64      : 'riscv64';
S_BASE       : 's_base';
SMMU         : 'smmu';
SOURCE_CHECK : 'source_check';
SPI_BASE     : 'spi_base';
SPIS         : 'spis';
STACK        : 'stack';
TRAPS        : 'traps';
V2M          : 'v2m';
V3           : 'v3';
V4           : 'v4';
VECTOR       : 'vector';
VISIBLE      : 'visible';
VLPI         : 'vlpi';
VTD          : 'vtd';
X2APIC       : 'x2apic';
X86          : 'x86';
XAPIC        : 'xapic';
XEN          : 'xen';

// Punctuation.
LBRACE       : '{';
RBRACE       : '}';
SEMI         : ';';
COMMA        : ',';
DOT          : '.';
COLON        : ':';
ARROW        : '->';

// A PCI requester id: [segment:]bus:device.function, every field hexadecimal of any length (the
// checker enforces the ranges). It may start with a letter (a0:00.0); longest match keeps
// `nic.msix:` and `0x2a` out of it, because neither has a colon between two hex runs followed by a dot.
RID          : HEX+ ':' HEX+ (':' HEX+)? '.' HEX+;

// Decimal or hexadecimal integers of any length; '_' may separate digits.
INT          : DEC ('_'? DEC)*
             | '0' [xX] HEX ('_'? HEX)*
             ;

NAME         : [A-Za-z_] [A-Za-z0-9_]*;

// A string on one line; only \" and \\ are escapes.
STRING       : '"' (~["\\\r\n] | '\\' ["\\])* '"';

LINE_COMMENT : '//' ~[\r\n]* -> skip;
BLOCK_COMMENT: '/*' .*? '*/' -> skip;
WS           : [ \t\r\n\f]+ -> skip;

// Lexical errors, reported by the front end with their own message.
// A terminated string with an escape other than \" or \\.
BAD_ESCAPE_STRING    : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' -> channel(ERRORS);
// A string that reaches the end of its line: shorter than any terminated string, so it only wins without a closing quote.
UNTERMINATED_STRING  : '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'? -> channel(ERRORS);
// A block comment without its closing */: it cannot contain */, so a closed comment is always longer.
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* -> channel(ERRORS);
// Any character that starts no token.
ERROR_CHAR           : . -> channel(ERRORS);

fragment DEC : [0-9];
fragment HEX : [0-9a-fA-F];
