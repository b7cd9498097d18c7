// First build generates, the second finds nothing changed, the third (platform renamed) replaces the source.
def out = new File(basedir, 'target/generated-sources/irqtopo/dev/example/inc')
assert !new File(out, 'First.java').exists()
assert new File(out, 'Second.java').isFile()

def log = new File(basedir, 'build.log').text
def generated = log.findAll(/irqtopo: generated 1 source from 1 file into \S+ \((\d) written, (\d) unchanged, (\d) deleted\)/) { all, w, u, d -> "$w $u $d" }
assert generated == ['1 0 0', '1 0 1'] : generated
assert log.count('unchanged since the last run: nothing to generate') == 1
return true
