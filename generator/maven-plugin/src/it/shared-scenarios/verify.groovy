// One generated and compiled class per platform of every conformance scenario, and nothing else.
def pom = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml'))
def scenarios = new File(pom.properties.scenarios.text())
assert scenarios.isDirectory() : "no scenario directory ${scenarios}"

def files = scenarios.listFiles().findAll { it.name.endsWith('.irqtopo') }.sort { it.name }
assert files.size() >= 9 : "only ${files.size()} scenarios in ${scenarios}"

def main = new File(basedir, 'target/generated-sources/irqtopo')
def classes = new File(basedir, 'target/classes')
def expected = [] as Set
files.each { file ->
    def text = file.text
    def pkg = (text =~ /(?m)^\s*package\s+([\w.]+)\s*;/)[0][1]
    def platforms = (text =~ /(?m)^\s*platform\s+(\w+)/).collect { it[1] }
    assert !platforms.isEmpty() : "no platform in ${file.name}"
    platforms.each { name ->
        assert name ==~ /[A-Z][A-Za-z0-9]*/ : "${name} is not already a class name"
        def path = pkg.replace('.', '/') + '/' + name
        def source = new File(main, path + '.java')
        assert source.isFile() : "no class generated for platform ${name} of ${file.name}"
        assert source.text.contains("comments = \"${file.name}\"") : "${source} does not name ${file.name}"
        assert new File(classes, path + '.class').isFile() : "${path}.java was not compiled"
        expected << path + '.java'
    }
}

def generated = [] as Set
main.eachFileRecurse(groovy.io.FileType.FILES) { generated << main.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
assert generated == expected

def log = new File(basedir, 'build.log').text
assert log.contains("irqtopo: generated ${expected.size()} sources from ${files.size()} files into ")
assert log.contains('BUILD SUCCESS')
return true
