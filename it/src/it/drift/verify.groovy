// check fails when the policies changed without regenerating and when a generated file was
// edited by hand, naming the file, showing the diff and the command that fixes it.
def log = new File(basedir, 'build.log').text.replace('\r\n', '\n')
def steps = log.split(/\[INFO\] Building drift 1\.0/)
assert steps.size() == 5

assert steps[1].contains('BUILD SUCCESS')

def edited = steps[2]
// Only the memory limit changed, so only the unit (and the manifest) differ.
assert edited.contains('[ERROR] isolation does not match the policies: 2 changed\n'
        + '  changed  isolation/.stockade-manifest\n'
        + '  changed  isolation/systemd/mcp-notes.service\n')
assert edited.contains('--- isolation/systemd/mcp-notes.service (on disk)\n+++ isolation/systemd/mcp-notes.service (generated)\n@@ -')
assert edited.contains('\n-MemoryMax=268435456\n+MemoryMax=536870912\n')
assert edited.contains('Run `mvn stockade:generate` to regenerate isolation')
assert edited.contains('BUILD FAILURE')

def regenerated = steps[3]
assert regenerated.contains('[INFO] Wrote isolation/systemd/mcp-notes.service')
assert regenerated =~ /\[INFO\] isolation is up to date with the policies \(\d+ files\)/
assert regenerated.contains('BUILD SUCCESS')

def handEdited = steps[4]
assert handEdited.contains('[ERROR] isolation does not match the policies: 1 changed\n'
        + '  changed  isolation/systemd/mcp-notes.service\n')
assert handEdited.contains('+++ isolation/systemd/mcp-notes.service (generated)')
assert handEdited.contains('\n-# edited by hand\n')
assert handEdited.contains('BUILD FAILURE')
return true
