// Skipped: nothing generated, nothing registered, and the broken file did not fail the build.
assert !new File(basedir, 'target/generated-sources/irqtopo').exists()
assert !new File(basedir, 'target/irqtopo-maven-plugin').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('irqtopo: skipping generate (irqtopo.skip)')
assert !log.contains('IRQ001')
return true
