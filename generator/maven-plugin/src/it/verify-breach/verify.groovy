// verify=true judged each platform against its expect line: the breach Leaky expects passed; the one
// SharedRequesterId does not expect printed its counterexamples, and Fixed, which expects a breach, is
// isolated. The build failed before any source was written, and its failure names both platforms, what
// each expected and SharedRequesterId's counterexample.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] irqtopo: platform Leaky: BREACH, as expected')
assert log.contains('[ERROR] platform SharedRequesterId: BREACH, but isolated expected')
assert log =~ /\[ERROR\]   vm0 reaches (the host|vm1) through adi1's IMS storage/
assert log =~ /\[ERROR\]     class shared-requester-id: /
assert log =~ /\[ERROR\]     message 0x[0-9a-f]{16} 0x[0-9a-f]{8} from requester id 03:00\.0/
assert log.contains('[ERROR] irqtopo: platform Fixed: isolated, but breach expected: no guest reaches an interrupt it does not own')
assert !(log =~ /\[ERROR\].*Leaky/)

// Maven repeats the failure's message in its summary: "Failed to execute goal …: irqtopo: …"
def failure = log.readLines().find { it.contains('Failed to execute goal dev.irqtopo:irqtopo-maven-plugin') }
assert failure != null
assert failure.contains('platform Fixed: isolated, but breach expected: no guest reaches an interrupt it does not own')
assert failure =~ /platform SharedRequesterId: BREACH, but isolated expected \(\d+ findings?\): vm0 reaches (the host|vm1) through adi1's IMS storage with 0x[0-9a-f]{16} 0x[0-9a-f]{8} from requester id 03:00\.0 \(class shared-requester-id\)/
assert !failure.contains('Leaky')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/irqtopo').exists()
return true
