// Removing a server deletes exactly the files generated for it, and nothing else: not the
// other server's files, not files Stockade never wrote (even one named after the server).
def log = new File(basedir, 'build.log').text.replace('\r\n', '\n')
def out = new File(basedir, 'isolation')
def steps = log.split(/\[INFO\] Building stale-files 1\.0/)
assert steps.size() == 3
assert !log.contains('BUILD FAILURE')

def wroteGone = (steps[1] =~ /\[INFO\] Wrote isolation\/(\S*mcp-gone\S*)/).collect { it[1] }
def deleted = (steps[2] =~ /\[INFO\] Deleted isolation\/(\S+) \(no longer generated\)/).collect { it[1] }
assert !wroteGone.isEmpty()
assert deleted.sort() == wroteGone.sort()
deleted.each { assert !new File(out, it).exists() }

// The remaining server's files were not rewritten; only the manifest changed.
assert (steps[2] =~ /\[INFO\] Wrote isolation\/(\S+)/).collect { it[1] } == ['.stockade-manifest']
assert new File(out, 'systemd/mcp-keep.service').isFile()
assert new File(out, 'README.md').isFile()
assert new File(out, 'systemd/mcp-gone.local.conf').isFile()
assert !new File(out, '.stockade-manifest').text.contains('mcp-gone')
return true
