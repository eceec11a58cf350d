// A broken file fails the build with the syntax diagnostic at the right place (not a stack
// trace), and the reports are still written so CI can upload them.
def log = new File(basedir, 'build.log').text.replace('\r\n', '\n')
def reports = new File(basedir, 'target/stockade')

assert log.contains('[ERROR] src/main/stockade/broken.stockade:5:11: error[syntax]: unknown runtime "nodejs"')
// The excerpt and its caret line come right after the header, unprefixed, so the carets line up.
assert log.contains('5 |   runtime nodejs\n  |           ^^^^^^\n')
assert log.contains('[INFO] 1 error')
assert log.contains('BUILD FAILURE')
assert log.contains('Stockade policy validation failed: 1 finding at error or above (failOn error)')
// A policy problem is a finding, never a crash: no Java stack frame anywhere in the log.
assert !(log =~ /(?m)^\s+at [\w$.]+\(/)
assert !log.contains('Exception:')

def report = new groovy.json.JsonSlurper().parse(new File(reports, 'report.json'))
assert report.summary.errors == 1
assert report.findings.size() == 1
assert report.findings[0].rule == 'syntax'
assert report.findings[0].file == 'src/main/stockade/broken.stockade'
assert report.findings[0].line == 5
assert report.findings[0].column == 11
assert new File(reports, 'stockade.sarif').isFile()
return true
