// The sources were generated where the defaults say, registered as source roots, and compiled.
def main = new File(basedir, 'target/generated-sources/irqtopo')
def test = new File(basedir, 'target/generated-test-sources/irqtopo')
assert new File(main, 'dev/example/irq/ImsInGuest.java').isFile()
assert new File(main, 'dev/example/more/Bare.java').isFile()
assert new File(test, 'dev/example/fixture/Fixture.java').isFile()
assert !new File(main, 'dev/example/fixture').exists()

assert new File(basedir, 'target/classes/dev/example/irq/ImsInGuest.class').isFile()
assert new File(basedir, 'target/classes/dev/example/app/App.class').isFile()
assert new File(basedir, 'target/test-classes/dev/example/fixture/Fixture.class').isFile()
assert new File(basedir, 'target/test-classes/dev/example/app/FixtureUse.class').isFile()

assert new File(basedir, 'target/irqtopo-maven-plugin/generate.state').isFile()
assert new File(basedir, 'target/irqtopo-maven-plugin/test-generate.state').isFile()

def log = new File(basedir, 'build.log').text
assert log.contains('irqtopo: generated 2 sources from 2 files into ')
assert log.contains('irqtopo: generated 1 source from 1 file into ')
return true
