// A valid project: the build passes, reports the summary line and writes both reports.
def log = new File(basedir, 'build.log').text.replace('\r\n', '\n')
def reports = new File(basedir, 'target/stockade')

assert log.contains('[INFO] Validating 2 policy files in src/main/stockade')
// The only finding is the informational secret-static on the GitHub server's env token.
assert log.contains('[INFO] 1 info')
assert log.contains('info[secret-static]')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')

def json = new File(reports, 'report.json')
def sarif = new File(reports, 'stockade.sarif')
assert json.isFile()
assert sarif.isFile()
def report = new groovy.json.JsonSlurper().parse(json)
assert report.version == 1
assert report.findings.size() == 1
assert report.findings[0].rule == 'secret-static'
assert report.findings[0].severity == 'info'
assert new groovy.json.JsonSlurper().parse(sarif).version == '2.1.0'
return true
