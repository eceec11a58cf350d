// A policy that grants the whole filesystem and every host fails the build with both findings at
// their exact place (with net-metadata, which 0.0.0.0/0 also trips), and the SARIF log for code scanning is written and well-formed.
def log = new File(basedir, 'build.log').text.replace('\r\n', '\n')

assert log =~ /\[ERROR\] src\/main\/stockade\/wide\.stockade:7:\d+: error\[fs-root-grant\]: /
assert log =~ /\[ERROR\] src\/main\/stockade\/wide\.stockade:10:\d+: error\[net-any-host\]: /
assert log.contains('7 |     read "/"')
assert log.contains('BUILD FAILURE')
assert log.contains('Stockade policy validation failed: 3 findings at error or above (failOn error)')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/stockade/stockade.sarif'))
assert sarif.version == '2.1.0'
assert sarif.'$schema'.contains('sarif')
def results = sarif.runs[0].results
assert results*.ruleId.sort() == ['fs-root-grant', 'net-any-host', 'net-metadata']
results.each { result ->
    assert result.level == 'error'
    def location = result.locations[0].physicalLocation
    assert location.artifactLocation.uri == 'src/main/stockade/wide.stockade'
    assert location.region.startLine in [7, 10]
    assert location.region.startColumn > 0
}
assert sarif.runs[0].tool.driver.rules*.id.containsAll(['fs-root-grant', 'net-any-host', 'net-metadata'])
return true
