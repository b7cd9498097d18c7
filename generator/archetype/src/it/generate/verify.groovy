// The archetype made a project with one design, the plugin, the runtime, the Truth subjects and a JUnit 5
// test; mvn verify generated the design's class, verified it, compiled it and ran the test green.
def project = new File(basedir, 'my-design')
assert new File(project, 'pom.xml').isFile()
def design = new File(project, 'src/main/irqtopo/ims-in-guest.irqtopo')
assert design.text.startsWith('package com.example.design;')
assert new File(project, 'src/test/java/com/example/design/ImsInGuestTest.java').isFile()

def pom = new groovy.xml.XmlSlurper().parse(new File(project, 'pom.xml'))
assert pom.groupId.text() == 'com.example'
assert pom.properties.'irqtopo.version'.text() ==~ /\d+\.\d+\.\d+(-SNAPSHOT)?/
assert pom.dependencies.dependency.collect { "${it.groupId}:${it.artifactId}:${it.scope}" } ==
        ['dev.irqtopo:irqtopo-runtime:', 'dev.irqtopo:irqtopo-truth:test', 'org.junit.jupiter:junit-jupiter:test']

assert new File(project, 'target/generated-sources/irqtopo/com/example/design/ImsInGuest.java').isFile()
assert new File(project, 'target/my-design-1.0-SNAPSHOT.jar').isFile()

def log = new File(basedir, 'build.log').text
assert log.contains('irqtopo: 1 platform verified: every guest is isolated')
assert log =~ /Tests run: 4, Failures: 0, Errors: 0, Skipped: 0/
assert log.count('BUILD SUCCESS') == 2
return true
