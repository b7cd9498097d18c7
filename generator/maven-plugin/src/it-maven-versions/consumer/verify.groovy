// Each Maven built the project from clean to verify: generated, verified, compiled and tested. The
// versions come from the plugin's build (script variable mavenVersions).
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^(?=Apache Maven \d)/).findAll { it.startsWith('Apache Maven ') }
def versions = runs.collect { (it =~ /^Apache Maven (\S+)/)[0][1] }
assert versions == mavenVersions.split(',') as List : versions
runs.each { run ->
    def maven = (run =~ /^Apache Maven (\S+)/)[0][1]
    assert run.contains('irqtopo: generated 1 source from 1 file into ') : "Maven ${maven}: nothing generated"
    assert run.contains('irqtopo: 1 platform verified: every guest is isolated') : "Maven ${maven}: main not verified"
    assert run.contains('irqtopo: platform Rabbit: BREACH, as expected') : "Maven ${maven}: fixture not verified"
    assert run =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0/ : "Maven ${maven}: the tests did not run"
    assert run.contains('BUILD SUCCESS') : "Maven ${maven}: the build failed"
}
assert new File(basedir, 'target/maven-versions-1.jar').isFile()
return true
