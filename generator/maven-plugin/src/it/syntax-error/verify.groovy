// The build failed, naming the file, line and column of the syntax error, and wrote nothing.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/irqtopo/broken.irqtopo').canonicalPath
assert log.contains('[ERROR] ' + file + ':4:22: error: expected \';\' [IRQ001]') : log
assert log.contains('irqtopo: 1 error in ')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/irqtopo').exists()
return true
