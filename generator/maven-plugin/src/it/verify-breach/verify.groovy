// verify=true judged each platform against its expect line: the breach Leaky expects passed, the one
// SharedRequesterId does not expect printed its counterexample and failed the build before any source
// was written.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] irqtopo: platform Leaky: BREACH, as expected')
assert log.contains('[ERROR] platform SharedRequesterId: BREACH, but isolated expected')
assert log =~ /\[ERROR\]   vm0 reaches (the host|vm1) through adi1's IMS storage/
assert log =~ /\[ERROR\]     class shared-requester-id: /
assert log =~ /\[ERROR\]     message 0x[0-9a-f]{16} 0x[0-9a-f]{8} from requester id 03:00\.0/
assert log.contains('irqtopo: isolation breach in SharedRequesterId, which expects none; the counterexamples are above')
assert !(log =~ /\[ERROR\].*Leaky/)
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/irqtopo').exists()
return true
