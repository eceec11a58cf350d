// A waivable error accepted with a reason: the build passes, the log and the report show the
// finding as accepted with its reason, and the artifacts are generated.
def log = new File(basedir, 'build.log').text.replace('\r\n', '\n')

assert log =~ /\[INFO\] src\/main\/stockade\/ports\.stockade:7:\d+: error\[net-any-port\] \(accepted\): /
assert log.contains('= accepted because: the build farm hands out ports in this range')
assert log =~ /\[INFO\] (.*, )?1 accepted/
assert log.contains('BUILD SUCCESS')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/stockade/report.json'))
def finding = report.findings.find { it.rule == 'net-any-port' }
assert finding.accepted == true
assert finding.acceptedBecause == 'the build farm hands out ports in this range'
assert report.summary.accepted == 1
assert report.summary.errors == 0
assert new File(basedir, 'isolation/systemd/mcp-ports.service').isFile()
return true
