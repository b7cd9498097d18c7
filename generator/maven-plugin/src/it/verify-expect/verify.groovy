// verify=true over three platforms in one execution: Leaky breaches as it expects, Tight and Quiet are
// isolated as they expect; nothing is an error, and every source was generated.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] irqtopo: platform Leaky: BREACH, as expected (')
assert log.contains('[INFO] irqtopo: 3 platforms verified: every verdict is the expected one (1 breach expected)')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')
def out = new File(basedir, 'target/generated-sources/irqtopo/dev/example')
['leaky/Leaky.java', 'tight/Tight.java', 'quiet/Quiet.java'].each { assert new File(out, it).isFile() : it }
return true
