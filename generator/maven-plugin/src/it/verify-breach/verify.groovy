// verify=true found the breach, printed its counterexample and failed the build before writing sources.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] platform SharedRequesterId: BREACH')
assert log =~ /\[ERROR\]   vm0 via adi1\.ims reaches (host|vm1)/
assert log =~ /\[ERROR\]     message 0x[0-9a-f]{16} 0x[0-9a-f]{8} from requester id 03:00\.0/
assert log.contains('irqtopo: isolation breach in SharedRequesterId; the counterexamples are above')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/irqtopo').exists()
return true
