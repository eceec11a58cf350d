// A warning passes under the default failOn (error) and fails the build under failOn=warning.
def log = new File(basedir, 'build.log').text.replace('\r\n', '\n')
def runs = log.split(/Validating 1 policy file in src\/main\/stockade/)
assert runs.size() == 3

assert runs[1] =~ /\[WARNING\] src\/main\/stockade\/quiet\.stockade:\d+:\d+: warning\[audit-missing\]: /
assert runs[1].contains('[INFO] 1 warning')
assert runs[1].contains('BUILD SUCCESS')

assert runs[2] =~ /\[WARNING\] src\/main\/stockade\/quiet\.stockade:\d+:\d+: warning\[audit-missing\]: /
assert runs[2].contains('BUILD FAILURE')
assert runs[2].contains('Stockade policy validation failed: 1 finding at warning or above (failOn warning)')
return true
